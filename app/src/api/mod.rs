//! The one typed HTTP client of the app, over the contract types in `shared::api`.
//!
//! Every call returns `Result<_, ApiError>`: a failure is a value the view renders in the
//! user's language, never swallowed into an `Option` or a log line. Every path is built in
//! `paths`; every `fetch` goes through `request::Call`, carrying the calling view's
//! [`ViewRequests`] so that leaving the view aborts what it still waits for. Writes carry an
//! [`IdempotencyKey`]. The submission uses `XMLHttpRequest` because only it reports upload
//! progress, which matters on a slow line.
//!
//! Public calls are free functions (`public`, `submission`); the staff API is [`StaffApi`]
//! (feature `staff`, so residents' bundles never carry it), one method per endpoint. A new
//! console adds its endpoints the same way: a path in `paths`, a method on the client.

#[cfg(feature = "staff")]
mod admin;
#[cfg(feature = "staff")]
mod audit;
mod error;
mod idempotency;
mod paths;
#[cfg(feature = "staff")]
mod printing;
mod public;
mod request;
#[cfg(feature = "staff")]
mod staff;
mod submission;
mod view_requests;

pub use error::ApiError;
pub use idempotency::IdempotencyKey;
#[cfg(feature = "staff")]
pub use paths::admin::AccountWrite;
#[cfg(feature = "staff")]
pub use paths::dinas::Review;
pub use public::{get_region_children, get_status};
pub use request::set_on_unauthenticated;
#[cfg(feature = "staff")]
pub use staff::StaffApi;
pub use submission::{submit_application, SubmitTo, Upload};
pub use view_requests::ViewRequests;
