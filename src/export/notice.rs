//! The participant information draft (Art. 13 GDPR), to be linked from meeting invitations.

use crate::describe;
use crate::i18n::Texts;

use super::basis::Basis;
use super::legal::Legal;
use super::markdown::{self as md, Doc};

pub fn render(basis: &Basis, texts: &Texts) -> String {
    let l = Legal { b: basis, t: texts };
    let a = basis.assessment;
    let list = |doc: &mut Doc, items: &[String]| l.write_list(doc, items);
    let heading = |doc: &mut Doc, key: &str| doc.heading(2, &md::text(texts.get(key)));
    let mut doc = Doc::new();
    doc.heading(1, &md::text(&l.fmt("export.notice.title", &[("option", &l.platform())])));
    doc.paragraph(&md::text(
        &l.fmt("export.draft_note", &[("id", &a.meta.id), ("date", &basis.today.to_string())]),
    ));

    heading(&mut doc, "export.notice.h.controller");
    doc.paragraph(&md::text(&l.or_placeholder(&a.meta.controller, "export.what.controller")));
    heading(&mut doc, "export.notice.h.dpo");
    doc.paragraph(&md::text(&l.or_placeholder(&a.meta.dpo_contact, "export.what.dpo")));

    heading(&mut doc, "export.notice.h.purposes");
    doc.paragraph(&md::text(&l.fmt("export.notice.purposes", &[("option", &l.platform())])));
    list(&mut doc, &l.purposes());

    heading(&mut doc, "export.notice.h.legal_basis");
    list(&mut doc, &l.legal_bases());

    heading(&mut doc, "export.notice.h.data");
    list(&mut doc, &l.data_categories());

    heading(&mut doc, "export.notice.h.recipients");
    l.write_recipients(&mut doc);

    heading(&mut doc, "export.notice.h.transfers");
    l.write_transfers(&mut doc);

    heading(&mut doc, "export.notice.h.storage");
    list(&mut doc, &l.storage());

    heading(&mut doc, "export.notice.h.rights");
    doc.paragraph(&md::text(texts.get("export.notice.rights")));
    list(
        &mut doc,
        &[
            l.get("export.notice.right.access"),
            l.get("export.notice.right.rectification"),
            l.get("export.notice.right.erasure"),
            l.get("export.notice.right.restriction"),
            l.get("export.notice.right.portability"),
            l.get(if l.is_public() {
                "export.notice.right.objection_public"
            } else {
                "export.notice.right.objection"
            }),
            l.get("export.notice.right.withdraw"),
        ],
    );

    heading(&mut doc, "export.notice.h.complaint");
    let authority = describe::competent_authority(texts, basis.scenario)
        .map(|name| l.fmt("export.notice.authority", &[("authority", &name)]))
        .unwrap_or_else(|| l.placeholder("export.what.authority"));
    doc.paragraph(&md::text(&l.fmt("export.notice.complaint", &[("authority", &authority)])));

    heading(&mut doc, "export.notice.h.obligation");
    doc.paragraph(&md::text(texts.get("export.notice.obligation")));
    doc.paragraph(&md::text(texts.get("export.notice.automated")));
    doc.finish()
}
