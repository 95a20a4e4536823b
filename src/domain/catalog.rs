//! The catalogue of offerings: a product as operated by someone, in an edition whose legal facts
//! differ ("Jitsi Meet, self-hosted" is not "meet.jit.si").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::facts::{AsOf, Fact, Text};

/// Version of the catalogue's shape; the data edition is separate and changes far more often.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Data edition, e.g. "2026-11": when the facts were last reviewed as a whole.
    pub edition: String,
    /// Every source a fact may cite, by key.
    pub sources: BTreeMap<String, Source>,
    /// Third countries with an EU adequacy decision, by ISO 3166 code (the US only for recipients
    /// certified under the Data Privacy Framework, which is a property of the offering).
    #[serde(default)]
    pub adequacy: BTreeMap<String, Fact<Text>>,
    pub offerings: Vec<Offering>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Who runs the service, as the DSK guidance distinguishes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OperatingModel {
    /// The organisation runs the software itself (own servers or rented infrastructure).
    SelfOperated,
    /// An external IT service provider runs a dedicated instance for the organisation.
    ItProvider,
    /// A provider's online service (SaaS) shared by many customers.
    OnlineService,
}

impl OperatingModel {
    pub const ALL: [OperatingModel; 3] =
        [OperatingModel::SelfOperated, OperatingModel::ItProvider, OperatingModel::OnlineService];

    pub fn key(self) -> &'static str {
        match self {
            OperatingModel::SelfOperated => "model.self_operated",
            OperatingModel::ItProvider => "model.it_provider",
            OperatingModel::OnlineService => "model.online_service",
        }
    }
}

/// A legal entity and the country of its seat (ISO 3166 alpha-2, "EU" never used here).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub country: String,
}

/// How a third-country transfer is covered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TransferMechanism {
    /// Art. 45 adequacy decision for the country (CH, UK, …).
    Adequacy,
    /// EU-US Data Privacy Framework certification of the recipient (Decision 2023/1795).
    Dpf,
    /// Standard contractual clauses (Decision 2021/914), with a transfer impact assessment.
    Scc,
}

impl TransferMechanism {
    pub fn key(self) -> &'static str {
        match self {
            TransferMechanism::Adequacy => "mechanism.adequacy",
            TransferMechanism::Dpf => "mechanism.dpf",
            TransferMechanism::Scc => "mechanism.scc",
        }
    }
}

/// Whether the operator offers a data processing agreement under Art. 28 GDPR.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DpaTerms {
    /// Part of the standard terms for business customers.
    Standard,
    /// Offered on request or for some plans only.
    OnRequest,
    /// Not offered: the provider acts as controller (consumer service).
    NotOffered,
}

/// Processing of participants' data for the provider's own purposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OwnPurpose {
    /// The provider processes only on the customer's instructions.
    None,
    /// Service, telemetry or diagnostic data used for the provider's own business operations.
    ServiceData,
    /// The service is financed by or tied into an advertising / profiling business.
    AdFinanced,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum E2eeMode {
    /// Transport encryption only: the operator's servers see the media.
    None,
    /// Available but off until an admin or host turns it on.
    OptionalOff,
    /// On unless someone turns it off.
    OnByDefault,
    /// Always on, cannot be turned off.
    Always,
}

impl E2eeMode {
    pub fn key(self) -> &'static str {
        match self {
            E2eeMode::None => "e2ee.none",
            E2eeMode::OptionalOff => "e2ee.optional_off",
            E2eeMode::OnByDefault => "e2ee.on_by_default",
            E2eeMode::Always => "e2ee.always",
        }
    }

    pub fn available(self) -> bool {
        self != E2eeMode::None
    }
}

/// End-to-end encryption of meeting media and what it costs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct E2ee {
    pub mode: E2eeMode,
    /// Browser families that can join while E2EE is on (empty: apps only).
    pub browser_join: Fact<Vec<Browser>>,
    /// Participant limit while E2EE is on.
    pub max_participants: Fact<u32>,
    /// Features that stop working while E2EE is on.
    #[serde(default)]
    pub features_lost: Vec<Feature>,
    /// Edition, add-on or operator setting E2EE needs (e.g. "Teams Premium").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<Text>,
    /// Marked experimental by its makers.
    #[serde(default)]
    pub experimental: bool,
}

/// Browser families, as far as joining a meeting is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Browser {
    /// Chrome, Chromium, Edge, Opera, Brave … on the desktop.
    Chromium,
    Firefox,
    Safari,
    /// Any browser on a phone or tablet.
    Mobile,
}

impl Browser {
    pub const ALL: [Browser; 4] =
        [Browser::Chromium, Browser::Firefox, Browser::Safari, Browser::Mobile];

    pub fn key(self) -> &'static str {
        match self {
            Browser::Chromium => "browser.chromium",
            Browser::Firefox => "browser.firefox",
            Browser::Safari => "browser.safari",
            Browser::Mobile => "browser.mobile",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Platform {
    Windows,
    MacOs,
    Linux,
    Ios,
    Android,
}

impl Platform {
    pub const ALL: [Platform; 5] =
        [Platform::Windows, Platform::MacOs, Platform::Linux, Platform::Ios, Platform::Android];

    pub fn key(self) -> &'static str {
        match self {
            Platform::Windows => "platform.windows",
            Platform::MacOs => "platform.macos",
            Platform::Linux => "platform.linux",
            Platform::Ios => "platform.ios",
            Platform::Android => "platform.android",
        }
    }
}

/// Meeting features a scenario may require.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Feature {
    ScreenSharing,
    Recording,
    DialIn,
    BreakoutRooms,
    Lobby,
    Passwords,
    Chat,
    Whiteboard,
    Polls,
}

impl Feature {
    pub const ALL: [Feature; 9] = [
        Feature::ScreenSharing,
        Feature::Recording,
        Feature::DialIn,
        Feature::BreakoutRooms,
        Feature::Lobby,
        Feature::Passwords,
        Feature::Chat,
        Feature::Whiteboard,
        Feature::Polls,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Feature::ScreenSharing => "feature.screen_sharing",
            Feature::Recording => "feature.recording",
            Feature::DialIn => "feature.dial_in",
            Feature::BreakoutRooms => "feature.breakout_rooms",
            Feature::Lobby => "feature.lobby",
            Feature::Passwords => "feature.passwords",
            Feature::Chat => "feature.chat",
            Feature::Whiteboard => "feature.whiteboard",
            Feature::Polls => "feature.polls",
        }
    }
}

/// Supervisory authorities (and the EDPS) whose positions the catalogue records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Authority {
    /// Berliner Beauftragte für Datenschutz und Informationsfreiheit.
    BlnBdi,
    /// Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg.
    LfdiBw,
    /// Datenschutzkonferenz (all German authorities together).
    Dsk,
    /// Hessischer Beauftragter für Datenschutz und Informationsfreiheit.
    Hbdi,
    /// European Data Protection Supervisor (EU institutions).
    Edps,
}

impl Authority {
    pub const ALL: [Authority; 5] =
        [Authority::BlnBdi, Authority::LfdiBw, Authority::Dsk, Authority::Hbdi, Authority::Edps];

    pub fn key(self) -> &'static str {
        match self {
            Authority::BlnBdi => "authority.blnbdi",
            Authority::LfdiBw => "authority.lfdi_bw",
            Authority::Dsk => "authority.dsk",
            Authority::Hbdi => "authority.hbdi",
            Authority::Edps => "authority.edps",
        }
    }
}

/// What an authority said, in its own scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// Berlin traffic light: no defects found in the short check.
    Green,
    /// Berlin traffic light: defects that could be fixed without major changes.
    Yellow,
    /// Berlin traffic light: defects that exclude lawful use.
    Red,
    /// Usable, possibly under stated conditions.
    Conditional,
    /// Lawful use cannot be demonstrated / advised against.
    Negative,
    /// A warning was issued.
    Warning,
    /// An earlier warning was withdrawn (not an approval).
    WarningWithdrawn,
    /// Recommended as an alternative.
    Recommended,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Green => "verdict.green",
            Verdict::Yellow => "verdict.yellow",
            Verdict::Red => "verdict.red",
            Verdict::Conditional => "verdict.conditional",
            Verdict::Negative => "verdict.negative",
            Verdict::Warning => "verdict.warning",
            Verdict::WarningWithdrawn => "verdict.warning_withdrawn",
            Verdict::Recommended => "verdict.recommended",
        }
    }
}

/// A dated, scoped position of an authority on an offering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuthorityPosition {
    pub authority: Authority,
    /// What was assessed and for whom (e.g. "Berlin controllers; the provider's standard terms").
    pub scope: Text,
    /// The publication and its version, e.g. "Hinweise … Version 2.0".
    pub edition: String,
    pub date: AsOf,
    pub verdict: Verdict,
    /// Superseded or of its time: shown, never counted as stale, weighs less.
    pub historical: bool,
    pub source: String,
    pub summary: Text,
}

/// A platform as operated by someone, in one edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offering {
    /// Stable id, lower-case with dashes; saves refer to it.
    pub id: String,
    pub name: Text,
    /// The software product ("Jitsi Meet").
    pub product: String,
    pub operating_model: OperatingModel,
    /// The contracting entity and its seat; `NotApplicable` when self-operated.
    pub operator: Fact<Entity>,
    /// The operator's parent company (third-country access, e.g. US CLOUD Act).
    pub parent: Fact<Entity>,
    /// Countries where meeting data are processed; `NotApplicable` when the organisation chooses.
    pub processing_locations: Fact<Vec<String>>,
    /// Countries of sub-processors (support, infrastructure, …).
    pub subprocessor_locations: Fact<Vec<String>>,
    /// Recipient listed under the EU-US Data Privacy Framework; `NotApplicable` outside the US.
    pub dpf_certified: Fact<bool>,
    /// Mechanisms the operator offers for third-country transfers.
    pub transfer_basis: Fact<Vec<TransferMechanism>>,
    pub dpa: Fact<DpaTerms>,
    pub own_purpose: Fact<OwnPurpose>,
    pub open_source: Fact<bool>,
    pub licence: Fact<String>,
    pub e2ee: Fact<E2ee>,
    /// Browser families that can join without installing anything (empty: apps only).
    pub browser_join: Fact<Vec<Browser>>,
    pub apps: Fact<Vec<Platform>>,
    /// Typical maximum of interactive participants in one meeting.
    pub max_participants: Fact<u32>,
    pub features: BTreeMap<Feature, Fact<bool>>,
    /// Certified for statutory-insurance video consultations (Anlage 31b BMV-Ä, KBV list).
    pub kbv_listed: Fact<bool>,
    #[serde(default)]
    pub authority_positions: Vec<AuthorityPosition>,
    /// Privacy-friendly settings to apply before first use.
    #[serde(default)]
    pub settings: Vec<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
}

impl Offering {
    pub fn feature(&self, feature: Feature) -> &Fact<bool> {
        static UNRECORDED: std::sync::OnceLock<Fact<bool>> = std::sync::OnceLock::new();
        self.features.get(&feature).unwrap_or_else(|| {
            UNRECORDED.get_or_init(|| {
                Fact::unknown("Nicht im Katalog erfasst.", "Not recorded in the catalogue.")
            })
        })
    }

    /// The latest authority position that is not historical, else the latest one.
    pub fn latest_position(&self) -> Option<&AuthorityPosition> {
        self.authority_positions.iter().max_by_key(|p| (p.date.latest(), p.date.earliest()))
    }
}

impl Catalog {
    pub fn offering(&self, id: &str) -> Option<&Offering> {
        self.offerings.iter().find(|o| o.id == id)
    }

    /// Adds the offerings of `other` and replaces those with the same id; the edition shows both.
    pub fn merge(&mut self, other: Catalog) {
        for (key, source) in other.sources {
            self.sources.insert(key, source);
        }
        for (key, fact) in other.adequacy {
            self.adequacy.insert(key, fact);
        }
        for offering in other.offerings {
            match self.offerings.iter_mut().find(|o| o.id == offering.id) {
                Some(existing) => *existing = offering,
                None => self.offerings.push(offering),
            }
        }
        if other.edition != self.edition {
            self.edition = format!("{} + {}", self.edition, other.edition);
        }
    }
}

/// A catalogue text that did not parse: where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses a catalogue from RON text (no validation beyond types; see `validate`).
pub fn parse(text: &str) -> Result<Catalog, ParseError> {
    ron::from_str(text).map_err(|e: ron::error::SpannedError| ParseError {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}
