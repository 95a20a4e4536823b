//! The record-of-processing draft (Art. 30(1) GDPR) for "video conferencing".

use crate::describe;
use crate::domain::narrowing::FactField;
use crate::domain::todos::TodoId;
use crate::i18n::Texts;

use super::basis::Basis;
use super::legal::Legal;
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
    let list = |doc: &mut Doc, items: &[String]| l.write_list(doc, items);
    let heading = |doc: &mut Doc, key: &str| doc.heading(2, &md::text(texts.get(key)));
    let mut doc = Doc::new();
    doc.heading(1, &md::text(&l.fmt("export.ropa.title", &[("option", &l.platform())])));
    doc.paragraph(&md::text(
        &l.fmt("export.draft_note", &[("id", &a.meta.id), ("date", &basis.today.to_string())]),
    ));

    let field = |key: &str, value: String| vec![md::text(texts.get(key)), md::text(&value)];
    let rows = vec![
        field("export.ropa.f.name", l.fmt("export.ropa.name", &[("option", &l.platform())])),
        field("export.ropa.f.reference", l.placeholder("export.what.reference")),
        field("export.ropa.f.date", basis.today.to_string()),
        field(
            "export.ropa.f.controller",
            l.or_placeholder(&a.meta.controller, "export.what.controller"),
        ),
        field("export.ropa.f.joint", l.placeholder("export.what.joint")),
        field("export.ropa.f.dpo", l.or_placeholder(&a.meta.dpo_contact, "export.what.dpo")),
        field("export.ropa.f.department", l.placeholder("export.what.department")),
        field(
            "export.ropa.f.assessment",
            l.fmt("export.ropa.assessment", &[("id", &a.meta.id), ("title", &a.meta.title)]),
        ),
    ];
    let header = [
        md::text(texts.get("export.ropa.col.field")),
        md::text(texts.get("export.ropa.col.entry")),
    ];
    doc.table(&header, &rows);

    heading(&mut doc, "export.ropa.h.purposes");
    list(&mut doc, &l.purposes());
    heading(&mut doc, "export.ropa.h.legal_basis");
    list(&mut doc, &l.legal_bases());
    heading(&mut doc, "export.ropa.h.subjects");
    list(&mut doc, &l.data_subjects());
    heading(&mut doc, "export.ropa.h.data");
    list(&mut doc, &l.data_categories());
    heading(&mut doc, "export.ropa.h.recipients");
    l.write_recipients(&mut doc);
    heading(&mut doc, "export.ropa.h.transfers");
    l.write_transfers(&mut doc);
    heading(&mut doc, "export.ropa.h.erasure");
    list(&mut doc, &l.storage());

    heading(&mut doc, "export.ropa.h.toms");
    doc.paragraph(&md::text(
        &l.fmt("export.ropa.toms", &[("reference", &l.placeholder("export.what.toms"))]),
    ));
    let mut measures = Vec::new();
    if let Some(o) = basis.subject() {
        measures.push(l.fact(o, FactField::E2ee));
        measures.extend(o.settings.iter().map(|s| texts.pick(s).to_string()));
    }
    list(&mut doc, &measures);

    heading(&mut doc, "export.ropa.h.status");
    let todos: Vec<String> = RELATED_TODOS
        .iter()
        .filter(|id| basis.todo(**id).is_some())
        .map(|id| {
            let item = basis.item(*id);
            l.fmt(
                "export.ropa.todo",
                &[
                    ("todo", &describe::todo_title(texts, *id)),
                    ("status", texts.get(item.status.key())),
                ],
            )
        })
        .collect();
    if todos.is_empty() {
        doc.paragraph(&md::text(texts.get("export.ropa.no_todos")));
    }
    list(&mut doc, &todos);
    let dpia = if basis.todo(TodoId::Dpia).is_some() {
        l.get("export.ropa.dpia_required")
    } else {
        l.fmt("export.ropa.dpia_not_found", &[("reference", &l.placeholder("export.what.dpia"))])
    };
    doc.paragraph(&md::text(&dpia));
    doc.finish()
}
