//! Distribution of printed cards and their handover to residents.
//!
//! The dinas packs a kecamatan's printed cards into one shipment (`pack`): the cards move to
//! CARD_SHIPPED through the one transition path, in the same batch as the shipment and its
//! manifest. The kecamatan finds the shipment by its manifest code (typed or scanned) and
//! checks it in card by card (`receive`): a listed card not in the box is missing, a card in
//! the box not listed is an extra; both show in the dinas's section (`overview`). Only a card
//! checked in at its own kecamatan is handed over (`handover`), against the resident's
//! signature, which moves it to CARD_ISSUED (ending any valid Surat Keterangan in that batch).
//!
//! Rules kept here: the dinas section is for dinas operators and supervisors (others 403);
//! shipments, waiting cards and handovers are for kecamatan operators, each reaching only their
//! kecamatan (another's is "not found"); every read naming residents is audited; every write
//! is idempotent on `Idempotency-Key`.

pub mod cards;
pub mod handover;
pub mod overview;
pub mod pack;
pub mod receive;
pub mod status;

use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::shipment_cards::ManifestRow;
use crate::storage::shipments::ShipmentRow;
use crate::storage::{audit, shipment_cards, shipment_extras};
use shared::api::{
    CardState, ErrorCode, ExtraCard, ManifestCard, ShipmentSummary, ShipmentView, WaitingCard,
};
use shared::auth::StaffRole;
use shared::domain::{days_waiting, is_uncollected, Date, RegionCode};
use shared::lifecycle::Stage;
use shared::regions::{BundledRegions, RegionDirectory};
use worker::D1Database;

/// Dinas operators and supervisors only.
pub fn dinas(who: &Principal) -> ApiResult<()> {
    match who.role {
        StaffRole::DinasOperator | StaffRole::DinasSupervisor => Ok(()),
        StaffRole::KecamatanOperator | StaffRole::Administrator => {
            Err(ApiError::Code(ErrorCode::Forbidden))
        }
    }
}

/// Kecamatan operators only: their kecamatan.
pub fn kecamatan(who: &Principal) -> ApiResult<&str> {
    match (who.role, who.district_code.as_deref()) {
        (StaffRole::KecamatanOperator, Some(district)) => Ok(district),
        _ => Err(ApiError::Code(ErrorCode::Forbidden)),
    }
}

fn region_name(code: &str) -> String {
    RegionCode::parse(code)
        .ok()
        .and_then(|c| BundledRegions.name(c).map(str::to_string))
        .unwrap_or_default()
}

fn summary(row: ShipmentRow) -> ShipmentSummary {
    ShipmentSummary {
        district_name: region_name(&row.district_code),
        id: row.id,
        code: row.code,
        district_code: row.district_code,
        cards: row.cards,
        packed_at: row.packed_at,
        packed_by: row.packed_by,
        received_at: row.received_at,
        received_by: row.received_by,
        received_cards: row.received_cards,
        missing_cards: row.missing_cards,
        extra_cards: row.extra_cards,
    }
}

fn card_state(row: &ManifestRow, checked_in: bool) -> CardState {
    if row.stage == Stage::CardIssued {
        CardState::HandedOver
    } else if row.received_at.is_some() {
        CardState::Received
    } else if checked_in {
        CardState::Missing
    } else {
        CardState::InTransit
    }
}

/// The shipment with its manifest and extras.
async fn shipment_view(db: &D1Database, row: ShipmentRow) -> ApiResult<ShipmentView> {
    let checked_in = row.received_at.is_some();
    let cards = shipment_cards::manifest(db, &row.id)
        .await?
        .into_iter()
        .map(|c| ManifestCard {
            state: card_state(&c, checked_in),
            application_id: c.application_id,
            registration_code: c.registration_code.to_string(),
            full_name: c.full_name,
            village_name: region_name(&c.village_code),
            card_serial: c.card_serial,
            received_at: c.received_at,
        })
        .collect();
    let extras = shipment_extras::list(db, &row.id)
        .await?
        .into_iter()
        .map(|e| ExtraCard {
            description: e.description,
            reported_at: e.reported_at,
            reported_by: e.reported_by,
        })
        .collect();
    Ok(ShipmentView {
        shipment: summary(row),
        cards,
        extras,
    })
}

fn waiting_card(row: shipment_cards::WaitingRow, today: Date, with_name: bool) -> WaitingCard {
    WaitingCard {
        district_name: region_name(&row.district_code),
        application_id: row.application_id,
        registration_code: row.registration_code.to_string(),
        full_name: if with_name {
            row.full_name
        } else {
            String::new()
        },
        district_code: row.district_code,
        received_on: row.received_on.to_string(),
        days_waiting: days_waiting(row.received_on, today),
        uncollected: is_uncollected(row.received_on, today),
    }
}

/// An audit entry for a staff read, written at once.
async fn audit_read(
    ctx: &RequestContext,
    db: &D1Database,
    who: &Principal,
    action: &str,
    application_id: Option<&str>,
    detail: serde_json::Value,
) -> ApiResult<()> {
    let detail = detail.to_string();
    let entry = audit_entry(ctx, who, action, application_id, &detail);
    audit::record(db, vec![entry.row()]).await?;
    Ok(())
}

fn audit_entry<'a>(
    ctx: &'a RequestContext,
    who: &'a Principal,
    action: &'a str,
    application_id: Option<&'a str>,
    detail: &'a str,
) -> audit::AuditEntry<'a> {
    audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action,
        application_id,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(detail),
    }
}
