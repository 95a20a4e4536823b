//! The catalogue of offerings: a product as operated by someone, in an edition whose legal facts
//! differ ("Jitsi Meet, self-hosted" is not "meet.jit.si").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::facts::{AsOf, Certainty, Fact, Text};
use super::narrowing::FactField;
use super::scenario::Bundesland;

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
    /// Where a reader opens it: required, a deep link rather than a home page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Required in a catalogue (`validate` reports it missing); `Unclassified` only in decision
    /// snapshots saved before sources had a kind.
    #[serde(default)]
    pub kind: SourceKind,
}

/// What kind of document a source is: how far a fact citing it can be trusted.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum SourceKind {
    /// The provider's terms, processing agreement, privacy policy, sub-processor list, help pages.
    Vendor,
    /// A supervisory authority's publication.
    Authority,
    /// A statute, an official journal (adequacy decisions) or a court decision.
    Law,
    /// An official certification list (e.g. the KBV's certified video service providers).
    CertificationList,
    /// Press, blogs, law firms and other third parties.
    Secondary,
    /// Not stated: a source in a decision snapshot saved before sources had a kind. A catalogue
    /// may not use it.
    #[default]
    Unclassified,
    /// The organisation's own document (a signed agreement, its check of a list), recorded as
    /// evidence in an assessment. A catalogue may not use it.
    Organisation,
}

impl SourceKind {
    /// The strongest certainty a fact citing this kind of source may claim.
    pub fn strongest_certainty(self) -> Certainty {
        match self {
            SourceKind::Authority | SourceKind::Law | SourceKind::CertificationList => {
                Certainty::Authority
            }
            SourceKind::Vendor => Certainty::Contract,
            SourceKind::Secondary | SourceKind::Unclassified => Certainty::Secondary,
            SourceKind::Organisation => Certainty::Organisation,
        }
    }
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
    /// Whom the position addresses, where it is narrower than the authority's jurisdiction
    /// (e.g. schools only); `None`: as [`Authority::jurisdiction`] says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<PositionScope>,
}

/// Whom an authority's position addresses. It counts for an organisation's light only inside
/// this scope; outside it is shown as a position elsewhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionScope {
    /// Controllers in these Länder; empty: in every Land.
    #[serde(default)]
    pub lands: Vec<Bundesland>,
    /// Only this sector.
    #[serde(default)]
    pub sector: Option<Sector>,
    /// Only this kind of body.
    #[serde(default)]
    pub bodies: Option<BodyKind>,
}

/// Sectors an authority's position may be limited to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sector {
    Schools,
}

/// Kinds of body an authority's position may be limited to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BodyKind {
    PublicBodies,
    /// Institutions of the EU (the EDPS supervises these only, Regulation 2018/1725).
    EuInstitutions,
}

impl Authority {
    /// Whom the authority supervises: a Land's controllers, all German ones (the DSK speaks for
    /// all German authorities), or EU institutions (the EDPS).
    pub fn jurisdiction(self) -> PositionScope {
        let land = |land| PositionScope { lands: vec![land], ..PositionScope::default() };
        match self {
            Authority::BlnBdi => land(Bundesland::Berlin),
            Authority::LfdiBw => land(Bundesland::BadenWuerttemberg),
            Authority::Hbdi => land(Bundesland::Hessen),
            Authority::Dsk => PositionScope::default(),
            Authority::Edps => {
                PositionScope { bodies: Some(BodyKind::EuInstitutions), ..PositionScope::default() }
            }
        }
    }
}

impl AuthorityPosition {
    /// Whom this position addresses.
    pub fn scope(&self) -> PositionScope {
        self.applies_to.clone().unwrap_or_else(|| self.authority.jurisdiction())
    }
}

/// Limits on who can obtain an offering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Availability {
    /// Only for bodies in this Land.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub land: Option<Bundesland>,
    /// Only for public bodies.
    #[serde(default)]
    pub public_bodies_only: bool,
    /// The last day the offering is contractually available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<jiff::civil::Date>,
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
    /// Participants (guests) can join without an account or registration.
    #[serde(default = "not_recorded")]
    pub join_without_account: Fact<bool>,
    /// Hosts can track participants' attention or engagement (true), or the provider documents
    /// that the platform cannot (false).
    #[serde(default = "not_recorded")]
    pub attention_tracking: Fact<bool>,
    /// Who may contract the offering at all and until when (e.g. a Land's own administration
    /// service); `NotApplicable`: open to every organisation.
    #[serde(default, skip_serializing_if = "Fact::is_not_applicable")]
    pub availability: Fact<Availability>,
    #[serde(default)]
    pub authority_positions: Vec<AuthorityPosition>,
    /// Privacy-friendly settings to apply before first use.
    #[serde(default)]
    pub settings: Vec<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// A fact the catalogue does not record yet: Unknown, never "no".
fn not_recorded() -> Fact<bool> {
    Fact::unknown("Nicht im Katalog erfasst.", "Not recorded in the catalogue.")
}

impl Offering {
    /// A feature the catalogue does not record reads as unknown with an empty note, which the
    /// sentences layer words as "not recorded in the catalogue".
    pub fn feature(&self, feature: Feature) -> &Fact<bool> {
        static UNRECORDED: Fact<bool> =
            Fact::Unknown { note: Text { de: String::new(), en: String::new() } };
        self.features.get(&feature).unwrap_or(&UNRECORDED)
    }

    /// The latest authority position that is not historical, else the latest one.
    pub fn latest_position(&self) -> Option<&AuthorityPosition> {
        let by_date = |p: &&AuthorityPosition| (p.date.latest(), p.date.earliest());
        let current = self.authority_positions.iter().filter(|p| !p.historical).max_by_key(by_date);
        current.or_else(|| self.authority_positions.iter().max_by_key(by_date))
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

impl Offering {
    /// The date of every known fact that can change (see [`FactField::changeable`]).
    pub fn changeable_facts(&self) -> Vec<(FactField, AsOf)> {
        FactField::all()
            .into_iter()
            .filter(|f| f.changeable())
            .filter_map(|f| Some((f, self.fact(f).provenance()?.as_of)))
            .collect()
    }

    /// The changeable fact whose truth is oldest (counted from the end of its date range).
    pub fn oldest_changeable_fact(&self) -> Option<(FactField, AsOf)> {
        self.changeable_facts().into_iter().min_by_key(|(field, as_of)| (as_of.latest(), *field))
    }
}

/// True for the member states of the EU and the other EEA states (Iceland, Liechtenstein,
/// Norway), by ISO 3166 alpha-2 code: there the GDPR applies and no transfer basis is needed.
pub fn is_eu_eea(code: &str) -> bool {
    const EU_EEA: [&str; 30] = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", // EU 27
        "IS", "LI", "NO", // EEA
    ];
    EU_EEA.contains(&code)
}

/// Two upper-case letters, and not one of the look-alikes that are no ISO 3166 country code
/// ("EU" is not a country, the United Kingdom is "GB").
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) && code != "EU" && code != "UK"
}

/// One thing wrong with a catalogue, by offering and field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The offering concerned; `None` for the catalogue as a whole.
    pub offering: Option<String>,
    /// Where, e.g. `zoom.e2ee.max_participants` or `zoom.notes[2].en`.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file was written for another shape of catalogue.
    SchemaMismatch { found: u32, expected: u32 },
    /// A fact or position cites a key that is not in `sources`.
    UnknownSource { source: String },
    /// A fact dated after today.
    FutureDate { as_of: String },
    /// A second offering with an id already used.
    DuplicateId,
    /// An id that is not lower-case letters, digits and dashes.
    BadId,
    /// A text that is empty or missing in one language (the path ends in `.de` or `.en`).
    MissingText,
    /// Not an ISO 3166 alpha-2 code.
    BadCountryCode { code: String },
    /// A feature absent from the features map (Unknown with a note is the way to say "silent").
    MissingFeature,
    /// A source without a URL a reader can open.
    MissingUrl,
    /// A source that does not say what kind of document it is.
    MissingSourceKind,
    /// A URL that is not http(s) or names only a host, not the page that states the fact.
    BareUrl { url: String },
    /// A fact claims more certainty than its source can give (e.g. `Vendor` from a press report).
    CertaintyAboveSource { certainty: String, kind: String },
}

impl ProblemKind {
    pub fn key(&self) -> &'static str {
        match self {
            ProblemKind::SchemaMismatch { .. } => "catalog.problem.schema_mismatch",
            ProblemKind::UnknownSource { .. } => "catalog.problem.unknown_source",
            ProblemKind::FutureDate { .. } => "catalog.problem.future_date",
            ProblemKind::DuplicateId => "catalog.problem.duplicate_id",
            ProblemKind::BadId => "catalog.problem.bad_id",
            ProblemKind::MissingText => "catalog.problem.missing_text",
            ProblemKind::BadCountryCode { .. } => "catalog.problem.bad_country_code",
            ProblemKind::MissingFeature => "catalog.problem.missing_feature",
            ProblemKind::MissingUrl => "catalog.problem.missing_url",
            ProblemKind::MissingSourceKind => "catalog.problem.missing_source_kind",
            ProblemKind::BareUrl { .. } => "catalog.problem.bare_url",
            ProblemKind::CertaintyAboveSource { .. } => "catalog.problem.certainty_above_source",
        }
    }

    /// The values the message names, as `{name}` placeholders.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ProblemKind::SchemaMismatch { found, expected } => {
                vec![("found", found.to_string()), ("expected", expected.to_string())]
            }
            ProblemKind::UnknownSource { source } => vec![("source", source.clone())],
            ProblemKind::FutureDate { as_of } => vec![("as_of", as_of.clone())],
            ProblemKind::BadCountryCode { code } => vec![("code", code.clone())],
            ProblemKind::BareUrl { url } => vec![("url", url.clone())],
            ProblemKind::CertaintyAboveSource { certainty, kind } => {
                vec![("certainty", certainty.clone()), ("kind", kind.clone())]
            }
            ProblemKind::DuplicateId
            | ProblemKind::BadId
            | ProblemKind::MissingText
            | ProblemKind::MissingUrl
            | ProblemKind::MissingSourceKind
            | ProblemKind::MissingFeature => Vec::new(),
        }
    }
}

/// Every problem in `catalog` as of `today`, in file order. An empty list means valid.
pub fn validate(catalog: &Catalog, today: jiff::civil::Date) -> Vec<Problem> {
    let mut v = Validator { catalog, today, offering: None, problems: Vec::new() };
    v.check_catalog();
    v.problems
}

struct Validator<'a> {
    catalog: &'a Catalog,
    today: jiff::civil::Date,
    offering: Option<String>,
    problems: Vec<Problem>,
}

impl Validator<'_> {
    fn report(&mut self, path: String, kind: ProblemKind) {
        self.problems.push(Problem { offering: self.offering.clone(), path, kind });
    }

    fn check_catalog(&mut self) {
        let catalog = self.catalog;
        if catalog.schema != SCHEMA_VERSION {
            let kind =
                ProblemKind::SchemaMismatch { found: catalog.schema, expected: SCHEMA_VERSION };
            self.report("schema".into(), kind);
        }
        self.string("edition".into(), &catalog.edition);
        for (key, source) in &catalog.sources {
            self.string(format!("sources.{key}.title"), &source.title);
            self.url(&format!("sources.{key}.url"), source.url.as_deref());
            if matches!(source.kind, SourceKind::Unclassified | SourceKind::Organisation) {
                self.report(format!("sources.{key}.kind"), ProblemKind::MissingSourceKind);
            }
        }
        for (code, fact) in &catalog.adequacy {
            let path = format!("adequacy.{code}");
            self.country(&path, code);
            self.fact(&path, fact, |v, path, text| v.text(path, text));
        }
        let mut seen = std::collections::BTreeSet::new();
        for offering in &catalog.offerings {
            self.offering = Some(offering.id.clone());
            if !seen.insert(offering.id.as_str()) {
                self.report(format!("{}.id", offering.id), ProblemKind::DuplicateId);
            }
            self.check_offering(offering);
        }
        self.offering = None;
    }

    fn check_offering(&mut self, o: &Offering) {
        let id = &o.id;
        let valid_id = !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid_id {
            self.report(format!("{id}.id"), ProblemKind::BadId);
        }
        self.text(&format!("{id}.name"), &o.name);
        self.string(format!("{id}.product"), &o.product);
        let entity = |v: &mut Self, path: &str, e: &Entity| {
            v.string(format!("{path}.name"), &e.name);
            v.country(&format!("{path}.country"), &e.country);
        };
        self.fact(&format!("{id}.operator"), &o.operator, entity);
        self.fact(&format!("{id}.parent"), &o.parent, entity);
        let countries = |v: &mut Self, path: &str, codes: &Vec<String>| {
            for (i, code) in codes.iter().enumerate() {
                v.country(&format!("{path}[{i}]"), code);
            }
        };
        self.fact(&format!("{id}.processing_locations"), &o.processing_locations, countries);
        self.fact(&format!("{id}.subprocessor_locations"), &o.subprocessor_locations, countries);
        self.fact(&format!("{id}.dpf_certified"), &o.dpf_certified, |_, _, _| {});
        self.fact(&format!("{id}.transfer_basis"), &o.transfer_basis, |_, _, _| {});
        self.fact(&format!("{id}.dpa"), &o.dpa, |_, _, _| {});
        self.fact(&format!("{id}.own_purpose"), &o.own_purpose, |_, _, _| {});
        self.fact(&format!("{id}.open_source"), &o.open_source, |_, _, _| {});
        self.fact(&format!("{id}.licence"), &o.licence, |v, path, s| v.string(path.into(), s));
        self.fact(&format!("{id}.e2ee"), &o.e2ee, |v, path, e2ee| {
            v.fact(&format!("{path}.browser_join"), &e2ee.browser_join, |_, _, _| {});
            v.fact(&format!("{path}.max_participants"), &e2ee.max_participants, |_, _, _| {});
            if let Some(requires) = &e2ee.requires {
                v.text(&format!("{path}.requires"), requires);
            }
        });
        self.fact(&format!("{id}.browser_join"), &o.browser_join, |_, _, _| {});
        self.fact(&format!("{id}.apps"), &o.apps, |_, _, _| {});
        self.fact(&format!("{id}.max_participants"), &o.max_participants, |_, _, _| {});
        for feature in Feature::ALL {
            let name = feature.key().trim_start_matches("feature.");
            let path = format!("{id}.features.{name}");
            match o.features.get(&feature) {
                Some(fact) => self.fact(&path, fact, |_, _, _| {}),
                None => self.report(path, ProblemKind::MissingFeature),
            }
        }
        self.fact(&format!("{id}.kbv_listed"), &o.kbv_listed, |_, _, _| {});
        self.fact(&format!("{id}.join_without_account"), &o.join_without_account, |_, _, _| {});
        self.fact(&format!("{id}.attention_tracking"), &o.attention_tracking, |_, _, _| {});
        self.fact(&format!("{id}.availability"), &o.availability, |_, _, _| {});
        for (i, position) in o.authority_positions.iter().enumerate() {
            let path = format!("{id}.authority_positions[{i}]");
            self.text(&format!("{path}.scope"), &position.scope);
            self.text(&format!("{path}.summary"), &position.summary);
            self.string(format!("{path}.edition"), &position.edition);
            self.source(&format!("{path}.source"), &position.source);
            self.date(&format!("{path}.date"), &position.date);
        }
        for (i, setting) in o.settings.iter().enumerate() {
            self.text(&format!("{id}.settings[{i}]"), setting);
        }
        for (i, note) in o.notes.iter().enumerate() {
            self.text(&format!("{id}.notes[{i}]"), note);
        }
    }

    fn fact<T>(
        &mut self,
        path: &str,
        fact: &Fact<T>,
        check_value: impl FnOnce(&mut Self, &str, &T),
    ) {
        match fact {
            Fact::Known { value, source, as_of, note, certainty } => {
                self.source(&format!("{path}.source"), source);
                self.certainty(&format!("{path}.certainty"), source, *certainty);
                self.date(&format!("{path}.as_of"), as_of);
                if let Some(note) = note {
                    self.text(&format!("{path}.note"), note);
                }
                check_value(self, path, value);
            }
            Fact::Unknown { note } => self.text(&format!("{path}.note"), note),
            Fact::NotApplicable => {}
        }
    }

    fn source(&mut self, path: &str, key: &str) {
        if !self.catalog.sources.contains_key(key) {
            self.report(path.to_string(), ProblemKind::UnknownSource { source: key.to_string() });
        }
    }

    fn url(&mut self, path: &str, url: Option<&str>) {
        let Some(url) = url else {
            self.report(path.to_string(), ProblemKind::MissingUrl);
            return;
        };
        let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
        let deep = rest
            .and_then(|r| r.split_once('/'))
            .is_some_and(|(host, page)| !host.is_empty() && !page.trim_end_matches('/').is_empty());
        if !deep {
            self.report(path.to_string(), ProblemKind::BareUrl { url: url.to_string() });
        }
    }

    /// A fact may not claim more than its source can give; Certainty orders strongest first.
    fn certainty(&mut self, path: &str, key: &str, certainty: Certainty) {
        let Some(kind) = self.catalog.sources.get(key).map(|s| s.kind) else { return };
        if kind == SourceKind::Unclassified {
            return;
        }
        if certainty < kind.strongest_certainty() {
            let kind = ProblemKind::CertaintyAboveSource {
                certainty: format!("{certainty:?}"),
                kind: format!("{kind:?}"),
            };
            self.report(path.to_string(), kind);
        }
    }

    fn date(&mut self, path: &str, as_of: &AsOf) {
        if as_of.earliest() > self.today {
            self.report(path.to_string(), ProblemKind::FutureDate { as_of: as_of.to_string() });
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        self.string(format!("{path}.de"), &text.de);
        self.string(format!("{path}.en"), &text.en);
    }

    fn string(&mut self, path: String, s: &str) {
        if s.trim().is_empty() {
            self.report(path, ProblemKind::MissingText);
        }
    }

    fn country(&mut self, path: &str, code: &str) {
        if !is_country_code(code) {
            self.report(path.to_string(), ProblemKind::BadCountryCode { code: code.to_string() });
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use super::*;
    use crate::facts::Certainty;

    fn parse(text: &str) -> Result<Catalog, ron::error::SpannedError> {
        ron::from_str(text)
    }

    const TODAY: Date = Date::constant(2026, 11, 29);

    const MINIMAL: &str = r#"(
            schema: 1,
            edition: "test",
            sources: { "s": (title: "A source", url: Some("https://example.org/terms"), kind: Vendor) },
            offerings: [(
                id: "x",
                name: (de: "X", en: "X"),
                product: "X",
                operating_model: OnlineService,
                operator: Known(value: (name: "X Ltd", country: "DE"), source: "s", as_of: "2025", certainty: Vendor),
                parent: NotApplicable,
                processing_locations: Known(value: ["DE"], source: "s", as_of: "2025-03", certainty: Vendor),
                subprocessor_locations: Unknown(note: (de: "Fehlt.", en: "Missing.")),
                dpf_certified: NotApplicable,
                transfer_basis: NotApplicable,
                dpa: Known(value: Standard, source: "s", as_of: "2021-02-18", certainty: Contract),
                own_purpose: Unknown(note: (de: "Fehlt.", en: "Missing.")),
                open_source: Known(value: false, source: "s", as_of: "2025", certainty: Vendor),
                licence: Known(value: "proprietary", source: "s", as_of: "2025", certainty: Vendor),
                e2ee: Unknown(note: (de: "Fehlt.", en: "Missing.")),
                browser_join: Known(value: [Chromium], source: "s", as_of: "2025", certainty: Vendor),
                apps: Unknown(note: (de: "Fehlt.", en: "Missing.")),
                max_participants: Known(value: 50, source: "s", as_of: "2024", certainty: Vendor),
                features: {
                    ScreenSharing: NotApplicable, Recording: NotApplicable, DialIn: NotApplicable,
                    BreakoutRooms: NotApplicable, Lobby: NotApplicable, Passwords: NotApplicable,
                    Chat: NotApplicable, Whiteboard: NotApplicable, Polls: NotApplicable,
                },
                kbv_listed: Unknown(note: (de: "Fehlt.", en: "Missing.")),
            )],
        )"#;

    fn minimal() -> Catalog {
        parse(MINIMAL).expect("test catalogue parses")
    }

    fn kinds(catalog: &Catalog) -> Vec<(String, ProblemKind)> {
        validate(catalog, TODAY).into_iter().map(|p| (p.path, p.kind)).collect()
    }

    #[test]
    fn eu_and_eea_members_are_recognised_and_third_countries_are_not() {
        for code in ["DE", "FR", "IE", "LU", "NL", "AT", "NO", "IS", "LI"] {
            assert!(is_eu_eea(code), "{code}");
        }
        for code in ["CH", "GB", "US", "UK", "EU", "de", ""] {
            assert!(!is_eu_eea(code), "{code}");
        }
    }

    #[test]
    fn country_codes_must_be_two_upper_case_letters_and_no_look_alikes() {
        assert!(is_country_code("CH"));
        for code in ["ch", "CHE", "EU", "UK", "", "D1"] {
            assert!(!is_country_code(code), "{code}");
        }
    }

    #[test]
    fn a_complete_catalogue_has_no_problems() {
        assert_eq!(kinds(&minimal()), vec![]);
    }

    #[test]
    fn each_kind_of_problem_is_reported_at_its_path() {
        let mut c = minimal();
        c.schema = 9;
        let mut second = c.offerings[0].clone();
        second.name.en.clear();
        second.processing_locations =
            Fact::known(vec!["UK".to_string()], "s", "2025", Certainty::Vendor);
        second.max_participants = Fact::known(10, "nowhere", "2027-01", Certainty::Vendor);
        second.features.remove(&Feature::Polls);
        c.offerings.push(second);
        let found = kinds(&c);
        let expected = [
            ("schema", ProblemKind::SchemaMismatch { found: 9, expected: SCHEMA_VERSION }),
            ("x.id", ProblemKind::DuplicateId),
            ("x.name.en", ProblemKind::MissingText),
            ("x.processing_locations[0]", ProblemKind::BadCountryCode { code: "UK".into() }),
            ("x.max_participants.source", ProblemKind::UnknownSource { source: "nowhere".into() }),
            ("x.max_participants.as_of", ProblemKind::FutureDate { as_of: "2027-01".into() }),
            ("x.features.polls", ProblemKind::MissingFeature),
        ];
        for (path, kind) in &expected {
            assert!(
                found.contains(&(path.to_string(), kind.clone())),
                "{path} {kind:?} in {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "{found:?}");
        let problems = validate(&c, TODAY);
        assert_eq!(problems[0].offering, None);
        assert_eq!(problems[1].offering.as_deref(), Some("x"));
    }

    #[test]
    fn a_source_needs_a_deep_url_and_a_kind_and_bounds_the_certainty_of_its_facts() {
        let mut c = minimal();
        let source =
            |url: Option<&str>, kind| Source { title: "T".into(), url: url.map(Into::into), kind };
        c.sources.insert("none".into(), source(None, SourceKind::Vendor));
        c.sources
            .insert("home".into(), source(Some("https://vendor.example/"), SourceKind::Vendor));
        c.sources.insert(
            "old".into(),
            source(Some("https://a.example/terms"), SourceKind::Unclassified),
        );
        c.sources
            .insert("press".into(), source(Some("https://news.example/a"), SourceKind::Secondary));
        c.offerings[0].max_participants = Fact::known(10, "press", "2025", Certainty::Vendor);
        c.offerings[0].open_source = Fact::known(false, "press", "2025", Certainty::Secondary);
        let found = kinds(&c);
        let bare = ProblemKind::BareUrl { url: "https://vendor.example/".into() };
        let above = ProblemKind::CertaintyAboveSource {
            certainty: "Vendor".into(),
            kind: "Secondary".into(),
        };
        let expected = [
            ("sources.none.url".to_string(), ProblemKind::MissingUrl),
            ("sources.home.url".to_string(), bare),
            ("sources.old.kind".to_string(), ProblemKind::MissingSourceKind),
            ("x.max_participants.certainty".to_string(), above),
        ];
        for problem in &expected {
            assert!(found.contains(problem), "{problem:?} in {found:?}");
        }
        assert_eq!(
            found.len(),
            expected.len(),
            "a secondary fact from the press is fine: {found:?}"
        );
    }

    #[test]
    fn a_date_is_only_in_the_future_when_its_period_starts_after_today() {
        let mut c = minimal();
        c.offerings[0].max_participants = Fact::known(10, "s", "2026", Certainty::Vendor);
        assert_eq!(kinds(&c), vec![]);
        c.offerings[0].max_participants = Fact::known(10, "s", "2026-11-30", Certainty::Vendor);
        assert_eq!(kinds(&c).len(), 1);
    }

    #[test]
    fn a_language_left_out_parses_and_is_reported() {
        let text = MINIMAL.replace(r#"name: (de: "X", en: "X")"#, r#"name: (de: "X")"#);
        let c = parse(&text).unwrap();
        assert_eq!(kinds(&c), vec![("x.name.en".to_string(), ProblemKind::MissingText)]);
    }

    #[test]
    fn the_latest_position_prefers_current_ones_over_later_historical_ones() {
        let c = parse(include_str!("../../assets/catalog.ron")).unwrap();
        let teams = c.offering("teams-m365").unwrap();
        assert_eq!(teams.latest_position().map(|p| p.authority), Some(Authority::Hbdi));
        let zoom = c.offering("zoom").unwrap();
        let latest = zoom.latest_position().unwrap();
        assert_eq!(
            (latest.authority, latest.date.to_string().as_str()),
            (Authority::BlnBdi, "2021-02-18")
        );
    }

    #[test]
    fn the_oldest_changeable_fact_counts_from_the_end_of_its_range() {
        let o = &minimal().offerings[0];
        assert_eq!(o.oldest_changeable_fact().map(|(f, _)| f), Some(FactField::Dpa));
    }
}
