//! Distribution and handover contract: shipments of printed cards per kecamatan with their
//! manifest, the kecamatan's check of what arrived, the cards waiting to be collected, the
//! handover against the resident's signature and its receipt, and the status page's card line.

use serde::{Deserialize, Serialize};

/// `POST /api/dinas/shipments` body: pack printed cards of one kecamatan into one shipment:
/// the ones named, or (none named) every one, oldest printed first; at most
/// `domain::MAX_CARDS_PER_SHIPMENT`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRequest {
    /// Dotted kecamatan code, e.g. `33.15.13`.
    pub district_code: String,
    /// Application ids of printed cards of that kecamatan; empty: all of them.
    #[serde(default)]
    pub application_ids: Vec<String>,
}

/// Printed cards not yet shipped, for one kecamatan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintedWaiting {
    pub district_code: String,
    pub district_name: String,
    pub cards: u32,
}

/// One shipment as listed: codes, counts and dates, no names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentSummary {
    pub id: String,
    /// The manifest code (`KRM-...`), also the QR's whole text.
    pub code: String,
    pub district_code: String,
    pub district_name: String,
    pub cards: u32,
    pub packed_at: String,
    pub packed_by: String,
    /// Set once the kecamatan checked the box in.
    pub received_at: Option<String>,
    pub received_by: Option<String>,
    pub received_cards: u32,
    /// Listed but not in the box when checked (0 until checked).
    pub missing_cards: u32,
    /// In the box but not listed.
    pub extra_cards: u32,
}

/// Where one listed card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardState {
    /// Shipped; the kecamatan has not checked the box yet.
    InTransit,
    /// Ticked off at the kecamatan: ready to collect.
    Received,
    /// The box was checked and this card was not in it: reported to the dinas.
    Missing,
    /// Handed over to the resident.
    HandedOver,
}

/// One card on a manifest. Staff only (it names the resident).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestCard {
    pub application_id: String,
    pub registration_code: String,
    pub full_name: String,
    pub village_name: String,
    /// The printed card's serial, what the operator reads off the card.
    pub card_serial: Option<String>,
    pub state: CardState,
    pub received_at: Option<String>,
}

/// A card found in the box that the manifest does not list, as the kecamatan reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraCard {
    pub description: String,
    pub reported_at: String,
    pub reported_by: String,
}

/// A shipment with its manifest: `GET /api/dinas/shipments/{id}`,
/// `GET /api/staff/shipments/by-code/{code}`, and the answer of packing and receiving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    pub shipment: ShipmentSummary,
    /// In registration-code order, as printed.
    pub cards: Vec<ManifestCard>,
    pub extras: Vec<ExtraCard>,
}

/// `POST /api/staff/shipments/{id}/receipt` body. The first check closes the box: listed cards
/// not ticked are missing. A later check may tick a missing card that turned up, and report
/// more extras; a ticked card stays ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiveRequest {
    /// Application ids of the listed cards in the box.
    pub received: Vec<String>,
    /// Cards in the box the manifest does not list: what the operator reads off each.
    pub extras: Vec<String>,
}

/// A card received at a kecamatan and not yet collected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingCard {
    pub application_id: String,
    pub registration_code: String,
    /// Empty in the dinas's overview, which lists codes only.
    pub full_name: String,
    pub district_code: String,
    pub district_name: String,
    /// ISO date (WIB).
    pub received_on: String,
    pub days_waiting: u32,
    /// Waiting `domain::UNCOLLECTED_AFTER_DAYS` or more.
    pub uncollected: bool,
}

/// `GET /api/dinas/distribution`: the section's overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistributionOverview {
    pub waiting_to_ship: Vec<PrintedWaiting>,
    /// Newest first.
    pub shipments: Vec<ShipmentSummary>,
    /// Cards uncollected at every kecamatan, longest waiting first.
    pub uncollected: Vec<WaitingCard>,
    /// `domain::UNCOLLECTED_AFTER_DAYS`, for the page to say.
    pub uncollected_after_days: u32,
}

/// `GET /api/staff/cards`: the kecamatan's received cards waiting for their residents, longest
/// waiting first, and its shipments not checked in yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KecamatanCards {
    pub waiting: Vec<WaitingCard>,
    pub expected_shipments: Vec<ShipmentSummary>,
    pub uncollected_after_days: u32,
}

/// Whether the old KTP was handed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OldKtp {
    HandedIn,
    /// Expected but not handed in (the operator notes why in `old_ktp_note`).
    NotHandedIn,
    /// The application type has none (a first card, a lost one).
    NotExpected,
}

impl OldKtp {
    pub const ALL: [OldKtp; 3] = [OldKtp::HandedIn, OldKtp::NotHandedIn, OldKtp::NotExpected];

    /// The stored name, equal to the serde name.
    pub const fn as_str(self) -> &'static str {
        match self {
            OldKtp::HandedIn => "handed_in",
            OldKtp::NotHandedIn => "not_handed_in",
            OldKtp::NotExpected => "not_expected",
        }
    }

    pub fn parse(text: &str) -> Option<OldKtp> {
        OldKtp::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// `GET /api/staff/cards/by-code/{code}`: the card a resident came to collect, to check the
/// person against the photo before handing over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverCheck {
    pub application_id: String,
    pub registration_code: String,
    pub full_name: String,
    pub nik: String,
    pub birth_place: String,
    pub birth_date: String,
    pub application_type: String,
    pub old_ktp_expected: bool,
    /// The staff path of the face photographed at recording.
    pub face_path: String,
    pub received_on: String,
    /// Set when the card was already handed over (to reprint the receipt).
    pub receipt: Option<HandoverReceipt>,
}

/// `POST /api/staff/applications/{id}/handover` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverRequest {
    /// Whether the old KTP was handed in; ignored when none is expected.
    pub old_ktp_handed_in: bool,
    /// Why an expected old KTP was not handed in (required then), e.g. "hilang, surat
    /// kehilangan dari kepolisian".
    #[serde(default)]
    pub old_ktp_note: String,
    /// The resident's signature, PNG as base64 (at most `validation::SIGNATURE_MAX_BYTES`).
    pub signature_png_base64: String,
}

/// The handover receipt ("tanda terima"): the answer of the handover, and
/// `GET /api/staff/applications/{id}/handover` to reprint it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverReceipt {
    pub application_id: String,
    pub registration_code: String,
    pub full_name: String,
    pub nik: String,
    pub district_name: String,
    pub shipment_code: String,
    pub handed_over_at: String,
    pub handed_over_by: String,
    pub old_ktp: OldKtp,
    pub old_ktp_note: String,
    /// The staff path of the signature image.
    pub signature_path: String,
}

/// The card's step on the public status page: never who holds it or where exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardStep {
    /// Shipped to the resident's kecamatan, not checked in there yet.
    OnItsWay,
    /// At the kecamatan: come and collect it.
    ReadyToCollect,
    /// Handed over.
    Issued,
}

/// `StatusView.card`: the card's step and since when (ISO date or timestamp).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCard {
    pub step: CardStep,
    pub since: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_ktp_stored_names_are_its_serde_names() {
        for o in OldKtp::ALL {
            assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
            assert_eq!(OldKtp::parse(o.as_str()), Some(o));
        }
        assert_eq!(OldKtp::parse("x"), None);
    }
}
