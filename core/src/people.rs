//! People named in an assessment: the decision-makers, who was consulted and who was informed
//! are lists, one name per entry, so that a name is never split at a character it contains
//! ("Vorstand; Finanzen" stays one entry). The sign-off: the data protection officer's opinion
//! and each decision-maker's approval.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

/// Reads a list of names, or the free text earlier saves held: that text is split once, at line
/// breaks and semicolons (how it was meant to be read), into entries.
pub fn names_or_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Names;

    impl<'de> serde::de::Visitor<'de> for Names {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of names, or a text of names separated by semicolons")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Vec<String>, E> {
            Ok(split_legacy(text))
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                out.push(name);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_any(Names)
}

/// Free text of names as earlier versions wrote it, as entries.
pub fn split_legacy(text: &str) -> Vec<String> {
    text.split(['\n', ';']).map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

/// The data protection officer's opinion and the decision-makers' approvals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    /// The opinion in the officer's words (Art. 39(1)(a) GDPR: advice on the processing).
    #[serde(default)]
    pub dpo_opinion: String,
    /// Who gave it.
    #[serde(default)]
    pub dpo_name: String,
    #[serde(default)]
    pub dpo_date: Option<Date>,
    /// Approvals by decision-makers, each by name and date.
    #[serde(default)]
    pub approvals: Vec<Approval>,
}

/// A decision-maker's approval of the decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub name: String,
    pub on: Date,
}

impl SignOff {
    /// The date `name` approved on, if they did.
    pub fn approved(&self, name: &str) -> Option<Date> {
        self.approvals.iter().find(|a| a.name == name).map(|a| a.on)
    }

    /// Records (or, with `None`, withdraws) `name`'s approval.
    pub fn set_approval(&mut self, name: &str, on: Option<Date>) {
        self.approvals.retain(|a| a.name != name);
        if let Some(on) = on {
            self.approvals.push(Approval { name: name.to_string(), on });
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == SignOff::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "names_or_text")]
        names: Vec<String>,
    }

    #[test]
    fn earlier_free_text_is_split_once_and_lists_are_kept_whole() {
        let old: Holder = ron::from_str(r#"(names: "Dr. Anna Berger; Jonas Weiß\nEve")"#).unwrap();
        assert_eq!(old.names, ["Dr. Anna Berger", "Jonas Weiß", "Eve"]);
        let new: Holder = ron::from_str(r#"(names: ["Vorstand; Finanzen", "Ute"])"#).unwrap();
        assert_eq!(new.names, ["Vorstand; Finanzen", "Ute"]);
        let empty: Holder = ron::from_str(r#"(names: "")"#).unwrap();
        assert!(empty.names.is_empty());
    }

    #[test]
    fn approvals_are_by_name_and_can_be_withdrawn() {
        let mut s = SignOff::default();
        let day = Date::constant(2026, 12, 1);
        s.set_approval("Ute", Some(day));
        s.set_approval("Ute", Some(day));
        assert_eq!(s.approvals.len(), 1);
        assert_eq!(s.approved("Ute"), Some(day));
        s.set_approval("Ute", None);
        assert_eq!(s.approved("Ute"), None);
        assert!(s.is_empty());
    }
}
