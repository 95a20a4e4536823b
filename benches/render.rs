//! `Terminal<TestBackend>::draw` of every wizard screen at 80×24 and 250×80 (target < 1 ms).
//! Each iteration draws into a fresh buffer state by alternating two cursor positions, so the
//! diff is never empty.

#[path = "../tests/common/tui.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use meetcheck::domain::scenario::Step;
use meetcheck::i18n::Lang;
use meetcheck::tui::app::{Action, Model, Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::*;

fn at(step: Step) -> Model {
    at_step(Lang::De, step)
}

fn screens() -> Vec<(String, Model)> {
    let mut list = vec![("start".to_string(), model_real(Lang::De))];
    let mut catalog = model_real(Lang::De);
    act(&mut catalog, Action::Browse);
    let mut detail = model_real(Lang::De);
    act(&mut detail, Action::Browse);
    act(&mut detail, Action::Enter);
    list.push(("catalog".into(), catalog));
    list.push(("catalog_detail".into(), detail));
    for step in Step::ALL {
        list.push((step.id().to_string(), at(step)));
    }
    let mut help = at(Step::Data);
    act(&mut help, Action::Help);
    list.push(("help".into(), help));
    list
}

fn render(c: &mut Criterion) {
    for (w, h) in [(80u16, 24u16), (250, 80)] {
        let mut group = c.benchmark_group(format!("draw_{w}x{h}"));
        for (name, mut model) in screens() {
            update(&mut model, Msg::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut down = true;
            group.bench_function(&name, |b| {
                b.iter(|| {
                    // Move the cursor back and forth so every frame has something to write.
                    let action = if down { Action::Down } else { Action::Up };
                    down = !down;
                    if model.overlay.is_none() {
                        update(&mut model, Msg::Action(action));
                    }
                    terminal.draw(|f| meetcheck::tui::view::draw(f, &model)).unwrap();
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, render);
criterion_main!(benches);
