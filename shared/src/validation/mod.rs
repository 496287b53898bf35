//! Form validation shared by app and edge: every problem as a `(field path, code)` pair, with
//! messages in Indonesian and English.

mod application;
mod as_you_type;
mod attachments;
mod codes;
mod field;
mod recording;

pub use crate::domain::ValidApplication;
pub use application::{
    validate_application, ELIGIBLE_AGE_YEARS, MAX_AGE_YEARS, PLACE_MAX_CHARS, STREET_MAX_CHARS,
};
pub use as_you_type::validate_field;
pub use attachments::{
    attachment_path, max_bytes, sniff, validate_attachments, AttachmentMeta, DOCUMENT_MAX_BYTES,
    PHOTO_MAX_BYTES,
};
pub use codes::{FieldCode, FieldErrors, FieldProblem, Warning, WarningCode};
pub use field::Field;
pub use recording::{
    is_idempotency_key, recording_gaps, signature_png, validate_recording, RecordingGap,
    ValidFinger, ValidRecording, FACE_MAX_BYTES, SIGNATURE_MAX_BYTES,
};
