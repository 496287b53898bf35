//! The dinas dashboard (`GET /api/dinas/dashboard`): where applications pile up. Every number is
//! an aggregate computed by the database; no personal data but registration codes of stuck items.

use crate::lifecycle::Stage;
use serde::{Deserialize, Serialize};

/// Days of the "applications per day" chart.
pub const DASHBOARD_DAYS: u32 = 28;
/// An application still waiting for its 1:N outcome this long after it was sent is stuck (the
/// matcher normally answers within seconds; its queue gives up after ~10 minutes of retries).
pub const STUCK_ENROLLMENT_MINUTES: u32 = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// ISO timestamp the numbers were computed at.
    pub generated_at: String,
    /// Applications per stage per kecamatan (only non-zero cells).
    pub by_kecamatan: Vec<StageCount>,
    /// Per open stage: how many, and how long they have waited in it.
    pub backlog: Vec<StageBacklog>,
    /// Submissions per WIB day, the last [`DASHBOARD_DAYS`] days, oldest first, zero days included.
    pub per_day: Vec<DayCount>,
    pub cases: CaseAges,
    /// Cards shipped to a kecamatan and not yet handed over, per kecamatan.
    pub awaiting_collection: Vec<CollectionCount>,
    /// Items that will not move on their own: dead letters and overdue enrolments.
    pub stuck: Vec<StuckItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageCount {
    pub district_code: String,
    pub district_name: String,
    pub stage: Stage,
    pub count: u64,
}

/// Ages in hours since the application entered its stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageBacklog {
    pub stage: Stage,
    pub count: u64,
    pub oldest_hours: f64,
    pub median_hours: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    /// ISO date (WIB).
    pub day: String,
    pub count: u64,
}

/// Open adjudication cases and their ages in hours since opening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseAges {
    pub open: u64,
    pub oldest_hours: f64,
    pub median_hours: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollectionCount {
    pub district_code: String,
    pub district_name: String,
    pub count: u64,
    pub oldest_hours: f64,
}

/// Why an item is stuck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StuckReason {
    /// The enrolment job failed every retry and landed in the dead-letter queue.
    DeadLetter,
    /// Sent for enrolment over [`STUCK_ENROLLMENT_MINUTES`] ago without an outcome.
    NoOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StuckItem {
    pub reason: StuckReason,
    pub registration_code: String,
    pub district_name: String,
    pub stage: Stage,
    /// ISO timestamp: when the job was dead-lettered, or when the application was sent.
    pub since: String,
}
