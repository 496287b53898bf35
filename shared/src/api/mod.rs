//! HTTP API contract types: plain serde DTOs shared by the app (client) and the edge (server).
//!
//! Only types here (and the few domain enums that appear in them) derive `Serialize`; a change to
//! a derive here is a change to the wire format.

mod adjudication;
mod attachment;
mod certificate;
mod enrollment;
mod error;
mod form;
mod printing;
mod recording;
mod region;
mod staff;
mod status;
mod submit;

pub use adjudication::{
    CandidateView, CaseActionResponse, CaseList, CaseListItem, CaseView, Chance, ClaimInfo,
    ClarificationOutcome, ClarificationRequest, ClarificationView, Demographics, Enrolment,
    FingerQuality, FingerScoreCell, FlagKind, FlagView, HeldApplication, MatchStrength,
    MinutiaPair, OverlayMinutia, OverlayView, ProposalRequest, ProposalStatus, ProposalView,
    RecordSide, ReviewRequest, SeenDocument, CHANCE_MAX_DECADES, CLAIM_LAPSES_AFTER_MINUTES,
};
pub use attachment::{required_attachments, AttachmentKind};
pub use certificate::{
    CertificateAddress, CertificateDocument, CertificateEnd, CertificateHolder,
    CertificateStanding, IssuingOffice, RevokeCertificateRequest, RevokeCertificateResponse,
    StatusCertificate, MAX_REVOKE_REASON_CHARS,
};
pub use enrollment::{EnrollmentJob, FingerTemplate, JobPurpose};
pub use error::{ErrorBody, ErrorCode, FieldError, FieldWarning};
pub use form::{AddressForm, ApplicationForm};
pub use printing::{
    CardFace, CardField, CardOutcome, CardPreview, CardPreviews, CardRecord, CreatePrintRunRequest,
    FitProblem, Ledger, PrintQueue, PrintQueueDistrict, PrintQueueItem, PrintRunItem, PrintRunList,
    PrintRunSummary, PrintRunView, PrintRunWritten, RecordCardsRequest, SpoiledCard,
    TakeBlanksRequest, MAX_SPOIL_REASON_CHARS,
};
pub use recording::{
    BiometricSubmission, FingerCapture, FingerResult, MissingFingerReason, RecordingResponse,
    FINGER_POSITIONS,
};
pub use region::RegionEntry;
pub use staff::{
    ActionResponse, ApplicationDetail, ApplicationList, ApplicationListItem, DocumentInfo,
    LoginRequest, ReceiptView, RerecordReason, ReturnRequest, SessionInfo,
};
pub use status::{StatusView, TimelineEntry};
pub use submit::SubmitResponse;

// The status page's enums live with the life cycle; re-exported so clients find the whole contract here.
pub use crate::lifecycle::{Adjudication, NextAction, ReturnReason, StaffAction, Stage};
pub use crate::validation::{FieldCode, WarningCode};
