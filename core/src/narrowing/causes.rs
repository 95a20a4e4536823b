//! Why a light is what it is: one id per cause, grouped by criterion. The ids are stored in
//! decision snapshots and key the sentences of `describe`.

use crate::ids::stable_ids;

stable_ids! {
    /// The cause behind one of meetcheck's lights.
    pub enum LightCause {
        ContractSelfOperated = "light.contract.self_operated",
        ContractStandard = "light.contract.standard",
        ContractOnRequest = "light.contract.on_request",
        ContractNotOffered = "light.contract.not_offered",
        ContractUnknown = "light.contract.unknown",
        OwnPurposeNone = "light.own_purpose.none",
        OwnPurposeServiceData = "light.own_purpose.service_data",
        OwnPurposeAdFinanced = "light.own_purpose.ad_financed",
        OwnPurposeSelfOperated = "light.own_purpose.self_operated",
        OwnPurposeUnknown = "light.own_purpose.unknown",
        TransfersSelfChosen = "light.transfers.self_chosen",
        TransfersNoBasis = "light.transfers.no_basis",
        TransfersScc = "light.transfers.scc",
        TransfersDpf = "light.transfers.dpf",
        TransfersUnknown = "light.transfers.unknown",
        TransfersAdequacy = "light.transfers.adequacy",
        TransfersEuOnly = "light.transfers.eu_only",
        ForeignAccessThirdCountryOperator = "light.foreign_access.third_country_operator",
        ForeignAccessThirdCountryParent = "light.foreign_access.third_country_parent",
        ForeignAccessSelfOperated = "light.foreign_access.self_operated",
        ForeignAccessUnknown = "light.foreign_access.unknown",
        ForeignAccessEu = "light.foreign_access.eu",
        EncryptionExperimental = "light.encryption.experimental",
        EncryptionE2eeDefault = "light.encryption.e2ee_default",
        EncryptionE2eeOptional = "light.encryption.e2ee_optional",
        EncryptionE2eeMustEnable = "light.encryption.e2ee_must_enable",
        EncryptionTransportOnlyVeryHigh = "light.encryption.transport_only_very_high",
        EncryptionTransportOnly = "light.encryption.transport_only",
        EncryptionUnknown = "light.encryption.unknown",
        BrowserAccessAll = "light.browser_access.all",
        BrowserAccessAppsOnly = "light.browser_access.apps_only",
        BrowserAccessSome = "light.browser_access.some",
        BrowserAccessUnknown = "light.browser_access.unknown",
        OpenSourceYes = "light.open_source.yes",
        OpenSourceNo = "light.open_source.no",
        OpenSourceUnknown = "light.open_source.unknown",
        AuthorityContested = "light.authority_view.contested",
        AuthorityNegative = "light.authority_view.negative",
        AuthorityConditional = "light.authority_view.conditional",
        AuthorityPositive = "light.authority_view.positive",
        /// Only historical positions, all negative.
        AuthorityNegativeHistorical = "light.authority_view.negative_historical",
        /// Only historical positions, all positive.
        AuthorityPositiveHistorical = "light.authority_view.positive_historical",
        /// Only historical positions, mixed.
        AuthorityMixedHistorical = "light.authority_view.mixed_historical",
        AuthorityNone = "light.authority_view.none",
        /// Positions exist, but none for this organisation's Land, sector or kind of body.
        AuthorityElsewhere = "light.authority_view.elsewhere",
    }
}

impl LightCause {
    /// Only historical authority positions stand behind the light: it counts half.
    pub fn rests_on_history(self) -> bool {
        matches!(
            self,
            LightCause::AuthorityNegativeHistorical
                | LightCause::AuthorityPositiveHistorical
                | LightCause::AuthorityMixedHistorical
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_saved_as_strings() {
        for cause in LightCause::ALL {
            assert_eq!(LightCause::from_id(cause.id()), Some(*cause));
        }
        let text = ron::to_string(&LightCause::TransfersDpf).unwrap();
        assert_eq!(text, "\"light.transfers.dpf\"");
        assert_eq!(ron::from_str::<LightCause>(&text).unwrap(), LightCause::TransfersDpf);
        assert!(ron::from_str::<LightCause>("\"light.nonsense\"").is_err());
    }
}
