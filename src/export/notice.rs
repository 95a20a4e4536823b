//! The participant notice (Art. 13 GDPR), written for the people who take part, to be linked
//! from meeting invitations: every item of Art. 13(1)(a)–(f) and (2)(a)–(f), the right to object
//! set apart (Art. 21(4)), a "last updated" date, and a plain-language part where pupils take
//! part. Instructions for the controller stay in the front matter, out of the participants'
//! sight; what the controller must still supply is a marked placeholder.

use crate::domain::catalog::{Feature, OperatingModel, OwnPurpose};
use crate::i18n::Texts;

use super::basis::Basis;
use super::legal::{Group, Legal, Voice};
use super::markdown::{self as md, Doc};
use super::words;

pub fn render(basis: &Basis, texts: &Texts) -> String {
    let l = Legal { b: basis, t: texts };
    let a = basis.assessment;
    let list = |doc: &mut Doc, items: &[String]| {
        let escaped: Vec<String> = items.iter().map(|i| md::text(i)).collect();
        doc.list(&escaped);
    };
    let heading = |doc: &mut Doc, key: &str| doc.heading(2, &md::text(texts.get(key)));
    let para = |doc: &mut Doc, text: &str| doc.paragraph(&md::text(text));
    let mut doc = Doc::new();
    doc.raw(&super::draft_front_matter(
        &l.fmt("export.notice.title", &[("option", &l.platform())]),
        basis,
        texts,
    ));

    let groups = l.groups();
    if groups.contains(&Group::Pupils) {
        pupils(&mut doc, &l);
    }

    // Art. 13(1)(a), (b)
    heading(&mut doc, "export.notice.h.controller");
    para(&mut doc, &l.or_placeholder(&a.meta.controller, "export.what.controller"));
    heading(&mut doc, "export.notice.h.dpo");
    para(&mut doc, &l.or_placeholder(&a.meta.dpo_contact, "export.what.dpo"));

    // Art. 13(1)(c), (d): purposes and legal bases per group, legitimate interests named.
    heading(&mut doc, "export.notice.h.purposes");
    para(&mut doc, &l.fmt("export.notice.purposes", &[("platform", &l.platform_name())]));
    let items: Vec<String> = groups
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
    doc.list(&items);
    let further = l.further_bases();
    if !further.is_empty() {
        para(&mut doc, texts.get("export.notice.further_bases"));
        list(&mut doc, &further);
    }

    heading(&mut doc, "export.notice.h.data");
    list(&mut doc, &l.data_categories());
    para(&mut doc, texts.get("export.notice.at_home"));

    // Art. 13(1)(e)
    heading(&mut doc, "export.notice.h.recipients");
    list(&mut doc, &l.recipients(Voice::Notice));

    // Art. 13(1)(f)
    heading(&mut doc, "export.notice.h.transfers");
    list(&mut doc, &l.transfers(Voice::Notice));

    // Art. 13(2)(a)
    heading(&mut doc, "export.notice.h.storage");
    list(&mut doc, &l.storage());

    // Art. 13(2)(b), (c)
    heading(&mut doc, "export.notice.h.rights");
    para(&mut doc, texts.get("export.notice.rights"));
    list(
        &mut doc,
        &[
            l.get("export.notice.right.access"),
            l.get("export.notice.right.rectification"),
            l.get("export.notice.right.erasure"),
            l.get("export.notice.right.restriction"),
            l.get("export.notice.right.portability"),
        ],
    );
    para(&mut doc, texts.get("export.notice.right.withdraw"));

    // Art. 21(4): clearly and separately from the rest.
    if l.objection_applies() {
        heading(&mut doc, "export.notice.h.objection");
        let key = if l.is_public() {
            "export.notice.objection_public"
        } else {
            "export.notice.objection"
        };
        doc.paragraph(&format!("**{}**", md::text(texts.get(key))));
        para(
            &mut doc,
            &l.fmt(
                "export.notice.objection_how",
                &[("contact", &l.or_placeholder(&a.meta.controller, "export.what.controller"))],
            ),
        );
    }

    // Art. 13(2)(d)
    heading(&mut doc, "export.notice.h.complaint");
    para(&mut doc, &l.fmt("export.notice.complaint", &[("authority", &l.authority())]));

    // Art. 13(2)(e), (f)
    heading(&mut doc, "export.notice.h.obligation");
    let alternatives = if basis.scenario.features_needed().contains(&Feature::DialIn) {
        l.get("export.notice.alternative.dial_in")
    } else {
        l.placeholder_for("export.what.alternatives")
    };
    para(&mut doc, &l.fmt("export.notice.obligation", &[("alternatives", &alternatives)]));
    if groups.contains(&Group::Applicants) {
        para(&mut doc, texts.get("export.notice.obligation.applicants"));
    }
    heading(&mut doc, "export.notice.h.automated");
    para(&mut doc, texts.get("export.notice.automated"));

    para(
        &mut doc,
        &l.fmt("export.notice.as_of", &[("date", &words::long_date(texts, basis.today))]),
    );
    doc.finish()
}

/// Art. 12(1): the essentials in words pupils understand, before the full notice.
fn pupils(doc: &mut Doc, l: &Legal) {
    let t = l.t;
    doc.heading(2, &md::text(t.get("export.notice.pupils.h")));
    doc.paragraph(&md::text(t.get("export.notice.pupils.intro")));
    let items: Vec<String> = ["what", "who", "camera", "room"]
        .iter()
        .map(|k| md::text(t.get(&format!("export.notice.pupils.{k}"))))
        .collect();
    doc.list(&items);
    let recording = if l.b.scenario.recording.records() {
        "export.notice.pupils.recording_consent"
    } else {
        "export.notice.pupils.no_recording"
    };
    doc.paragraph(&md::text(t.get(recording)));
    let platform = l.platform_name();
    let provider = match l.b.subject() {
        Some(o) if o.operating_model == OperatingModel::SelfOperated => "export.notice.pupils.self",
        Some(o) if o.own_purpose.value() == Some(&OwnPurpose::None) => {
            "export.notice.pupils.provider"
        }
        _ => "export.notice.pupils.contract",
    };
    doc.paragraph(&md::text(&l.fmt(provider, &[("platform", &platform)])));
    let contact = if l.b.assessment.meta.dpo_contact.trim().is_empty() {
        l.placeholder_for("export.what.dpo")
    } else {
        l.b.assessment.meta.dpo_contact.clone()
    };
    doc.paragraph(&md::text(&l.fmt("export.notice.pupils.rights", &[("contact", &contact)])));
}
