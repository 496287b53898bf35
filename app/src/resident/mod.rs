//! The resident's surface: the landing page, the multi-step pre-fill form (saved on the device as
//! typed, works offline) and the page shown after a successful submission. The form itself
//! ([`IntakeForm`]) also serves the kecamatan's walk-in entry, with its own draft and endpoint.

mod document_input;
mod draft;
mod form_access;
mod form_choice;
mod form_select;
mod form_text;
mod intake_form;
mod landing;
mod prefill_page;
mod region_lists;
mod region_pickers;
mod step_address;
mod step_documents;
mod step_identity;
mod step_review;
mod step_type_region;
mod submission;
mod submitted_page;

pub use draft::DEFAULT_REGENCY;
pub use draft::{Draft, Intake};
pub use intake_form::IntakeForm;
pub use landing::Landing;
pub use prefill_page::PrefillPage;
pub use submitted_page::SubmittedPage;
