//! The recording's way through the national statuses, as a short list with the current step
//! marked: BIO_CAPTURED → SENT_FOR_ENROLLMENT → the 1:N result.

use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use shared::lifecycle::Stage;

/// The steps, with the stage they end in, for `current`.
fn steps(current: Option<Stage>) -> Vec<(Stage, bool)> {
    let result = match current {
        Some(
            s @ (Stage::PrintReadyRecord
            | Stage::AdjudicateRecord
            | Stage::DuplicateRecord
            | Stage::EnrollFailure),
        ) => Some(s),
        Some(s) if s > Stage::EnrollFailure && s.has_recorded_biometrics() => {
            Some(Stage::PrintReadyRecord)
        }
        _ => None,
    };
    let reached = |s: Stage| current.is_some_and(|c| c >= s && c.has_recorded_biometrics());
    let mut v = vec![
        (Stage::BioCaptured, reached(Stage::BioCaptured)),
        (Stage::SentForEnrollment, reached(Stage::SentForEnrollment)),
    ];
    if let Some(r) = result {
        v.push((r, true));
    }
    v
}

/// The status steps.
#[component]
pub fn RecordingStatus(stage: Signal<Option<Stage>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ol class="status-steps" aria-label=t(STATUS_TITLE)>
            {move || {
                let current = stage.get();
                let list = steps(current);
                let has_result = list.len() == 3;
                let mut items: Vec<_> = list.into_iter().map(|(s, reached)| view! {
                    <li class:reached=reached class=format!("meaning-{}", s.meaning().as_str())
                        aria-current=(current == Some(s)).then_some("step") data-stage=s.as_str()>
                        {move || s.label(lang.get())}
                    </li>
                }.into_any()).collect();
                if !has_result && current == Some(Stage::SentForEnrollment) {
                    items.push(view! { <li class="pending">{t(WAITING_RESULT)}</li> }.into_any());
                }
                items
            }}
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_stage() {
        assert_eq!(
            steps(None),
            vec![
                (Stage::BioCaptured, false),
                (Stage::SentForEnrollment, false)
            ]
        );
        assert_eq!(
            steps(Some(Stage::SentForEnrollment)),
            vec![(Stage::BioCaptured, true), (Stage::SentForEnrollment, true)]
        );
        assert_eq!(
            steps(Some(Stage::DuplicateRecord)).last(),
            Some(&(Stage::DuplicateRecord, true))
        );
    }
}
