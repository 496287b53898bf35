//! `/kecamatan/baru`: a walk-in resident's application typed in at the desk, with the resident's
//! own form, documents and validation, at the operator's kecamatan. Its draft is kept apart from
//! any resident's on the tablet; once sent, the new application opens on the document check.

use crate::api::{StaffApi, SubmitTo};
use crate::kecamatan::strings::NEW_WALK_IN;
use crate::nav::navigate;
use crate::resident::{Intake, IntakeForm};
use crate::staff::session;
use leptos::prelude::*;
use shared::api::SubmitResponse;

/// The walk-in draft's keys and the staff endpoint (the session cookie says who and where).
const WALK_IN: Intake = Intake {
    draft_key: "rekam.staff.walk_in.v1",
    file_prefix: "staff.walk_in.",
    endpoint: SubmitTo::WalkIn,
    district_fixed: true,
};

/// Forgets the walk-in draft and its files (`staff::tablet_handover`).
pub async fn clear_draft() {
    let _ = crate::resident::Draft::clear(WALK_IN).await;
}

/// The walk-in form.
#[component]
pub fn WalkInPage() -> impl IntoView {
    let api = StaffApi::for_view();
    let district = session::use_session()
        .0
        .with_untracked(|s| s.as_ref().and_then(|s| s.district_code.clone()));
    let on_submitted = Callback::new(move |answer: SubmitResponse| {
        leptos::task::spawn_local(async move {
            // The answer names the code; the console's screens go by id.
            let target = match api.by_code(&answer.registration_code).await {
                Ok(detail) => format!("/kecamatan/permohonan/{}", detail.id),
                // Stored, but the line dropped just after: it waits in the queue.
                Err(_) => "/kecamatan".to_string(),
            };
            navigate(&target);
        });
    });
    view! {
        <IntakeForm intake=WALK_IN title=NEW_WALK_IN on_submitted=on_submitted district=district/>
    }
}
