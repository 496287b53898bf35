//! Dinas adjudication console contract (`/api/dinas/cases`): the case list, one case with the
//! probe and its candidates side by side, the minutiae overlay of one finger pair, and the
//! writes (propose, approve, send back, clarify, release). Dinas operators and supervisors only.
//!
//! A case holds the applications the matcher held (ADJUDICATE_RECORD or DUPLICATE_RECORD) that
//! are the same person: a later recording whose candidates include an application of an open
//! case joins that case. Every write needs the caller's live claim on the case (opening the case
//! claims it) and an `Idempotency-Key` header.

use crate::i18n::Lang;
use crate::lifecycle::{Adjudication, Stage};
use serde::{Deserialize, Serialize};

pub use crate::api::MissingFingerReason;

/// Minutes of inactivity after which a claim lapses and anyone may open the case.
pub const CLAIM_LAPSES_AFTER_MINUTES: u32 = 30;

/// Highest decade [`Chance`] spells out: fused evidence beyond it reads "less than 1 in 10^15".
pub const CHANCE_MAX_DECADES: u32 = 15;

/// How likely two different people are to match this closely: "1 in N". The fused score is in
/// decades of false-match rate (`biometrics::search::fuse`: each finger's evidence is
/// `log10(1 / FMR)`, fingers add), so N = 10^floor(score), capped at 10^[`CHANCE_MAX_DECADES`].
///
/// JSON: `{"one_in": 10000000, "capped": false}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chance {
    pub one_in: u64,
    /// The evidence was stronger than the largest N spelled out.
    pub capped: bool,
}

impl Chance {
    pub fn of_fused_score(decades: f32) -> Chance {
        let whole = if decades.is_finite() && decades > 0.0 {
            decades.floor() as u32
        } else {
            0
        };
        let capped = whole > CHANCE_MAX_DECADES;
        Chance {
            one_in: 10u64.pow(whole.min(CHANCE_MAX_DECADES)),
            capped,
        }
    }

    /// "1 dari 10.000.000" / "1 in 10,000,000" (with "kurang dari" / "less than" when capped).
    pub fn wording(self, lang: Lang) -> String {
        let separator = lang.pick(".", ",");
        let digits = self.one_in.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(separator);
            }
            grouped.push(c);
        }
        let prefix = if self.capped {
            lang.pick("kurang dari ", "less than ")
        } else {
            ""
        };
        format!("{prefix}1 {} {grouped}", lang.pick("dari", "in"))
    }
}

/// A score with its chance, as the console shows it. `chance_wording` is in the request's
/// language (`Accept-Language`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchStrength {
    /// Fused evidence in decades of false-match rate (0 = no evidence).
    pub fused_score: f32,
    pub chance: Chance,
    pub chance_wording: String,
}

impl MatchStrength {
    pub fn of(fused_score: f32, lang: Lang) -> MatchStrength {
        let chance = Chance::of_fused_score(fused_score);
        MatchStrength {
            fused_score,
            chance,
            chance_wording: chance.wording(lang),
        }
    }
}

/// Who holds a case and until when (the claim lapses [`CLAIM_LAPSES_AFTER_MINUTES`] after the
/// holder's last activity on it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimInfo {
    /// Staff display name.
    pub holder: String,
    /// Whether the caller is the holder.
    pub held_by_me: bool,
    pub claimed_at: String,
    /// ISO timestamp when the claim lapses unless the holder acts again.
    pub expires_at: String,
}

/// Where a proposal stands. JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Pending,
    Approved,
    SentBack,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 3] = [
        ProposalStatus::Pending,
        ProposalStatus::Approved,
        ProposalStatus::SentBack,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Pending => "pending",
            ProposalStatus::Approved => "approved",
            ProposalStatus::SentBack => "sent_back",
        }
    }

    pub fn parse(text: &str) -> Option<ProposalStatus> {
        ProposalStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// One proposal on one held application of a case, with its review once reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: String,
    /// The held application it decides.
    pub application_id: String,
    pub decision: Adjudication,
    /// For [`Adjudication::Duplicate`]: the application it is a duplicate of.
    pub candidate_application_id: Option<String>,
    pub reason: String,
    /// Staff display name.
    pub proposed_by: String,
    pub proposed_at: String,
    pub status: ProposalStatus,
    /// Staff display name of the approving or sending-back supervisor.
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub review_reason: Option<String>,
}

/// One row of `GET /api/dinas/cases` (oldest case first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseListItem {
    pub case_id: String,
    /// The case's first held application (the one that opened it).
    pub application_id: String,
    pub registration_code: String,
    /// ADJUDICATE_RECORD or DUPLICATE_RECORD.
    pub stage: Stage,
    /// Kecamatan of the application (dotted code) and its name.
    pub district_code: String,
    pub district_name: String,
    pub opened_at: String,
    /// Whole hours since the case was opened.
    pub age_hours: u32,
    /// The best candidate's fused score over the case's held applications.
    pub best: MatchStrength,
    /// Held applications in the case (more than one when later recordings joined it).
    pub held_applications: u32,
    /// `None` when nobody holds a live claim.
    pub claim: Option<ClaimInfo>,
    /// The proposal awaiting a supervisor, if any.
    pub pending_proposal: Option<ProposalView>,
}

/// `GET /api/dinas/cases` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseList {
    pub items: Vec<CaseListItem>,
}

/// The demographic fields compared side by side. `differing_fields` of a candidate names those
/// of these (by their JSON names) whose values differ from the probe's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demographics {
    pub full_name: String,
    pub nik: String,
    pub kk_number: String,
    pub birth_place: String,
    pub birth_date: String,
    pub sex: String,
    /// Street, RT/RW and village code, as one line.
    pub address: String,
}

impl Demographics {
    /// The JSON names of the fields in which `self` and `other` differ, in declaration order.
    pub fn differing_fields(&self, other: &Demographics) -> Vec<String> {
        let pairs = [
            ("full_name", &self.full_name, &other.full_name),
            ("nik", &self.nik, &other.nik),
            ("kk_number", &self.kk_number, &other.kk_number),
            ("birth_place", &self.birth_place, &other.birth_place),
            ("birth_date", &self.birth_date, &other.birth_date),
            ("sex", &self.sex, &other.sex),
            ("address", &self.address, &other.address),
        ];
        pairs
            .into_iter()
            .filter(|(_, a, b)| a != b)
            .map(|(name, _, _)| name.to_string())
            .collect()
    }
}

/// One finger of one recording: its image quality, or why it was not captured.
/// JSON: `{"position": 2, "quality": 72, "exception": null}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FingerQuality {
    pub position: u8,
    /// 0-100; `None` when not captured.
    pub quality: Option<u8>,
    pub exception: Option<MissingFingerReason>,
}

/// One recorded application as the console shows it (the probe or a candidate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordSide {
    pub application_id: String,
    pub registration_code: String,
    pub stage: Stage,
    pub demographics: Demographics,
    pub district_code: String,
    pub district_name: String,
    /// When and by whom (staff display name) the recording was made.
    pub recorded_at: String,
    pub recorded_by: String,
    /// `GET` path of the face taken at recording.
    pub face_path: String,
    /// `GET` path of the 3x4 photo the resident submitted.
    pub photo_path: String,
    /// Positions 1-10 in order.
    pub fingers: Vec<FingerQuality>,
}

/// One cell of a candidate's score grid: the exact matcher's score of one finger pair (`None`
/// when either side lacks the finger).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FingerScoreCell {
    pub position: u8,
    pub score: Option<f32>,
}

/// A candidate of a held application, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateView {
    pub record: RecordSide,
    /// Demographic fields that differ from the probe's (see [`Demographics::differing_fields`]).
    pub differing_fields: Vec<String>,
    pub strength: MatchStrength,
    /// Positions 1-10 in order.
    pub scores: Vec<FingerScoreCell>,
}

/// One held application of a case with its candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldApplication {
    pub probe: RecordSide,
    pub candidates: Vec<CandidateView>,
    /// Candidates whose recording no longer maps to an application (should not happen; shown so
    /// a gap is visible rather than silently dropped).
    pub unmapped_candidates: u32,
}

/// Why a recording or application was flagged. JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// The recording carries the recording operator's own fingerprints.
    OperatorFingerprints,
    /// The clarification found identity fraud: for the supervisor.
    IdentityFraud,
}

impl FlagKind {
    pub const ALL: [FlagKind; 2] = [FlagKind::OperatorFingerprints, FlagKind::IdentityFraud];

    pub const fn as_str(self) -> &'static str {
        match self {
            FlagKind::OperatorFingerprints => "operator_fingerprints",
            FlagKind::IdentityFraud => "identity_fraud",
        }
    }

    pub fn parse(text: &str) -> Option<FlagKind> {
        FlagKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagView {
    pub kind: FlagKind,
    pub application_id: String,
    /// Staff display name of who raised it (the approving supervisor or the clarifier).
    pub raised_by: String,
    pub raised_at: String,
    pub reason: String,
}

/// One flag in `GET /api/dinas/flags` (dinas supervisors only), newest first: the case and
/// application it is about, its kind, who raised it and when. Registration codes only, no names:
/// the reason and the records are read by opening the case, which is audited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedCase {
    pub case_id: String,
    pub application_id: String,
    pub registration_code: String,
    pub kind: FlagKind,
    /// Staff display name.
    pub raised_by: String,
    pub raised_at: String,
}

/// `GET /api/dinas/flags`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagList {
    pub items: Vec<FlaggedCase>,
}

/// What the resident showed at the clarification. JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeenDocument {
    RegistrationReceipt,
    FamilyCard,
    OldKtp,
    BirthCertificate,
    MarriageCertificate,
    Other,
}

impl SeenDocument {
    pub const ALL: [SeenDocument; 6] = [
        SeenDocument::RegistrationReceipt,
        SeenDocument::FamilyCard,
        SeenDocument::OldKtp,
        SeenDocument::BirthCertificate,
        SeenDocument::MarriageCertificate,
        SeenDocument::Other,
    ];
}

/// What the clarification found. JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClarificationOutcome {
    /// The resident already has a record and applied again: the new application is CANCELLED
    /// and linked to the existing record.
    SamePersonApplyingAgain,
    /// Someone applied under another identity: CANCELLED and flagged for the supervisor.
    IdentityFraud,
    /// The match was wrong: a *not a duplicate* proposal is made, for another supervisor.
    MatcherError,
}

impl ClarificationOutcome {
    pub const ALL: [ClarificationOutcome; 3] = [
        ClarificationOutcome::SamePersonApplyingAgain,
        ClarificationOutcome::IdentityFraud,
        ClarificationOutcome::MatcherError,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ClarificationOutcome::SamePersonApplyingAgain => "same_person_applying_again",
            ClarificationOutcome::IdentityFraud => "identity_fraud",
            ClarificationOutcome::MatcherError => "matcher_error",
        }
    }

    pub fn parse(text: &str) -> Option<ClarificationOutcome> {
        ClarificationOutcome::ALL
            .into_iter()
            .find(|o| o.as_str() == text)
    }

    /// The life-cycle resolution this outcome is, if it ends the application.
    pub const fn resolution(self) -> Option<crate::lifecycle::DuplicateResolution> {
        use crate::lifecycle::DuplicateResolution as R;
        match self {
            ClarificationOutcome::SamePersonApplyingAgain => Some(R::SamePersonAgain),
            ClarificationOutcome::IdentityFraud => Some(R::IdentityFraud),
            ClarificationOutcome::MatcherError => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClarificationView {
    pub application_id: String,
    /// Staff display name.
    pub recorded_by: String,
    pub recorded_at: String,
    pub statement: String,
    pub documents_seen: Vec<SeenDocument>,
    pub outcome: ClarificationOutcome,
    /// The existing record the application was found to duplicate.
    pub existing_application_id: Option<String>,
}

/// `GET /api/dinas/cases/{case_id}` (opens the case: claims it for the caller, or 409
/// `case_held` while someone else's claim is live). Audited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub case_id: String,
    pub opened_at: String,
    /// `None` once every held application is decided.
    pub closed_at: Option<String>,
    pub claim: Option<ClaimInfo>,
    /// Held applications first (oldest first), then decided ones.
    pub held: Vec<HeldApplication>,
    pub proposals: Vec<ProposalView>,
    pub clarifications: Vec<ClarificationView>,
    pub flags: Vec<FlagView>,
}

/// A minutia in the probe's frame. `direction` in radians, counter-clockwise from the x axis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OverlayMinutia {
    pub x: f32,
    pub y: f32,
    pub direction: f32,
    /// A bifurcation (else a ridge ending).
    pub bifurcation: bool,
}

/// Indices into the probe's and the candidate's minutiae lists of one paired minutia, and what
/// the pair adds (0 to 1) to the similarity behind the score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MinutiaPair {
    pub probe: u16,
    pub candidate: u16,
    pub contribution: f32,
}

/// `GET /api/dinas/cases/{case_id}/overlay?application=<held id>&candidate=<id>&finger=<1-10>`:
/// why one finger pair scored what it did. Audited (identity and templates meet here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverlayView {
    pub application_id: String,
    pub candidate_application_id: String,
    pub finger: u8,
    pub score: f32,
    /// Image size of the probe's template in pixels (the overlay's frame).
    pub width: u16,
    pub height: u16,
    pub probe_minutiae: Vec<OverlayMinutia>,
    /// The candidate's minutiae moved into the probe's frame by the alignment found.
    pub candidate_minutiae: Vec<OverlayMinutia>,
    pub pairs: Vec<MinutiaPair>,
}

/// `POST /api/dinas/cases/{case_id}/proposals` body (dinas operator or supervisor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalRequest {
    /// The held application decided; `None`: the case's first held application.
    #[serde(default)]
    pub application_id: Option<String>,
    pub decision: Adjudication,
    /// Required (not blank): the proposer's grounds.
    pub reason: String,
    /// Required for [`Adjudication::Duplicate`]: one of the held application's candidates.
    #[serde(default)]
    pub candidate_application_id: Option<String>,
}

/// `POST /api/dinas/cases/{case_id}/proposals/{proposal_id}/approve` and `.../send-back` body:
/// the reviewing supervisor's reason (required, not blank).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRequest {
    pub reason: String,
}

/// `POST /api/dinas/cases/{case_id}/clarifications` body, for a DUPLICATE_RECORD application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClarificationRequest {
    /// The held application clarified; `None`: the case's first held application.
    #[serde(default)]
    pub application_id: Option<String>,
    /// What the resident said (required, not blank).
    pub statement: String,
    pub documents_seen: Vec<SeenDocument>,
    pub outcome: ClarificationOutcome,
    /// The existing record (one of the candidates); `None`: the approved *duplicate of*
    /// proposal's candidate, else the best candidate.
    #[serde(default)]
    pub existing_application_id: Option<String>,
}

/// Whether the person's templates have joined the gallery after a *not a duplicate* approval.
/// JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Enrolment {
    /// Enrolled by this request, right after the approval committed.
    Enrolled,
    /// Owed and retried (the queue, then the case list) until done; the approval stands. A
    /// replayed answer says this, as it was stored with the approval, before the enrolment.
    Pending,
}

/// The answer to every case write: where the decided application and the case stand now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseActionResponse {
    pub case_id: String,
    pub application_id: String,
    pub stage: Stage,
    pub proposal: Option<ProposalView>,
    pub case_closed: bool,
    pub enrolment: Option<Enrolment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chance_reads_the_decades_as_one_in_n() {
        let c = Chance::of_fused_score(7.6);
        assert_eq!(
            c,
            Chance {
                one_in: 10_000_000,
                capped: false
            }
        );
        assert_eq!(c.wording(Lang::En), "1 in 10,000,000");
        assert_eq!(c.wording(Lang::Id), "1 dari 10.000.000");
        assert_eq!(Chance::of_fused_score(0.0).wording(Lang::En), "1 in 1");
        assert_eq!(Chance::of_fused_score(f32::NAN).one_in, 1);
        let big = Chance::of_fused_score(42.0);
        assert!(big.capped);
        assert_eq!(
            big.wording(Lang::En),
            "less than 1 in 1,000,000,000,000,000"
        );
    }

    #[test]
    fn differing_fields_name_only_what_differs() {
        let a = Demographics {
            full_name: "SITI AMINAH".into(),
            nik: "3315135211870003".into(),
            kk_number: "3315131503100002".into(),
            birth_place: "GROBOGAN".into(),
            birth_date: "1987-11-12".into(),
            sex: "PEREMPUAN".into(),
            address: "JL. MELATI 5".into(),
        };
        let mut b = a.clone();
        assert!(a.differing_fields(&b).is_empty());
        b.nik = "3315015211870004".into();
        b.address = "JL. MAWAR 1".into();
        assert_eq!(a.differing_fields(&b), ["nik", "address"]);
    }

    #[test]
    fn stored_names_round_trip() {
        for s in ProposalStatus::ALL {
            assert_eq!(ProposalStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for k in FlagKind::ALL {
            assert_eq!(FlagKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        for o in ClarificationOutcome::ALL {
            assert_eq!(ClarificationOutcome::parse(o.as_str()), Some(o));
            assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
        }
    }
}
