//! The dinas print room's calls on [`StaffApi`]: the print queue, runs, card outcomes, blanks,
//! closing and the card previews.

use super::paths::printing as path;
use super::{ApiError, IdempotencyKey, StaffApi};
use shared::api::{
    CardPreviews, CreatePrintRunRequest, PrintQueue, PrintRunList, PrintRunView, PrintRunWritten,
    RecordCardsRequest, TakeBlanksRequest,
};

impl StaffApi {
    /// `GET /api/dinas/print-queue`.
    pub async fn print_queue(self) -> Result<PrintQueue, ApiError> {
        self.get(path::QUEUE).decode().await
    }

    /// `GET /api/dinas/print-runs`.
    pub async fn print_runs(self) -> Result<PrintRunList, ApiError> {
        self.get(path::RUNS).decode().await
    }

    /// `GET /api/dinas/print-runs/{run}`.
    pub async fn print_run(self, run_id: &str) -> Result<PrintRunView, ApiError> {
        self.get(&path::run(run_id)).decode().await
    }

    /// `GET /api/dinas/print-runs/{run}/cards`: every card laid out (an audited read).
    pub async fn card_previews(self, run_id: &str) -> Result<CardPreviews, ApiError> {
        self.get(&path::cards(run_id)).decode().await
    }

    /// `POST /api/dinas/print-runs`: a run of one kecamatan's applications.
    pub async fn create_print_run(
        self,
        request: &CreatePrintRunRequest,
        key: &IdempotencyKey,
    ) -> Result<PrintRunWritten, ApiError> {
        self.post(path::RUNS)
            .json(request)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/dinas/print-runs/{run}/cards`: card outcomes, all or none.
    pub async fn record_cards(
        self,
        run_id: &str,
        request: &RecordCardsRequest,
        key: &IdempotencyKey,
    ) -> Result<PrintRunWritten, ApiError> {
        self.post(&path::cards(run_id))
            .json(request)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/dinas/print-runs/{run}/blanks`.
    pub async fn take_blanks(
        self,
        run_id: &str,
        count: u32,
        key: &IdempotencyKey,
    ) -> Result<PrintRunWritten, ApiError> {
        self.post(&path::blanks(run_id))
            .json(&TakeBlanksRequest { count })?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/dinas/print-runs/{run}/close`.
    pub async fn close_print_run(
        self,
        run_id: &str,
        key: &IdempotencyKey,
    ) -> Result<PrintRunWritten, ApiError> {
        self.post(&path::close(run_id))
            .json(&serde_json::json!({}))?
            .idempotent(key)
            .decode()
            .await
    }
}
