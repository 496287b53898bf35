//! Sending one item through the typed staff client, and asking for an application's stage when
//! an answer needs checking. The outbox lives as long as the page, so its requests belong to no
//! view and are never aborted.

use super::item::{Action, Item};
use crate::api::{ApiError, StaffApi};
use shared::lifecycle::Stage;

/// Sends one item; the stage the server reports afterwards.
pub async fn send(item: &Item) -> Result<Stage, ApiError> {
    let api = StaffApi::detached();
    let id = &item.application_id;
    match &item.action {
        Action::Verify => api.verify(id, &item.key).await.map(|a| a.stage),
        Action::Return { reasons } => api
            .return_for_correction(id, reasons, &item.key)
            .await
            .map(|a| a.stage),
        Action::Record { submission } => api
            .record_biometrics(id, submission, &item.key)
            .await
            .map(|r| r.stage),
    }
}

/// The application's stage now.
pub async fn current_stage(application_id: &str) -> Result<Stage, ApiError> {
    StaffApi::detached()
        .detail(application_id)
        .await
        .map(|d| d.stage)
}
