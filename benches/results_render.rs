//! Drawing the results screen with the full embedded catalogue at 80×24 and 250×80 (target
//! < 1 ms), and the bytes one ↓ in the matrix writes to the terminal compared with a bare ratatui
//! list moving its highlight (printed once before the timings).

use std::cell::Cell;
use std::hint::black_box;
use std::io::Write;
use std::rc::Rc;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use meetcheck::domain::assessment::Assessment;
use meetcheck::domain::scenario::Step;
use meetcheck::i18n::{Lang, Texts};
use meetcheck::store::Store;
use meetcheck::tui::app::{Action, Model, Msg, update};
use meetcheck::tui::theme::Theme;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::widgets::{List, ListState};
use ratatui::{Terminal, TerminalOptions, Viewport};

fn results_model(w: u16, h: u16) -> Model {
    let catalog = meetcheck::domain::catalog::parse(meetcheck::commands::EMBEDDED_CATALOG).unwrap();
    let now = "2026-11-29T09:30:00Z".parse().unwrap();
    let today = Date::constant(2026, 11, 29);
    let narrow = meetcheck::domain::narrowing::narrow;
    let mut m = Model::new(Texts::embedded(Lang::De), Theme::colour(), today, now, narrow);
    update(&mut m, Msg::CatalogLoaded(Box::new(catalog)));
    let a = Assessment::new("bench001".into(), "Bench".into(), now, String::new());
    m.open(Store::new("/nonexistent").create(a));
    while m.step().is_some_and(|s| s < Step::Results) {
        update(&mut m, Msg::Action(Action::NextStep));
    }
    update(&mut m, Msg::Resize(w, h));
    m
}

/// Counts the bytes a terminal backend writes.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Counted = Terminal<CrosstermBackend<Counter>>;

/// Bytes written by the frame after one ↓ (the first full frame not counted).
fn bytes_per_move(mut draw: impl FnMut(&mut Counted, bool)) -> usize {
    let counter = Counter::default();
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)) };
    let mut t = Terminal::with_options(CrosstermBackend::new(counter.clone()), options).unwrap();
    draw(&mut t, false);
    let before = counter.0.get();
    draw(&mut t, true);
    counter.0.get() - before
}

fn report_bytes() {
    let mut m = results_model(80, 24);
    let results = bytes_per_move(|t, moved| {
        if moved {
            update(&mut m, Msg::Action(Action::Down));
        }
        t.draw(|f| meetcheck::tui::view::draw(f, &m)).unwrap();
    });
    let items: Vec<String> = (1..=12).map(|i| format!("Item {i}")).collect();
    let mut state = ListState::default().with_selected(Some(0));
    let bare = bytes_per_move(|t, moved| {
        if moved {
            state.select_next();
        }
        let list = List::new(items.clone()).highlight_symbol("> ");
        t.draw(|f| f.render_stateful_widget(list, f.area(), &mut state)).unwrap();
    });
    eprintln!("bytes for one ↓ at 80×24: results matrix {results} B, bare ratatui list {bare} B");
}

fn bench(c: &mut Criterion) {
    report_bytes();
    for (w, h) in [(80, 24), (250, 80)] {
        let m = results_model(w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("draw results {w}x{h}"), |b| {
            b.iter(|| {
                terminal.draw(|f| meetcheck::tui::view::draw(f, black_box(&m))).unwrap();
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
