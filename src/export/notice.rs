//! The participant notice (Art. 13 GDPR), written for the people who take part, to be linked
//! from meeting invitations: every item of Art. 13(1)(a)–(f) and (2)(a)–(f), the right to object
//! set apart (Art. 21(4)), a "last updated" date, and a plain-language part where pupils take
//! part. Instructions for the controller stay in the front matter, out of the participants'
//! sight; what the controller must still supply is a marked placeholder.

use crate::domain::catalog::{Feature, OperatingModel, OwnPurpose};
use crate::i18n::Texts;
use crate::i18n::{Key, k};

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
    let heading = |doc: &mut Doc, key: Key| doc.heading(2, &md::text(texts.get(key)));
    let para = |doc: &mut Doc, text: &str| doc.paragraph(&md::text(text));
    let mut doc = Doc::new();
    doc.raw(&super::draft_front_matter(
        &l.fmt(k::EXPORT_NOTICE_TITLE, &[("option", &l.platform())]),
        basis,
        texts,
    ));

    let groups = l.groups();
    if groups.contains(&Group::Pupils) {
        pupils(&mut doc, &l);
    }

    // Art. 13(1)(a), (b)
    heading(&mut doc, k::EXPORT_NOTICE_H_CONTROLLER);
    para(&mut doc, &l.or_placeholder(&a.meta.controller, k::EXPORT_WHAT_CONTROLLER));
    heading(&mut doc, k::EXPORT_NOTICE_H_DPO);
    para(&mut doc, &l.or_placeholder(&a.meta.dpo_contact, k::EXPORT_WHAT_DPO));

    // Art. 13(1)(c), (d): purposes and legal bases per group, legitimate interests named.
    heading(&mut doc, k::EXPORT_NOTICE_H_PURPOSES);
    para(&mut doc, &l.fmt(k::EXPORT_NOTICE_PURPOSES, &[("platform", &l.platform_name())]));
    let items: Vec<String> = groups
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
    doc.list(&items);
    let further = l.further_bases();
    if !further.is_empty() {
        para(&mut doc, texts.get(k::EXPORT_NOTICE_FURTHER_BASES));
        list(&mut doc, &further);
    }

    heading(&mut doc, k::EXPORT_NOTICE_H_DATA);
    list(&mut doc, &l.data_categories());
    para(&mut doc, texts.get(k::EXPORT_NOTICE_AT_HOME));

    // Art. 13(1)(e)
    heading(&mut doc, k::EXPORT_NOTICE_H_RECIPIENTS);
    list(&mut doc, &l.recipients(Voice::Notice));

    // Art. 13(1)(f)
    heading(&mut doc, k::EXPORT_NOTICE_H_TRANSFERS);
    list(&mut doc, &l.transfers(Voice::Notice));

    // Art. 13(2)(a)
    heading(&mut doc, k::EXPORT_NOTICE_H_STORAGE);
    list(&mut doc, &l.storage());

    // Art. 13(2)(b), (c)
    heading(&mut doc, k::EXPORT_NOTICE_H_RIGHTS);
    para(&mut doc, texts.get(k::EXPORT_NOTICE_RIGHTS));
    list(
        &mut doc,
        &[
            l.get(k::EXPORT_NOTICE_RIGHT_ACCESS),
            l.get(k::EXPORT_NOTICE_RIGHT_RECTIFICATION),
            l.get(k::EXPORT_NOTICE_RIGHT_ERASURE),
            l.get(k::EXPORT_NOTICE_RIGHT_RESTRICTION),
            l.get(k::EXPORT_NOTICE_RIGHT_PORTABILITY),
        ],
    );
    para(&mut doc, texts.get(k::EXPORT_NOTICE_RIGHT_WITHDRAW));

    // Art. 21(4): clearly and separately from the rest.
    if l.objection_applies() {
        heading(&mut doc, k::EXPORT_NOTICE_H_OBJECTION);
        let key = if l.is_public() {
            k::EXPORT_NOTICE_OBJECTION_PUBLIC
        } else {
            k::EXPORT_NOTICE_OBJECTION
        };
        doc.paragraph(&format!("**{}**", md::text(texts.get(key))));
        para(
            &mut doc,
            &l.fmt(
                k::EXPORT_NOTICE_OBJECTION_HOW,
                &[("contact", &l.or_placeholder(&a.meta.controller, k::EXPORT_WHAT_CONTROLLER))],
            ),
        );
    }

    // Art. 13(2)(d)
    heading(&mut doc, k::EXPORT_NOTICE_H_COMPLAINT);
    para(&mut doc, &l.fmt(k::EXPORT_NOTICE_COMPLAINT, &[("authority", &l.authority())]));

    // Art. 13(2)(e), (f)
    heading(&mut doc, k::EXPORT_NOTICE_H_OBLIGATION);
    let alternatives = if basis.scenario.features_needed().contains(&Feature::DialIn) {
        l.get(k::EXPORT_NOTICE_ALTERNATIVE_DIAL_IN)
    } else {
        l.placeholder_for(k::EXPORT_WHAT_ALTERNATIVES)
    };
    para(&mut doc, &l.fmt(k::EXPORT_NOTICE_OBLIGATION, &[("alternatives", &alternatives)]));
    if groups.contains(&Group::Applicants) {
        para(&mut doc, texts.get(k::EXPORT_NOTICE_OBLIGATION_APPLICANTS));
    }
    heading(&mut doc, k::EXPORT_NOTICE_H_AUTOMATED);
    para(&mut doc, texts.get(k::EXPORT_NOTICE_AUTOMATED));

    para(
        &mut doc,
        &l.fmt(k::EXPORT_NOTICE_AS_OF, &[("date", &words::long_date(texts, basis.today))]),
    );
    doc.finish()
}

/// Art. 12(1): the essentials in words pupils understand, before the full notice.
fn pupils(doc: &mut Doc, l: &Legal) {
    let t = l.t;
    doc.heading(2, &md::text(t.get(k::EXPORT_NOTICE_PUPILS_H)));
    doc.paragraph(&md::text(t.get(k::EXPORT_NOTICE_PUPILS_INTRO)));
    let items: Vec<String> = ["what", "who", "camera", "room"]
        .iter()
        .map(|k| md::text(t.by_name(&format!("export.notice.pupils.{k}"))))
        .collect();
    doc.list(&items);
    let recording = if l.b.scenario.recording.records() {
        k::EXPORT_NOTICE_PUPILS_RECORDING_CONSENT
    } else {
        k::EXPORT_NOTICE_PUPILS_NO_RECORDING
    };
    doc.paragraph(&md::text(t.get(recording)));
    let platform = l.platform_name();
    let provider = match l.b.subject() {
        Some(o) if o.operating_model == OperatingModel::SelfOperated => {
            k::EXPORT_NOTICE_PUPILS_SELF
        }
        Some(o) if o.own_purpose.value() == Some(&OwnPurpose::None) => {
            k::EXPORT_NOTICE_PUPILS_PROVIDER
        }
        _ => k::EXPORT_NOTICE_PUPILS_CONTRACT,
    };
    doc.paragraph(&md::text(&l.fmt(provider, &[("platform", &platform)])));
    let contact = if l.b.assessment.meta.dpo_contact.trim().is_empty() {
        l.placeholder_for(k::EXPORT_WHAT_DPO)
    } else {
        l.b.assessment.meta.dpo_contact.clone()
    };
    doc.paragraph(&md::text(&l.fmt(k::EXPORT_NOTICE_PUPILS_RIGHTS, &[("contact", &contact)])));
}
