//! HTTP API contract types: plain serde DTOs shared by the app (client) and the edge (server).
//!
//! Only types here (and the few domain enums that appear in them) derive `Serialize`; a change to
//! a derive here is a change to the wire format.

mod adjudication;
mod admin;
mod attachment;
mod audit;
mod certificate;
mod dashboard;
mod distribution;
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
    FingerQuality, FingerScoreCell, FlagKind, FlagList, FlagView, FlaggedCase, HeldApplication,
    MatchStrength, MinutiaPair, OverlayMinutia, OverlayView, ProposalRequest, ProposalStatus,
    ProposalView, RecordSide, ReviewRequest, SeenDocument, CHANCE_MAX_DECADES,
    CLAIM_LAPSES_AFTER_MINUTES,
};
pub use admin::{
    ChangePasswordRequest, NewStaffAccount, ResetPasswordRequest, StaffAccount, StaffAccountList,
};
pub use attachment::{required_attachments, AttachmentKind};
pub use audit::{
    AuditPage, AuditQuery, AuditRowView, BrokenLink, ChainReport, SubjectAccessReport,
    SubjectAccessRequest, SubjectApplication, SubjectCertificate, SubjectDocument,
    SubjectRecording, SubjectStage, AUDIT_PAGE_ROWS,
};
pub use certificate::{
    CertificateAddress, CertificateDocument, CertificateEnd, CertificateHolder,
    CertificateStanding, IssuingOffice, RevokeCertificateRequest, RevokeCertificateResponse,
    StatusCertificate, MAX_REVOKE_REASON_CHARS,
};
pub use dashboard::{
    CaseAges, CollectionCount, Dashboard, DayCount, StageBacklog, StageCount, StuckItem,
    StuckReason, DASHBOARD_DAYS, STUCK_ENROLLMENT_MINUTES,
};
pub use distribution::{
    CardState, CardStep, DistributionOverview, ExtraCard, HandoverCheck, HandoverReceipt,
    HandoverRequest, KecamatanCards, ManifestCard, OldKtp, PackRequest, PrintedWaiting,
    ReceiveRequest, ShipmentSummary, ShipmentView, StatusCard, WaitingCard,
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
    BiometricSubmission, FingerCapture, FingerResult, LowQualityReason, MissingFingerReason,
    RecordingResponse, FINGER_POSITIONS,
};
pub use region::RegionEntry;
pub use staff::{
    ActionResponse, ApplicationDetail, ApplicationList, ApplicationListItem, DocumentInfo,
    LoginRequest, QueueCursor, QueueQuery, ReceiptView, RerecordReason, ReturnRequest, SessionInfo,
};
pub use status::{StatusView, TimelineEntry};
pub use submit::SubmitResponse;

// The status page's enums live with the life cycle; re-exported so clients find the whole contract here.
pub use crate::lifecycle::{Adjudication, NextAction, ReturnReason, StaffAction, Stage};
pub use crate::validation::{FieldCode, WarningCode};
