//! Shared helpers for the wizard's tests: a model with a fixed date, the fixture catalogue, and
//! a narrowing stand-in whose result depends on the answers in a known way.
#![allow(dead_code)]

use jiff::Timestamp;
use jiff::civil::Date;
use meetcheck::domain::assessment::Assessment;
use meetcheck::domain::catalog::Catalog;
use meetcheck::domain::narrowing::{Evaluation, KnockOut, KnockOutDetail, RuleId, Shortlist};
use meetcheck::domain::scenario::{Scenario, TransferStance};
use meetcheck::i18n::{Lang, Texts};
use meetcheck::store::Store;
use meetcheck::tui::app::{Action, Effect, Model, Msg, update};
use meetcheck::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const TODAY: Date = Date::constant(2026, 11, 29);

pub fn now() -> Timestamp {
    "2026-11-29T09:30:00Z".parse().unwrap()
}

/// The fixture catalogue when present, else the embedded one.
pub fn catalog() -> Catalog {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalog.ron");
    let text = std::fs::read_to_string(fixture)
        .unwrap_or_else(|_| meetcheck::commands::EMBEDDED_CATALOG.to_string());
    meetcheck::domain::catalog::parse(&text).expect("fixture catalogue parses")
}

/// Stand-in for `narrow`: offerings at even positions are knocked out by the transfer stance
/// "EU only"; every other answer leaves all in. Enough to test the panel and its diff.
pub fn fake_narrow(catalog: &Catalog, scenario: &Scenario, _today: Date) -> Shortlist {
    let mut list = Shortlist::default();
    for (i, o) in catalog.offerings.iter().enumerate() {
        let mut e = Evaluation {
            offering: o.id.clone(),
            knockouts: vec![],
            unconfirmed: vec![],
            lights: vec![],
            score: 0,
        };
        if i % 2 == 0 && scenario.transfer_stance == TransferStance::EuOnly {
            e.knockouts.push(KnockOut {
                rule: RuleId::TransferStance,
                facts: vec![],
                answers: vec![],
                detail: KnockOutDetail::Plain,
            });
            list.excluded.push(e);
        } else {
            list.ranked.push(e);
        }
    }
    list
}

/// A model with the narrowing stand-in (tests of the wizard's own logic).
pub fn model(lang: Lang) -> Model {
    model_with(lang, fake_narrow)
}

/// A model with the real narrowing (snapshots: what users see).
pub fn model_real(lang: Lang) -> Model {
    model_with(lang, meetcheck::domain::narrowing::narrow)
}

pub fn model_with(lang: Lang, narrow: meetcheck::tui::app::Narrower) -> Model {
    let mut model = Model::new(Texts::embedded(lang), Theme::colour(), TODAY, now(), narrow);
    update(&mut model, Msg::CatalogLoaded(Box::new(catalog())));
    model
}

/// A model with a new, untitled assessment open at About.
pub fn with_new_assessment(lang: Lang) -> Model {
    open_new(model(lang))
}

pub fn with_new_assessment_real(lang: Lang) -> Model {
    open_new(model_real(lang))
}

fn open_new(mut model: Model) -> Model {
    let a = Assessment::new("t0000001".into(), String::new(), now(), "2026-11".into());
    model.open(Store::new("/nonexistent-saves").create(a));
    model
}

pub fn act(model: &mut Model, action: Action) -> Effect {
    update(model, Msg::Action(action))
}

pub fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        update(model, Msg::Edit(tui_input::InputRequest::InsertChar(c)));
    }
}

/// Renders the model into a test terminal of this size.
pub fn render(model: &mut Model, w: u16, h: u16) -> Terminal<TestBackend> {
    update(model, Msg::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| meetcheck::tui::view::draw(f, model)).unwrap();
    terminal
}

/// The screen as text, one line per row.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// A new assessment walked forward with the defaults until `step`.
pub fn at_step(lang: Lang, step: meetcheck::domain::scenario::Step) -> Model {
    let mut m = with_new_assessment_real(lang);
    type_text(&mut m, "Beratungsstelle Nord – Videoberatung");
    while m.doc.as_ref().unwrap().step() < step {
        if m.doc.as_ref().unwrap().step() == meetcheck::domain::scenario::Step::Checklist {
            // Enter on a to-do opens it: go to the last row, "continue", first.
            for _ in 0..40 {
                act(&mut m, Action::Down);
            }
        }
        act(&mut m, Action::Enter);
        // Enter in About moves through the fields; Tab gets to the end faster.
        if m.doc.as_ref().unwrap().step() == meetcheck::domain::scenario::Step::About {
            act(&mut m, Action::NextField);
        }
    }
    m
}
