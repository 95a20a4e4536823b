//! About: who assesses what, for whom. Every row is a text field; the focused one takes every
//! printable key. Enter and ↓ go to the next field, from the last one Enter goes on.

use crate::i18n::{Key, k};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block as Frame_, Borders, Paragraph};

use super::{Cx, Flow, Focus, Go, Leave};
use crate::tui::action::Action;
use crate::tui::doc::Doc;
use crate::tui::editor::{AboutField, Editor, TextField};
use crate::tui::env::Env;
use crate::tui::form::{self, Block, Field};
use crate::tui::keymap::{self, Footer, Keys};

pub struct State {
    /// The field with the focus (an index into [`AboutField::ALL`]).
    pub focus: usize,
    pub editor: Editor,
    pub scroll: form::Scroll,
}

impl State {
    pub fn new(cx: &mut Cx, focus: &Focus) -> State {
        let index = match focus {
            Focus::Field(TextField::About(f)) => AboutField::ALL.iter().position(|x| x == f),
            _ => None,
        };
        let focus = index.unwrap_or(0);
        let field = TextField::About(AboutField::ALL[focus]);
        State {
            focus,
            editor: Editor::open(field, &cx.doc.loaded.assessment),
            scroll: form::Scroll::default(),
        }
    }

    pub fn keys(&self) -> Keys {
        // In a list of names, Enter after a name starts the next one.
        let enter = if self.editor.field.is_list() && !self.editor.on_empty_line() {
            k::UI_DOES_NEXT_NAME
        } else {
            k::UI_DOES_NEXT
        };
        let mut keys = Keys::text(vec![
            keymap::enter(enter),
            keymap::esc(k::UI_DOES_BACK),
            keymap::arrows(k::UI_DOES_FIELD, false),
            keymap::tab(k::UI_DOES_FIELD).footer(Footer::No),
        ]);
        keys.bindings.extend(keymap::editor_keys(false));
        keys
    }

    /// Moves the focus to field `i`; true when a changed field was left.
    fn focus_on(&mut self, cx: &mut Cx, i: usize) -> bool {
        let i = i.min(AboutField::ALL.len() - 1);
        if i == self.focus {
            return false;
        }
        let left = self.editor.changed;
        self.focus = i;
        self.editor = Editor::open(TextField::About(AboutField::ALL[i]), &cx.doc.loaded.assessment);
        left
    }

    pub fn focus_title(&mut self, cx: &mut Cx) {
        self.focus_on(cx, 0);
    }

    pub fn update(&mut self, cx: &mut Cx, action: Action) -> Flow {
        let last = AboutField::ALL.len() - 1;
        let left = match action {
            Action::Up | Action::PrevField => self.focus_on(cx, self.focus.saturating_sub(1)),
            Action::Down | Action::NextField => self.focus_on(cx, self.focus + 1),
            // In a list of names, Enter after a name starts the next one.
            Action::Enter if self.editor.next_entry(&mut cx.doc.loaded.assessment) => {
                return Flow::Stay;
            }
            Action::Enter if self.focus == last => return Flow::Go(Go::Next),
            Action::Enter => self.focus_on(cx, self.focus + 1),
            Action::Back => return Flow::Go(Go::Back),
            _ => false,
        };
        if left { Flow::Save } else { Flow::Stay }
    }

    pub fn edit(&mut self, cx: &mut Cx, key: KeyEvent) -> bool {
        self.editor.key(key, &mut cx.doc.loaded.assessment)
    }

    pub fn paste(&mut self, cx: &mut Cx, text: &str) -> bool {
        self.editor.paste(text, &mut cx.doc.loaded.assessment)
    }

    pub fn leave(&mut self) -> Leave {
        Leave::Ok(self.editor.changed)
    }

    pub fn help_key(&self) -> Key {
        k::UI_HELP_FORM
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, env: &Env, doc: &Doc) {
    let t = &env.texts;
    let th = &env.theme;
    let rule = Frame_::new().borders(Borders::TOP).border_style(th.border);
    let inner = rule.inner(area);
    frame.render_widget(rule, area);
    let columns = inner.width.saturating_sub(2) as usize;
    let mut intro = form::heading_lines(th, columns, t.get(k::UI_ABOUT_HEADING), None);
    intro.extend(form::text_lines(t.get(k::UI_ABOUT_INTRO), columns, 1, th.muted));
    let way_on = format!("{}  {}", t.get(k::UI_ABOUT_REQUIRED), t.get(k::UI_ABOUT_WAY_ON));
    let way_on = form::text_lines(&way_on, columns, 1, th.muted);
    let [intro_area, fields_area, way_on_area] = inner.layout(&Layout::vertical([
        Constraint::Length(intro.len() as u16 + 1),
        Constraint::Fill(1),
        Constraint::Length(way_on.len() as u16),
    ]));
    frame.render_widget(Paragraph::new(intro), intro_area);
    let a = &doc.loaded.assessment;
    let blocks: Vec<Block> = AboutField::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let field = TextField::About(*f);
            let focused = i == state.focus;
            let star = if f.required() { " *" } else { "" };
            Block::Field(Field {
                label: format!("{}{star}", t.get(f.key())),
                value: field.value(a),
                editor: focused.then_some(&state.editor),
                focused,
                hint: None,
            })
        })
        .collect();
    let labels = AboutField::ALL.iter().map(|f| format!("{} *", t.get(f.key())));
    let label_w = form::label_width(labels, fields_area.width as usize);
    form::draw(frame, fields_area, &blocks, &state.scroll, label_w, th);
    frame.render_widget(Paragraph::new(way_on), way_on_area);
}
