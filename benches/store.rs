//! Save and load of a typical assessment (an example from `saves/`, with its decision snapshot,
//! checklist and history). Target: at most 1 ms each; reading only the header (what `list` and
//! the start screen do per file) well under 0.1 ms.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use meetcheck::store::{Store, format};

/// A complete example: decision with snapshot, checklist, history.
const TYPICAL: &str = "saves/beratungsstelle-lindenhof-videoberatung-bst001.ron";

fn typical() -> meetcheck::domain::assessment::Assessment {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TYPICAL);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    format::parse(&bytes).expect("the example loads").assessment
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("saves"));
    let mut loaded = store.create(typical());
    store.save(&mut loaded).unwrap();
    let name = loaded.name().unwrap();
    let bytes = format::to_text(&loaded.assessment).unwrap().len();
    eprintln!("typical assessment: {bytes} bytes of RON");

    c.bench_function("store/save (atomic, fsync, backup)", |b| {
        let mut round = 0u64;
        b.iter(|| {
            round += 1;
            loaded.assessment.meta.organisation = format!("Beratungsstelle {}", round % 10);
            store.save(black_box(&mut loaded)).unwrap();
        })
    });
    drop(loaded);
    c.bench_function("store/load-full", |b| b.iter(|| store.load(black_box(&name)).unwrap()));
    c.bench_function("store/load-header (list of one save)", |b| {
        b.iter(|| store.list_headers().unwrap())
    });
    let text = std::fs::read(dir.path().join("saves").join(format!("{name}.ron"))).unwrap();
    c.bench_function("store/parse only", |b| b.iter(|| format::parse(black_box(&text)).unwrap()));
    c.bench_function("store/parse header only", |b| {
        b.iter(|| format::parse_header(black_box(&text[..8192])))
    });
    let decided = format::parse(&text).unwrap().assessment;
    c.bench_function("store/serialize only", |b| {
        b.iter(|| format::to_text(black_box(&decided)).unwrap())
    });

    // While the wizard is being answered (autosave on every step) there is no snapshot yet.
    let mut answering = decided.clone();
    answering.decision = None;
    answering.meta.id = "answer".into();
    let mut loaded = store.create(answering);
    store.save(&mut loaded).unwrap();
    let name = loaded.name().unwrap();
    eprintln!(
        "while answering: {} bytes of RON",
        format::to_text(&loaded.assessment).unwrap().len()
    );
    c.bench_function("store/save while answering (atomic, fsync, backup)", |b| {
        let mut round = 0u64;
        b.iter(|| {
            round += 1;
            loaded.assessment.meta.organisation = format!("Beratungsstelle {}", round % 10);
            store.save(black_box(&mut loaded)).unwrap();
        })
    });
    drop(loaded);
    c.bench_function("store/load while answering", |b| {
        b.iter(|| store.load(black_box(&name)).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
