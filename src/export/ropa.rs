//! The record-of-processing entry (Art. 30(1) GDPR) for online meetings, in the third person as
//! a record is kept: every item (a)–(g), the data subjects from the groups of people, recipients
//! by name and seat, transfers with their basis, erasure periods, and the technical and
//! organisational measures as a description built from the catalogue, the settings and the
//! organisation's evidence.

use crate::describe;
use crate::domain::assessment::TodoStatus;
use crate::domain::catalog::{E2eeMode, Feature, OperatingModel};
use crate::domain::todos::TodoId;
use crate::i18n::Texts;

use super::basis::Basis;
use super::legal::{Legal, Voice};
use super::markdown::{self as md, Doc};

/// To-dos whose state belongs into the record of processing, in this order.
const RELATED_TODOS: [TodoId; 8] = [
    TodoId::Dpa,
    TodoId::TransferBasis,
    TodoId::CheckToms,
    TodoId::Settings,
    TodoId::Dpia,
    TodoId::ParticipantInformation,
    TodoId::Representation,
    TodoId::SocialDataNotice,
];

pub fn render(basis: &Basis, texts: &Texts) -> String {
    let l = Legal { b: basis, t: texts };
    let a = basis.assessment;
    let list = |doc: &mut Doc, items: &[String]| {
        let escaped: Vec<String> = items.iter().map(|i| md::text(i)).collect();
        doc.list(&escaped);
    };
    let heading = |doc: &mut Doc, key: &str| doc.heading(2, &md::text(texts.get(key)));
    let mut doc = Doc::new();
    doc.raw(&super::draft_front_matter(
        &l.fmt("export.ropa.title", &[("platform", &l.platform())]),
        basis,
        texts,
    ));

    // Art. 30(1)(a) and the record's own particulars.
    heading(&mut doc, "export.ropa.h.controller");
    let field = |key: &str, value: String| vec![md::text(texts.get(key)), md::text(&value)];
    let rows = vec![
        field("export.ropa.f.name", l.fmt("export.ropa.name", &[("platform", &l.platform_name())])),
        field("export.ropa.f.reference", l.placeholder_for("export.what.reference")),
        field("export.ropa.f.date", basis.today.to_string()),
        field(
            "export.ropa.f.controller",
            l.or_placeholder(&a.meta.controller, "export.what.controller"),
        ),
        field("export.ropa.f.joint", l.placeholder_for("export.what.joint")),
        field("export.ropa.f.representative", l.get("export.ropa.representative")),
        field("export.ropa.f.dpo", l.or_placeholder(&a.meta.dpo_contact, "export.what.dpo")),
        field("export.ropa.f.department", l.placeholder_for("export.what.department")),
        field(
            "export.ropa.f.assessment",
            l.fmt("export.ropa.assessment", &[("title", &a.meta.title), ("id", &a.meta.id)]),
        ),
    ];
    let header = [
        md::text(texts.get("export.ropa.col.field")),
        md::text(texts.get("export.ropa.col.entry")),
    ];
    doc.table(&header, &rows);

    // (b) purposes, with the legal basis of each.
    heading(&mut doc, "export.ropa.h.purposes");
    doc.paragraph(&md::text(&l.fmt("export.ropa.purposes", &[("platform", &l.platform_name())])));
    let groups = l.groups();
    let purposes: Vec<String> = groups
        .iter()
        .map(|g| {
            format!(
                "**{}** – {}",
                md::text(&l.group_name(*g)),
                md::text(&l.fmt(
                    "export.legal.purpose_basis",
                    &[("purpose", &l.group_purpose(*g)), ("basis", &l.group_basis(*g))],
                ))
            )
        })
        .collect();
    doc.list(&purposes);
    let further = l.further_bases();
    if !further.is_empty() {
        doc.paragraph(&md::text(texts.get("export.ropa.further_bases")));
        list(&mut doc, &further);
    }

    // (c)
    heading(&mut doc, "export.ropa.h.subjects");
    let subjects: Vec<String> = groups.iter().map(|g| l.group_name(*g)).collect();
    list(&mut doc, &subjects);
    heading(&mut doc, "export.ropa.h.data");
    list(&mut doc, &l.data_categories());

    // (d), (e)
    heading(&mut doc, "export.ropa.h.recipients");
    list(&mut doc, &l.recipients(Voice::Record));
    heading(&mut doc, "export.ropa.h.transfers");
    list(&mut doc, &l.transfers(Voice::Record));

    // (f)
    heading(&mut doc, "export.ropa.h.erasure");
    list(&mut doc, &l.storage());

    // (g)
    heading(&mut doc, "export.ropa.h.toms");
    doc.paragraph(&md::text(
        &l.fmt("export.ropa.toms", &[("reference", &l.placeholder_for("export.what.toms"))]),
    ));
    list(&mut doc, &measures(&l));

    heading(&mut doc, "export.ropa.h.status");
    let todos: Vec<String> = RELATED_TODOS
        .iter()
        .filter(|id| basis.todo(**id).is_some())
        .map(|id| {
            let item = basis.item(*id);
            let mut line = l.fmt(
                "export.ropa.todo",
                &[
                    ("todo", &describe::todo_title_for(texts, basis.scenario, *id)),
                    ("status", texts.get(item.status.key())),
                ],
            );
            if !item.evidence.trim().is_empty() {
                line = l.fmt(
                    "export.ropa.todo_evidence",
                    &[("todo", &line), ("evidence", &item.evidence)],
                );
            }
            line
        })
        .collect();
    if todos.is_empty() {
        doc.paragraph(&md::text(texts.get("export.ropa.no_todos")));
    }
    list(&mut doc, &todos);
    let dpia = if basis.todo(TodoId::Dpia).is_some() {
        l.get("export.ropa.dpia_required")
    } else {
        l.fmt(
            "export.ropa.dpia_not_found",
            &[("reference", &l.placeholder_for("export.what.dpia"))],
        )
    };
    doc.paragraph(&md::text(&dpia));
    doc.finish()
}

/// The technical and organisational measures the assessment can describe: how the platform is
/// run and encrypted, which safeguards the scenario requires, the settings applied, and the
/// organisation's own evidence.
fn measures(l: &Legal) -> Vec<String> {
    let t = l.t;
    let b = l.b;
    let mut out = Vec::new();
    let Some(o) = b.subject() else {
        return vec![l.placeholder_for("export.what.toms")];
    };
    out.push(match o.operating_model {
        OperatingModel::SelfOperated => l.fmt(
            "export.ropa.tom.self_operated",
            &[("placeholder", &l.placeholder_for("export.what.server_location"))],
        ),
        _ => l.fmt("export.ropa.tom.processor", &[("operator", &l.operator(o))]),
    });
    out.push(l.get("export.ropa.tom.transport"));
    out.push(match o.e2ee.value().map(|e| e.mode) {
        Some(E2eeMode::Always) => l.get("export.ropa.tom.e2ee_always"),
        Some(E2eeMode::OnByDefault) => l.get("export.ropa.tom.e2ee_default"),
        Some(E2eeMode::OptionalOff) if b.scenario.e2ee() => l.get("export.ropa.tom.e2ee_switch_on"),
        Some(E2eeMode::OptionalOff) => l.get("export.ropa.tom.e2ee_optional"),
        Some(E2eeMode::None) => l.get("export.ropa.tom.e2ee_none"),
        None => l.placeholder_for("export.what.e2ee"),
    });
    for (feature, key) in [
        (Feature::Lobby, "export.ropa.tom.lobby"),
        (Feature::Passwords, "export.ropa.tom.passwords"),
    ] {
        if b.scenario.features_needed().contains(&feature) {
            out.push(l.get(key));
        }
    }
    // The DSK's checklist points: described, with where their implementation stands.
    for (id, key) in [
        (TodoId::ModeratorRoles, "export.ropa.tom.roles"),
        (TodoId::Updates, "export.ropa.tom.updates"),
        (TodoId::Telemetry, "export.ropa.tom.telemetry"),
        (TodoId::BreachProcess, "export.ropa.tom.breach"),
        (TodoId::PrivateHomes, "export.ropa.tom.private_homes"),
    ] {
        let applies = b.todo(id).is_some();
        if !applies && id == TodoId::PrivateHomes {
            continue;
        }
        let item = b.item(id);
        let state = match (applies, item.status) {
            (true, TodoStatus::Done) if !item.evidence.trim().is_empty() => l.fmt(
                "export.ropa.tom.state_evidence",
                &[("status", t.get(item.status.key())), ("evidence", &item.evidence)],
            ),
            (true, status) => t.get(status.key()).to_string(),
            (false, _) => l.placeholder_for("export.what.implemented"),
        };
        out.push(l.fmt("export.ropa.tom.measure", &[("measure", t.get(key)), ("state", &state)]));
    }
    out.extend(o.settings.iter().map(|s| {
        l.fmt("export.ropa.tom.setting", &[("setting", t.pick(s).trim_end_matches('.'))])
    }));
    for id in [TodoId::CheckToms, TodoId::Settings, TodoId::Dpa] {
        let item = b.item(id);
        if item.status == TodoStatus::Done && !item.evidence.trim().is_empty() {
            out.push(l.fmt(
                "export.ropa.tom.evidence",
                &[
                    ("todo", &describe::todo_title_for(t, b.scenario, id)),
                    ("evidence", &item.evidence),
                ],
            ));
        }
    }
    out
}
