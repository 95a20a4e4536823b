//! What every screen reads and none owns: the texts, the theme, today's date, the terminal's
//! size and the catalogue.

use jiff::Timestamp;
use jiff::civil::Date;

use super::theme::Theme;
use crate::describe;
use crate::domain::catalog::Catalog;
use crate::domain::narrowing::Shortlist;
use crate::domain::scenario::Scenario;
use crate::i18n::Texts;

/// The narrowing function; injected so that tests can run the wizard with a fixed shortlist.
pub type Narrower = fn(&Catalog, &Scenario, Date) -> Shortlist;

pub struct Env {
    pub texts: Texts,
    pub theme: Theme,
    /// Today's date and the current time, set by the shell (fixed in tests).
    pub today: Date,
    pub now: Timestamp,
    /// Time zone for showing times (UTC in tests).
    pub tz: jiff::tz::TimeZone,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub catalog: Option<Catalog>,
    pub narrow: Narrower,
}

impl Env {
    /// An offering's name in the user's language (its id only if the catalogue has not loaded).
    pub fn name(&self, id: &str) -> String {
        match &self.catalog {
            Some(c) => describe::offering_name(&self.texts, c, id),
            None => id.to_string(),
        }
    }

    /// A time in the user's time zone, to the minute.
    pub fn when(&self, ts: Timestamp) -> String {
        ts.to_zoned_datetime(self.tz.clone()).strftime("%Y-%m-%d %H:%M").to_string()
    }
}
