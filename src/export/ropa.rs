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
use crate::i18n::{Key, k};

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
    let heading = |doc: &mut Doc, key: Key| doc.heading(2, &md::text(texts.get(key)));
    let mut doc = Doc::new();
    doc.raw(&super::draft_front_matter(
        &l.fmt(k::EXPORT_ROPA_TITLE, &[("platform", &l.platform())]),
        basis,
        texts,
    ));

    // Art. 30(1)(a) and the record's own particulars.
    heading(&mut doc, k::EXPORT_ROPA_H_CONTROLLER);
    let field = |key: Key, value: String| vec![md::text(texts.get(key)), md::text(&value)];
    let rows = vec![
        field(
            k::EXPORT_ROPA_F_NAME,
            l.fmt(k::EXPORT_ROPA_NAME, &[("platform", &l.platform_name())]),
        ),
        field(k::EXPORT_ROPA_F_REFERENCE, l.placeholder_for(k::EXPORT_WHAT_REFERENCE)),
        field(k::EXPORT_ROPA_F_DATE, basis.today.to_string()),
        field(
            k::EXPORT_ROPA_F_CONTROLLER,
            l.or_placeholder(&a.meta.controller, k::EXPORT_WHAT_CONTROLLER),
        ),
        field(k::EXPORT_ROPA_F_JOINT, l.placeholder_for(k::EXPORT_WHAT_JOINT)),
        field(k::EXPORT_ROPA_F_REPRESENTATIVE, l.get(k::EXPORT_ROPA_REPRESENTATIVE)),
        field(k::EXPORT_ROPA_F_DPO, l.or_placeholder(&a.meta.dpo_contact, k::EXPORT_WHAT_DPO)),
        field(k::EXPORT_ROPA_F_DEPARTMENT, l.placeholder_for(k::EXPORT_WHAT_DEPARTMENT)),
        field(
            k::EXPORT_ROPA_F_ASSESSMENT,
            l.fmt(k::EXPORT_ROPA_ASSESSMENT, &[("title", &a.meta.title), ("id", &a.meta.id)]),
        ),
    ];
    let header = [
        md::text(texts.get(k::EXPORT_ROPA_COL_FIELD)),
        md::text(texts.get(k::EXPORT_ROPA_COL_ENTRY)),
    ];
    doc.table(&header, &rows);

    // (b) purposes, with the legal basis of each.
    heading(&mut doc, k::EXPORT_ROPA_H_PURPOSES);
    doc.paragraph(&md::text(&l.fmt(k::EXPORT_ROPA_PURPOSES, &[("platform", &l.platform_name())])));
    let groups = l.groups();
    let purposes: Vec<String> = groups
        .iter()
        .map(|g| {
            format!(
                "**{}** – {}",
                md::text(&l.group_name(*g)),
                md::text(&l.fmt(
                    k::EXPORT_LEGAL_PURPOSE_BASIS,
                    &[("purpose", &l.group_purpose(*g)), ("basis", &l.group_basis(*g))],
                ))
            )
        })
        .collect();
    doc.list(&purposes);
    let further = l.further_bases();
    if !further.is_empty() {
        doc.paragraph(&md::text(texts.get(k::EXPORT_ROPA_FURTHER_BASES)));
        list(&mut doc, &further);
    }

    // (c)
    heading(&mut doc, k::EXPORT_ROPA_H_SUBJECTS);
    let subjects: Vec<String> = groups.iter().map(|g| l.group_name(*g)).collect();
    list(&mut doc, &subjects);
    heading(&mut doc, k::EXPORT_ROPA_H_DATA);
    list(&mut doc, &l.data_categories());

    // (d), (e)
    heading(&mut doc, k::EXPORT_ROPA_H_RECIPIENTS);
    list(&mut doc, &l.recipients(Voice::Record));
    heading(&mut doc, k::EXPORT_ROPA_H_TRANSFERS);
    list(&mut doc, &l.transfers(Voice::Record));

    // (f)
    heading(&mut doc, k::EXPORT_ROPA_H_ERASURE);
    list(&mut doc, &l.storage());

    // (g)
    heading(&mut doc, k::EXPORT_ROPA_H_TOMS);
    doc.paragraph(&md::text(
        &l.fmt(k::EXPORT_ROPA_TOMS, &[("reference", &l.placeholder_for(k::EXPORT_WHAT_TOMS))]),
    ));
    list(&mut doc, &measures(&l));

    heading(&mut doc, k::EXPORT_ROPA_H_STATUS);
    let todos: Vec<String> = RELATED_TODOS
        .iter()
        .filter(|id| basis.todo(**id).is_some())
        .map(|id| {
            let item = basis.item(*id);
            let mut line = l.fmt(
                k::EXPORT_ROPA_TODO,
                &[
                    ("todo", &describe::todo_title_for(texts, basis.scenario, *id)),
                    ("status", texts.by_name(item.status.key())),
                ],
            );
            if !item.evidence.trim().is_empty() {
                line = l.fmt(
                    k::EXPORT_ROPA_TODO_EVIDENCE,
                    &[("todo", &line), ("evidence", &item.evidence)],
                );
            }
            line
        })
        .collect();
    if todos.is_empty() {
        doc.paragraph(&md::text(texts.get(k::EXPORT_ROPA_NO_TODOS)));
    }
    list(&mut doc, &todos);
    let dpia = if basis.todo(TodoId::Dpia).is_some() {
        l.get(k::EXPORT_ROPA_DPIA_REQUIRED)
    } else {
        l.fmt(
            k::EXPORT_ROPA_DPIA_NOT_FOUND,
            &[("reference", &l.placeholder_for(k::EXPORT_WHAT_DPIA))],
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
        return vec![l.placeholder_for(k::EXPORT_WHAT_TOMS)];
    };
    out.push(match o.operating_model {
        OperatingModel::SelfOperated => l.fmt(
            k::EXPORT_ROPA_TOM_SELF_OPERATED,
            &[("placeholder", &l.placeholder_for(k::EXPORT_WHAT_SERVER_LOCATION))],
        ),
        _ => l.fmt(k::EXPORT_ROPA_TOM_PROCESSOR, &[("operator", &l.operator(o))]),
    });
    out.push(l.get(k::EXPORT_ROPA_TOM_TRANSPORT));
    out.push(match o.e2ee.value().map(|e| e.mode) {
        Some(E2eeMode::Always) => l.get(k::EXPORT_ROPA_TOM_E2EE_ALWAYS),
        Some(E2eeMode::OnByDefault) => l.get(k::EXPORT_ROPA_TOM_E2EE_DEFAULT),
        Some(E2eeMode::OptionalOff) if b.scenario.e2ee() => {
            l.get(k::EXPORT_ROPA_TOM_E2EE_SWITCH_ON)
        }
        Some(E2eeMode::OptionalOff) => l.get(k::EXPORT_ROPA_TOM_E2EE_OPTIONAL),
        Some(E2eeMode::None) => l.get(k::EXPORT_ROPA_TOM_E2EE_NONE),
        None => l.placeholder_for(k::EXPORT_WHAT_E2EE),
    });
    for (feature, key) in [
        (Feature::Lobby, k::EXPORT_ROPA_TOM_LOBBY),
        (Feature::Passwords, k::EXPORT_ROPA_TOM_PASSWORDS),
    ] {
        if b.scenario.features_needed().contains(&feature) {
            out.push(l.get(key));
        }
    }
    // The DSK's checklist points: described, with where their implementation stands.
    for (id, key) in [
        (TodoId::ModeratorRoles, k::EXPORT_ROPA_TOM_ROLES),
        (TodoId::Updates, k::EXPORT_ROPA_TOM_UPDATES),
        (TodoId::Telemetry, k::EXPORT_ROPA_TOM_TELEMETRY),
        (TodoId::BreachProcess, k::EXPORT_ROPA_TOM_BREACH),
        (TodoId::PrivateHomes, k::EXPORT_ROPA_TOM_PRIVATE_HOMES),
    ] {
        let applies = b.todo(id).is_some();
        if !applies && id == TodoId::PrivateHomes {
            continue;
        }
        let item = b.item(id);
        let state = match (applies, item.status) {
            (true, TodoStatus::Done) if !item.evidence.trim().is_empty() => l.fmt(
                k::EXPORT_ROPA_TOM_STATE_EVIDENCE,
                &[("status", t.by_name(item.status.key())), ("evidence", &item.evidence)],
            ),
            (true, status) => t.by_name(status.key()).to_string(),
            (false, _) => l.placeholder_for(k::EXPORT_WHAT_IMPLEMENTED),
        };
        out.push(l.fmt(k::EXPORT_ROPA_TOM_MEASURE, &[("measure", t.get(key)), ("state", &state)]));
    }
    out.extend(o.settings.iter().map(|s| {
        l.fmt(k::EXPORT_ROPA_TOM_SETTING, &[("setting", t.pick(s).trim_end_matches('.'))])
    }));
    for id in [TodoId::CheckToms, TodoId::Settings, TodoId::Dpa] {
        let item = b.item(id);
        if item.status == TodoStatus::Done && !item.evidence.trim().is_empty() {
            out.push(l.fmt(
                k::EXPORT_ROPA_TOM_EVIDENCE,
                &[
                    ("todo", &describe::todo_title_for(t, b.scenario, id)),
                    ("evidence", &item.evidence),
                ],
            ));
        }
    }
    out
}
