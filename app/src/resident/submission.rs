//! Sending the draft: check it with `shared` validation, gather the files from the device, post
//! them with the draft's idempotency key, and read the answer into what the review step shows.
//!
//! A send the resident asked for is remembered in the draft until it has an answer: when the
//! line is down it goes out by itself on the `online` event, or when the form is opened again
//! after the page was closed, always with the draft's one idempotency key (so once).

use super::draft::{step_of, Draft, Prefill};
use super::step_documents::missing_documents;
use crate::api::{self, ApiError, IdempotencyKey, Upload};
use crate::platform::idb;
use leptos::prelude::*;
use shared::api::{ErrorCode, SubmitResponse};
use shared::i18n::Lang;
use shared::validation::Field;

/// Why a submission did not go through; each variant is shown differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitFailure {
    /// Fields need correcting (found here or by the server); the form jumps to `step`.
    Invalid { step: u8 },
    /// Required documents are missing (or their files were lost from the device).
    MissingDocuments,
    /// The request failed; the draft is kept and the same key is used on retry.
    Api(ApiError),
}

/// What the submit area shows.
#[derive(Debug, Clone, PartialEq)]
pub enum SendState {
    Idle,
    /// Uploading; the fraction sent so far.
    Sending(f64),
    Failed(SubmitFailure),
}

/// Sends the draft now unless a send is already under way; the outcome lands in `state.send`
/// (and, on success, in the page's `on_submitted`). Only a failure of the line (or an expired
/// staff session) keeps the request standing for the next `online` event or the next opening of
/// the form.
pub fn start_sending(state: Prefill, lang: Lang) {
    if matches!(state.send.get_untracked(), SendState::Sending(_)) {
        return;
    }
    state.send_requested.set(true);
    state.send.set(SendState::Sending(0.0));
    leptos::task::spawn_local(async move {
        let on_progress = move |f: f64| state.send.set(SendState::Sending(f));
        match submit(state, lang, on_progress).await {
            Ok(answer) => {
                state.send.set(SendState::Idle);
                state.on_submitted.run(answer);
            }
            // No answer, or (a walk-in) the operator's session ran out and the console asks
            // for a sign-in: the send stays requested and goes out once the form is back.
            Err(SubmitFailure::Api(
                e @ (ApiError::Network | ApiError::Server { status: 401, .. }),
            )) => {
                state.send.set(SendState::Failed(SubmitFailure::Api(e)));
            }
            Err(failure) => {
                // The resident must act (fix a field, add a document, read a refusal).
                state.send_requested.set(false);
                if let SubmitFailure::Invalid { step } = failure {
                    state.step.set(step);
                }
                state.send.set(SendState::Failed(failure));
            }
        }
    });
}

/// Submits the draft to its intake's endpoint. On success the draft is cleared.
async fn submit(
    state: Prefill,
    lang: Lang,
    on_progress: impl Fn(f64) + 'static,
) -> Result<SubmitResponse, SubmitFailure> {
    let all: Vec<Field> = Field::ALL.to_vec();
    state.touched.update(|t| t.extend(all.iter().copied()));
    let first_problem = state
        .problems
        .with_untracked(|p| p.errors.iter().map(|e| step_of(e.field)).min());
    if let Some(step) = first_problem {
        return Err(SubmitFailure::Invalid { step });
    }
    if !missing_documents(&state).is_empty() {
        return Err(SubmitFailure::MissingDocuments);
    }

    let mut uploads = Vec::new();
    for meta in state.attachments.get_untracked() {
        match idb::get(&state.intake.file_key(meta.kind)).await {
            Ok(Some(blob)) => uploads.push(Upload {
                kind: meta.kind,
                blob,
                file_name: meta.file_name,
            }),
            // The browser dropped the file (storage pressure): ask for it again.
            _ => {
                state
                    .attachments
                    .update(|a| a.retain(|m| m.kind != meta.kind));
                return Err(SubmitFailure::MissingDocuments);
            }
        }
    }

    let form = state.form.get_untracked();
    let key = IdempotencyKey::from_stored(state.idempotency_key.get_untracked());
    let to = state.intake.endpoint;
    match api::submit_application(to, &form, &uploads, &key, lang, on_progress).await {
        Ok(answer) => {
            // The application is on the server; a failure to clear only leaves files behind
            // that the next draft overwrites or clears.
            let _ = Draft::clear(state.intake).await;
            Ok(answer)
        }
        Err(ApiError::Server { status, body }) if body.code == ErrorCode::ValidationFailed => {
            let problems: Vec<_> = body
                .fields
                .iter()
                .filter_map(|f| Field::from_path(&f.field).map(|field| (field, f.code)))
                .collect();
            // Problems on parts the form has no field for (e.g. a file) are shown as a whole.
            let Some(step) = problems.iter().map(|(f, _)| step_of(*f)).min() else {
                return Err(SubmitFailure::Api(ApiError::Server { status, body }));
            };
            state.server_errors.set(problems);
            Err(SubmitFailure::Invalid { step })
        }
        Err(e) => Err(SubmitFailure::Api(e)),
    }
}
