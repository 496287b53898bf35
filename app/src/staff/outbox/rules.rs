//! What an answer means for a queued write: accepted, worth another try later (an outage, a
//! lost session), refused for good (a 4xx), or, for a 409, a step that may already have been
//! taken by an earlier try whose answer was lost, which the application's stage then tells.

use super::item::{Action, FailedReason, RetryProblem};
use crate::api::ApiError;
use shared::api::ErrorCode;
use shared::lifecycle::Stage;

/// What to do with an item after an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Sent(Stage),
    /// Try again later; `stop` halts this pass (no point sending the rest into a dead line).
    Retry {
        problem: RetryProblem,
        stop: bool,
    },
    Failed(FailedReason),
}

/// The reading of one answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Settled(Outcome),
    /// A refused step that may already have happened (an answer lost on the way): ask the
    /// server for the stage and decide with [`after_stage_check`].
    CheckStage,
}

/// Reads the answer to a write (the stage afterwards, or why not).
pub fn classify(result: Result<Stage, ApiError>) -> Verdict {
    let retry = |problem: RetryProblem| {
        Verdict::Settled(Outcome::Retry {
            problem,
            stop: true,
        })
    };
    match result {
        Ok(stage) => Verdict::Settled(Outcome::Sent(stage)),
        Err(ApiError::Network) => retry(RetryProblem::Network),
        Err(ApiError::Unexpected { status }) => retry(RetryProblem::Server { status, code: None }),
        // The session ran out: the shell asks for a sign-in, after which the item goes out.
        Err(ApiError::Server { status: 401, .. }) => retry(RetryProblem::SignedOut),
        Err(ApiError::Server { status: 409, .. }) => Verdict::CheckStage,
        Err(ApiError::Server { status, body }) if status == 429 || status >= 500 => {
            retry(RetryProblem::Server {
                status,
                code: Some(body.code),
            })
        }
        Err(ApiError::Server { status, body }) => Verdict::Settled(Outcome::Failed(FailedReason {
            code: Some(body.code),
            status,
            fields: body.fields,
        })),
    }
}

/// After a 409: sent if the application's `stage` shows that `action` took effect, refused if
/// not; a failed look-up is read like any failed request.
pub fn after_stage_check(action: &Action, stage: Result<Stage, ApiError>) -> Outcome {
    let refused = || {
        Outcome::Failed(FailedReason {
            code: Some(ErrorCode::TransitionRefused),
            status: 409,
            fields: Vec::new(),
        })
    };
    match stage {
        Ok(stage) if already_done(action, stage) => Outcome::Sent(stage),
        Ok(_) => refused(),
        Err(e) => match classify(Err(e)) {
            Verdict::Settled(outcome) => outcome,
            // A read is never refused as a transition; should one be, it stays refused.
            Verdict::CheckStage => refused(),
        },
    }
}

/// Whether `stage` shows that `action` already took effect (its earlier try got through).
fn already_done(action: &Action, stage: Stage) -> bool {
    match action {
        Action::Verify => !matches!(stage, Stage::PreFilled | Stage::Returned | Stage::Draft),
        Action::Return { .. } => stage == Stage::Returned,
        // Recordings are deduplicated by key on the server, so a 409 there is a real refusal.
        Action::Record { .. } => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::ErrorBody;

    fn server(status: u16, code: ErrorCode) -> ApiError {
        ApiError::Server {
            status,
            body: ErrorBody {
                code,
                message: String::new(),
                fields: vec![],
                request_id: "r".into(),
            },
        }
    }

    #[test]
    fn validation_refusals_fail_for_good_and_outages_are_retried() {
        assert!(matches!(
            classify(Err(server(422, ErrorCode::ValidationFailed))),
            Verdict::Settled(Outcome::Failed(_))
        ));
        assert!(matches!(
            classify(Err(ApiError::Network)),
            Verdict::Settled(Outcome::Retry { stop: true, .. })
        ));
        assert!(matches!(
            classify(Err(server(503, ErrorCode::Unavailable))),
            Verdict::Settled(Outcome::Retry { .. })
        ));
        assert!(matches!(
            classify(Err(server(429, ErrorCode::RateLimited))),
            Verdict::Settled(Outcome::Retry { .. })
        ));
        assert!(matches!(
            classify(Err(server(401, ErrorCode::Unauthenticated))),
            Verdict::Settled(Outcome::Retry { .. })
        ));
        assert_eq!(
            classify(Err(server(409, ErrorCode::TransitionRefused))),
            Verdict::CheckStage
        );
        assert_eq!(
            classify(Ok(Stage::SentForEnrollment)),
            Verdict::Settled(Outcome::Sent(Stage::SentForEnrollment))
        );
    }

    #[test]
    fn a_verification_whose_answer_was_lost_counts_as_sent() {
        assert!(already_done(&Action::Verify, Stage::DocumentsVerified));
        assert!(already_done(&Action::Verify, Stage::SentForEnrollment));
        assert!(!already_done(&Action::Verify, Stage::PreFilled));
        assert!(already_done(
            &Action::Return { reasons: vec![] },
            Stage::Returned
        ));
    }

    #[test]
    fn a_refusal_is_final_unless_the_stage_shows_it_happened() {
        assert_eq!(
            after_stage_check(&Action::Verify, Ok(Stage::DocumentsVerified)),
            Outcome::Sent(Stage::DocumentsVerified)
        );
        assert!(matches!(
            after_stage_check(&Action::Verify, Ok(Stage::PreFilled)),
            Outcome::Failed(FailedReason {
                code: Some(ErrorCode::TransitionRefused),
                status: 409,
                ..
            })
        ));
        assert!(matches!(
            after_stage_check(&Action::Verify, Err(ApiError::Network)),
            Outcome::Retry { stop: true, .. }
        ));
    }
}
