//! Rendering the three documents of a decided assessment (from its snapshot) and the decision
//! record of an undecided one (narrowing the embedded catalogue first). Target: well under 1 ms
//! each, so `e` in the wizard and `meetcheck export` feel instant.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use meetcheck::commands::EMBEDDED_CATALOG;
use meetcheck::export::{self, Kind};
use meetcheck::i18n::{Lang, Texts};

#[allow(dead_code)]
#[path = "../tests/export/support.rs"]
mod support;

fn bench(c: &mut Criterion) {
    let decided = support::decided();
    let catalog = support::catalog();
    let texts = Texts::embedded(Lang::De);
    for kind in Kind::ALL {
        c.bench_function(&format!("export/{} (decided, de)", kind.id()), |b| {
            b.iter(|| export::render(kind, black_box(&decided), &catalog, &texts, support::TODAY))
        });
    }
    let embedded = meetcheck::embedded_catalog::build();
    c.bench_function("catalog/build (compiled in)", |b| b.iter(meetcheck::embedded_catalog::build));
    c.bench_function("catalog/parse RON (as before)", |b| {
        b.iter(|| meetcheck::domain::catalog::parse(black_box(EMBEDDED_CATALOG)).unwrap())
    });
    // What `meetcheck export NAME` does after start: load, catalogue, render.
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves/beratungsstelle-lindenhof-videoberatung-bst001.ron");
    let store = meetcheck::store::Store::new(std::env::temp_dir());
    let target = example.to_str().unwrap();
    c.bench_function("export/whole record of an example (load, catalogue, render)", |b| {
        b.iter(|| {
            let loaded = store.inspect(black_box(target)).unwrap();
            let catalog = meetcheck::embedded_catalog::build();
            export::render(Kind::Record, &loaded.assessment, &catalog, &texts, support::TODAY)
        })
    });
    let mut pending = support::decided();
    pending.decision = None;
    c.bench_function("export/record (pending: narrows the embedded catalogue)", |b| {
        b.iter(|| {
            export::render(Kind::Record, black_box(&pending), &embedded, &texts, support::TODAY)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
