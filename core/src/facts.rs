//! Sourced, dated facts: the building block of the catalogue.
//!
//! A fact is never a bare value: it is `Known` with its source, the date it was true and how sure
//! we are, or explicitly `Unknown` (with what is missing) or `NotApplicable`. Unknown is never read
//! as "no": rules light it grey and turn it into a question for the provider.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A text that exists in both languages of the tool.
///
/// A language left out of a file reads as empty, so that catalogue validation can name the
/// exact place instead of failing the whole parse.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub de: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Self {
        Self { de: de.into(), en: en.into() }
    }
}

/// How the source of a fact binds the provider, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Certainty {
    /// A supervisory authority's published position or a court decision.
    Authority,
    /// The provider's contract, terms or data processing agreement.
    Contract,
    /// The provider's own documentation or statement, not independently checked.
    Vendor,
    /// A secondary source (press, law firm, third-party documentation).
    Secondary,
    /// Conflicting or weak sources.
    Uncertain,
    /// The organisation's own evidence (its contract, its check), recorded in the assessment.
    Organisation,
}

impl Certainty {
    pub const ALL: [Certainty; 6] = [
        Certainty::Authority,
        Certainty::Contract,
        Certainty::Vendor,
        Certainty::Secondary,
        Certainty::Uncertain,
        Certainty::Organisation,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Certainty::Authority => "certainty.authority",
            Certainty::Contract => "certainty.contract",
            Certainty::Vendor => "certainty.vendor",
            Certainty::Secondary => "certainty.secondary",
            Certainty::Uncertain => "certainty.uncertain",
            Certainty::Organisation => "certainty.organisation",
        }
    }
}

/// A calendar date known to a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl PartialDate {
    /// The first day the period covers.
    pub fn first_day(self) -> Date {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        Date::new(self.year, month, day).unwrap_or(Date::constant(2000, 1, 1))
    }

    /// The last day the period covers: staleness counts from here.
    pub fn last_day(self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d).unwrap_or(self.first_day()),
            (Some(m), None) => {
                Date::new(self.year, m, 1).map(|d| d.last_of_month()).unwrap_or(self.first_day())
            }
            _ => Date::new(self.year, 12, 31).unwrap_or(self.first_day()),
        }
    }

    fn parse(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, what: &str| -> Result<i64, String> {
            p.parse::<i64>().map_err(|_| format!("'{s}': {what} '{p}' is not a number"))
        };
        let year = num(parts[0], "year")?;
        if !(1990..=2100).contains(&year) || parts[0].len() != 4 {
            return Err(format!("'{s}': the year must have four digits (1990 to 2100)"));
        }
        let month = match parts.get(1) {
            Some(m) => {
                let m = num(m, "month")?;
                if !(1..=12).contains(&m) {
                    return Err(format!("'{s}': month {m} is not between 1 and 12"));
                }
                Some(m as i8)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => Some(num(d, "day")? as i8),
            None => None,
        };
        if parts.len() > 3 {
            return Err(format!("'{s}': expected YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        let date = PartialDate { year: year as i16, month, day };
        if let (Some(m), Some(d)) = (month, day)
            && Date::new(year as i16, m, d).is_err()
        {
            return Err(format!("'{s}': there is no such day"));
        }
        Ok(date)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// When a fact was true: a day, month, year or range, or the date a source without a date of its
/// own was captured ("undated 2025-06").
///
/// Written in RON as a string: `"2024-08-02"`, `"2024-08"`, `"2024"`, `"2023..2025"`,
/// `"undated 2025-06"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AsOf {
    pub from: PartialDate,
    pub to: PartialDate,
    /// The source carries no date; `from..to` is when it was captured or the range it must fall in.
    pub undated: bool,
}

impl AsOf {
    pub fn parse(s: &str) -> Result<Self, String> {
        let (undated, rest) = match s.strip_prefix("undated ") {
            Some(rest) => (true, rest.trim()),
            None => (false, s.trim()),
        };
        let (from, to) = match rest.split_once("..") {
            Some((a, b)) => (PartialDate::parse(a.trim())?, PartialDate::parse(b.trim())?),
            None => {
                let d = PartialDate::parse(rest)?;
                (d, d)
            }
        };
        if to.last_day() < from.first_day() {
            return Err(format!("'{s}': the range ends before it starts"));
        }
        Ok(AsOf { from, to, undated })
    }

    /// The latest day the fact is known to have been true.
    pub fn latest(&self) -> Date {
        self.to.last_day()
    }

    /// The earliest day the source can be from; a date after today is an error in the catalogue.
    pub fn earliest(&self) -> Date {
        self.from.first_day()
    }

    /// Older than `months` before `today`, counted from the end of the range.
    pub fn is_older_than(&self, months: i32, today: Date) -> bool {
        match today.checked_sub(jiff::Span::new().months(months)) {
            Ok(limit) => self.latest() < limit,
            Err(_) => false,
        }
    }
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.undated {
            write!(f, "undated ")?;
        }
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

impl TryFrom<String> for AsOf {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        AsOf::parse(&s)
    }
}

impl From<AsOf> for String {
    fn from(a: AsOf) -> String {
        a.to_string()
    }
}

/// Months after which a changeable fact counts as stale.
pub const STALE_AFTER_MONTHS: i32 = 24;

/// A fact about an offering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Fact<T> {
    Known {
        value: T,
        /// Key into the catalogue's `sources`.
        source: String,
        as_of: AsOf,
        certainty: Certainty,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Text>,
    },
    /// Nothing the sources support; `note` says what is missing or what to ask.
    Unknown { note: Text },
    /// The question does not arise (e.g. a data processing agreement for a self-operated server).
    NotApplicable,
}

/// No fact recorded means the question does not arise (used for optional catalogue fields).
impl<T> Default for Fact<T> {
    fn default() -> Self {
        Fact::NotApplicable
    }
}

impl<T> Fact<T> {
    pub fn is_not_applicable(&self) -> bool {
        matches!(self, Fact::NotApplicable)
    }

    pub fn value(&self) -> Option<&T> {
        match self {
            Fact::Known { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn is_known(&self) -> bool {
        matches!(self, Fact::Known { .. })
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Fact::Unknown { .. })
    }

    /// Source key, date and certainty of a known fact.
    pub fn provenance(&self) -> Option<Provenance<'_>> {
        match self {
            Fact::Known { source, as_of, certainty, note, .. } => Some(Provenance {
                source,
                as_of: *as_of,
                certainty: *certainty,
                note: note.as_ref(),
            }),
            _ => None,
        }
    }

    pub fn note(&self) -> Option<&Text> {
        match self {
            Fact::Known { note, .. } => note.as_ref(),
            Fact::Unknown { note } => Some(note),
            Fact::NotApplicable => None,
        }
    }

    pub fn known(value: T, source: &str, as_of: &str, certainty: Certainty) -> Self {
        Fact::Known {
            value,
            source: source.to_string(),
            as_of: AsOf::parse(as_of).expect("valid as_of literal"),
            certainty,
            note: None,
        }
    }

    pub fn unknown(de: &str, en: &str) -> Self {
        Fact::Unknown { note: Text::new(de, en) }
    }
}

/// Where a known fact comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Provenance<'a> {
    pub source: &'a str,
    pub as_of: AsOf,
    pub certainty: Certainty,
    pub note: Option<&'a Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_parses_every_written_form() {
        assert_eq!(AsOf::parse("2024-08-02").unwrap().to_string(), "2024-08-02");
        assert_eq!(AsOf::parse("2024-08").unwrap().latest(), Date::constant(2024, 8, 31));
        assert_eq!(AsOf::parse("2024").unwrap().latest(), Date::constant(2024, 12, 31));
        let range = AsOf::parse("2023..2025").unwrap();
        assert_eq!(range.earliest(), Date::constant(2023, 1, 1));
        assert_eq!(range.latest(), Date::constant(2025, 12, 31));
        let undated = AsOf::parse("undated 2025-06").unwrap();
        assert!(undated.undated);
        assert_eq!(undated.to_string(), "undated 2025-06");
    }

    #[test]
    fn as_of_rejects_nonsense_with_a_reason() {
        assert!(AsOf::parse("2024-13").unwrap_err().contains("month 13"));
        assert!(AsOf::parse("24").unwrap_err().contains("four digits"));
        assert!(AsOf::parse("2024-02-30").unwrap_err().contains("no such day"));
        assert!(AsOf::parse("2025..2023").unwrap_err().contains("ends before"));
    }

    #[test]
    fn staleness_counts_from_the_end_of_the_range() {
        let today = Date::constant(2026, 11, 29);
        assert!(AsOf::parse("2020-07").unwrap().is_older_than(24, today));
        assert!(!AsOf::parse("2024-12").unwrap().is_older_than(24, today));
        assert!(!AsOf::parse("2019..2025").unwrap().is_older_than(24, today));
        assert!(AsOf::parse("2024-11-28").unwrap().is_older_than(24, today));
    }

    #[test]
    fn fact_round_trips_through_ron() {
        let fact: Fact<u32> = Fact::known(200, "zoom-e2ee", "2025", Certainty::Vendor);
        let text = ron::to_string(&fact).unwrap();
        assert_eq!(ron::from_str::<Fact<u32>>(&text).unwrap(), fact);
        let parsed: Fact<bool> = ron::from_str(
            r#"Known(value: true, source: "s", as_of: "2024-08", certainty: Contract)"#,
        )
        .unwrap();
        assert_eq!(parsed.value(), Some(&true));
    }
}
