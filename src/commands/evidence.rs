//! `meetcheck evidence NAME --offering ID --fact FACT --document DOC --by WHO [--date DATE]`:
//! records a fact the organisation verified itself (its processing agreement, a written answer
//! of the provider, its own check of the KBV list). From then on narrowing, lights, to-dos and
//! documents of this assessment read the catalogue with it; a decision taken afterwards freezes
//! it into its snapshot. Where it contradicts the catalogue, both are shown.

use crate::i18n::k;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use jiff::civil::Date;

use super::Context;
use crate::describe;
use crate::domain::evidence::{self, Evidence, EvidenceFact};
use crate::store::Store;
use crate::terminal_text::for_terminal;

/// What the user gave on the command line.
pub struct Args {
    pub target: String,
    pub offering: String,
    pub fact: String,
    pub document: String,
    pub by: String,
    pub date: Option<Date>,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let t = &ctx.texts;
    let catalog = ctx.catalog()?;
    if catalog.offering(&args.offering).is_none() {
        bail!("{}", t.fmt(k::EVIDENCE_ERROR_OFFERING, &[("offering", &args.offering)]));
    }
    let fact = parse_fact(&args.fact).map_err(|message| {
        anyhow!(
            "{}\n{}",
            t.fmt(k::EVIDENCE_ERROR_FACT, &[("message", &message)]),
            t.get(k::EVIDENCE_HINT_FACT)
        )
    })?;
    if args.document.trim().is_empty() || args.by.trim().is_empty() {
        bail!("{}", t.get(k::EVIDENCE_ERROR_INCOMPLETE));
    }
    let store = Store::new(ctx.saves_dir()?);
    let mut loaded = store.load(&args.target).map_err(|e| anyhow!(e.message(t)))?;
    if loaded.read_only {
        bail!("{}", t.get(k::EVIDENCE_ERROR_READ_ONLY));
    }
    let date = args.date.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let piece = Evidence {
        offering: args.offering,
        fact,
        document: args.document.trim().to_string(),
        date,
        checked_by: args.by.trim().to_string(),
    };
    let a = &mut loaded.assessment;
    // The same field of the same offering again: the newer evidence replaces the older.
    a.evidence.retain(|e| !(e.offering == piece.offering && e.fact.field() == piece.fact.field()));
    a.evidence.push(piece);
    a.meta.updated = jiff::Timestamp::now();
    store.save(&mut loaded).map_err(|e| anyhow!(e.message(t)))?;

    let a = &loaded.assessment;
    let proof = evidence::of_assessment(a);
    let effective = evidence::effective_catalog(&catalog, &proof);
    let last = a.evidence.last().expect("just added");
    let mut out =
        vec![t.fmt(k::EVIDENCE_RECORDED, &[("line", &describe::evidence(t, &effective, last))])];
    for conflict in evidence::conflicts(&catalog, &proof) {
        if conflict.offering == last.offering && conflict.field == last.fact.field() {
            out.push(describe::conflict(
                t,
                &catalog,
                &effective,
                &conflict,
                &proof[conflict.evidence],
            ));
        }
    }
    if a.decision.is_some() {
        out.push(t.get(k::EVIDENCE_AFTER_DECISION).to_string());
    }
    let text = out.join("\n") + "\n";
    print!("{}", for_terminal(&text));
    Ok(ExitCode::SUCCESS)
}

/// `Dpa(Standard)`, `ProcessingLocations(["DE"])`, `Feature(Lobby, true)`: the fact in RON, as
/// the save writes it.
pub fn parse_fact(text: &str) -> Result<EvidenceFact, String> {
    crate::answers_text::ron_options()
        .from_str::<EvidenceFact>(text)
        .map_err(|e| e.code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::{DpaTerms, Feature};

    #[test]
    fn facts_are_read_as_the_save_writes_them() {
        assert_eq!(parse_fact("Dpa(Standard)"), Ok(EvidenceFact::Dpa(DpaTerms::Standard)));
        assert_eq!(
            parse_fact("ProcessingLocations([\"DE\", \"AT\"])"),
            Ok(EvidenceFact::ProcessingLocations(vec!["DE".into(), "AT".into()]))
        );
        assert_eq!(
            parse_fact("Feature(Lobby, true)"),
            Ok(EvidenceFact::Feature(Feature::Lobby, true))
        );
        assert_eq!(parse_fact("KbvListed(true)"), Ok(EvidenceFact::KbvListed(true)));
        assert!(parse_fact("Dpa(Maybe)").unwrap_err().contains("Maybe"));
        assert!(parse_fact("Colour(Red)").is_err());
    }
}
