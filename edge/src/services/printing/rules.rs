//! What every print route shares: who may read and write, the run a request names, and the
//! run's view as the API returns it.

use crate::http::{ApiError, ApiResult};
use crate::services::adjudication::view::district_name;
use crate::services::auth::Principal;
use crate::storage::card_prints::{self, CardRow};
use crate::storage::print_runs::{self, RunRow};
use shared::api::{
    CardOutcome, ErrorCode, Ledger, PrintRunItem, PrintRunSummary, PrintRunView, SpoiledCard,
};
use shared::auth::StaffRole;
use worker::D1Database;

/// Dinas operators and supervisors read; anyone else is refused before anything is read.
pub fn reader(who: &Principal) -> ApiResult<()> {
    crate::services::certificates::dinas_staff(who.clone()).map(|_| ())
}

/// Only a dinas operator prints (the life cycle's SendForPrinting and MarkPrinted).
pub fn operator(who: &Principal) -> ApiResult<()> {
    match who.role {
        StaffRole::DinasOperator => Ok(()),
        _ => Err(ApiError::Code(ErrorCode::Forbidden)),
    }
}

pub async fn run(db: &D1Database, run_id: &str) -> ApiResult<RunRow> {
    print_runs::get(db, run_id)
        .await?
        .ok_or(ApiError::NOT_FOUND)
}

/// The run, which must still be open.
pub async fn open_run(db: &D1Database, run_id: &str) -> ApiResult<RunRow> {
    let row = run(db, run_id).await?;
    if row.closed_at.is_some() {
        return Err(ApiError::Code(ErrorCode::PrintRunClosed));
    }
    Ok(row)
}

pub fn ledger(row: &RunRow) -> Ledger {
    Ledger {
        blank_cards_taken: row.blank_cards_taken,
        printed: row.printed,
        spoiled: row.spoiled,
    }
}

pub fn summary(row: &RunRow) -> PrintRunSummary {
    PrintRunSummary {
        run_id: row.id.clone(),
        district_code: row.district_code.clone(),
        district_name: district_name(&row.district_code),
        created_at: row.created_at.clone(),
        created_by: row.created_by_name.clone(),
        closed_at: row.closed_at.clone(),
        applications: row.applications,
        ledger: ledger(row),
    }
}

/// The run as it stands now (read after a write, for its answer).
pub async fn view(db: &D1Database, run_id: &str) -> ApiResult<PrintRunView> {
    let row = run(db, run_id).await?;
    let cards = card_prints::for_run(db, run_id).await?;
    let items = print_runs::items(db, run_id)
        .await?
        .into_iter()
        .map(|i| PrintRunItem {
            spoiled: spoiled_of(&cards, &i.application_id),
            application_id: i.application_id,
            registration_code: i.registration_code.to_string(),
            stage: i.stage,
            card_serial: i.card_serial,
        })
        .collect();
    Ok(PrintRunView {
        summary: summary(&row),
        items,
    })
}

fn spoiled_of(cards: &[CardRow], application_id: &str) -> Vec<SpoiledCard> {
    cards
        .iter()
        .filter(|c| c.application_id == application_id && c.state == CardOutcome::Spoiled)
        .map(|c| SpoiledCard {
            serial: c.serial.clone(),
            reason: c.reason.clone().unwrap_or_default(),
            voided: c.voided_at.is_some(),
        })
        .collect()
}
