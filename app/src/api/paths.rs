//! Every API path the app asks for, built here and nowhere else: the client's half of the edge's
//! route table (`edge/src/router.rs`). A new endpoint gets its path here, then its call.

use shared::domain::RegistrationCode;

/// `POST`: a resident's application (multipart).
pub const APPLICATIONS: &str = "/api/applications";

/// `GET`: the public status of an application.
pub fn status(code: RegistrationCode) -> String {
    format!("/api/status/{code}")
}

/// `GET`: the regions inside `parent` (a dotted code), or the provinces for "".
pub fn region_children(parent: &str) -> String {
    match parent {
        "" => "/api/regions".to_string(),
        code => format!("/api/regions/{}", segment(code)),
    }
}

/// `value` fit for one path segment or query value: everything but the unreserved characters
/// of RFC 3986 is percent-encoded, so an id or a search can never add a segment or a parameter.
fn segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The staff API: `/api/auth/*` and `/api/staff/*`.
#[cfg(feature = "staff")]
pub mod staff {
    use super::segment;
    use shared::api::AttachmentKind;

    pub const LOGIN: &str = "/api/auth/login";
    pub const LOGOUT: &str = "/api/auth/logout";
    pub const ME: &str = "/api/auth/me";
    /// `GET`: the queue; `POST`: a walk-in application (multipart, like a resident's).
    pub const APPLICATIONS: &str = "/api/staff/applications";
    /// `POST`: a page of the queue, filters (a searched name too) in the body.
    pub const SEARCH: &str = "/api/staff/applications/search";

    /// A write on one application: `POST .../{id}/{verb}`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Write {
        Verify,
        Return,
        Biometrics,
    }

    impl Write {
        const fn verb(self) -> &'static str {
            match self {
                Write::Verify => "verify",
                Write::Return => "return",
                Write::Biometrics => "biometrics",
            }
        }
    }

    /// `GET`: one application.
    pub fn application(id: &str) -> String {
        format!("{APPLICATIONS}/{}", segment(id))
    }

    /// `GET`: the application of a typed or scanned registration code (spaces and stray marks
    /// of a scan dropped).
    pub fn by_code(code: &str) -> String {
        let code: String = code
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        format!("{APPLICATIONS}/by-code/{code}")
    }

    /// `GET`: the bytes of one stored document.
    pub fn document(id: &str, kind: AttachmentKind) -> String {
        format!("{}/documents/{}", application(id), kind.as_str())
    }

    /// `GET`: the registration receipt.
    pub fn receipt(id: &str) -> String {
        format!("{}/receipt", application(id))
    }

    /// `POST`: a write on one application.
    pub fn write(id: &str, write: Write) -> String {
        format!("{}/{}", application(id), write.verb())
    }
}

/// The dinas console's API: `/api/dinas/*` (adjudication cases, Surat Keterangan).
#[cfg(feature = "staff")]
pub mod dinas {
    use super::segment;

    /// `GET`: the open cases, oldest first.
    pub const CASES: &str = "/api/dinas/cases";

    /// `GET`: one case (opening it claims it).
    pub fn case(case_id: &str) -> String {
        format!("{CASES}/{}", segment(case_id))
    }

    /// `POST`: give the claim up.
    pub fn release(case_id: &str) -> String {
        format!("{}/release", case(case_id))
    }

    /// `GET`: the audit chain walked (supervisors).
    pub const AUDIT_CHAIN: &str = "/api/dinas/audit/chain";

    /// `POST`: a page of the audit log; the filters (a person too) go in the body.
    pub const AUDIT_SEARCH: &str = "/api/dinas/audit/search";

    /// `POST`: a resident's subject-access report; the NIK goes in the body.
    pub const SUBJECT_ACCESS: &str = "/api/dinas/subject-access";

    /// `GET`: the minutiae of one finger pair, aligned.
    pub fn overlay(case_id: &str, application: &str, candidate: &str, finger: u8) -> String {
        format!(
            "{}/overlay?application={}&candidate={}&finger={finger}",
            case(case_id),
            segment(application),
            segment(candidate)
        )
    }

    /// `POST`: a proposal.
    pub fn proposals(case_id: &str) -> String {
        format!("{}/proposals", case(case_id))
    }

    /// A supervisor's review of a proposal.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Review {
        Approve,
        SendBack,
    }

    /// `POST`: approve or send back a proposal.
    pub fn review(case_id: &str, proposal_id: &str, review: Review) -> String {
        let verb = match review {
            Review::Approve => "approve",
            Review::SendBack => "send-back",
        };
        format!("{}/{}/{verb}", proposals(case_id), segment(proposal_id))
    }

    /// `POST`: a clarification with the resident of a DUPLICATE_RECORD application.
    pub fn clarifications(case_id: &str) -> String {
        format!("{}/clarifications", case(case_id))
    }

    /// `GET`: the flags raised for the supervisor, newest first.
    pub const FLAGS: &str = "/api/dinas/flags";

    /// `POST`: issue a Surat Keterangan; `GET`: the latest one (reprint).
    pub fn certificate(application_id: &str) -> String {
        format!(
            "/api/dinas/applications/{}/certificate",
            segment(application_id)
        )
    }

    /// `POST`: revoke a certificate by its printed number.
    pub fn revoke(number: &str) -> String {
        format!("/api/dinas/certificates/{}/revoke", segment(number))
    }
}

/// Staff administration (`/api/admin/staff/*`) and a person's own password change.
#[cfg(feature = "staff")]
pub mod admin {
    use super::segment;

    /// `GET`: every account; `POST`: a new one.
    pub const STAFF: &str = "/api/admin/staff";
    /// `POST`: the signed-in person's new password.
    pub const PASSWORD: &str = "/api/auth/password";
    /// `GET`: the dinas dashboard's figures.
    pub const DASHBOARD: &str = "/api/dinas/dashboard";

    /// A change to one account.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum AccountWrite {
        Disable,
        Enable,
        Unlock,
        ResetPassword,
    }

    /// `POST`: a change to one account.
    pub fn account(id: &str, write: AccountWrite) -> String {
        let verb = match write {
            AccountWrite::Disable => "disable",
            AccountWrite::Enable => "enable",
            AccountWrite::Unlock => "unlock",
            AccountWrite::ResetPassword => "reset-password",
        };
        format!("{STAFF}/{}/{verb}", segment(id))
    }
}

/// Distribution and handover: `/api/dinas/distribution`, `/api/dinas/shipments/*` (dinas),
/// `/api/staff/shipments/*` and `/api/staff/cards/*` (kecamatan).
#[cfg(feature = "staff")]
pub mod distribution {
    use super::segment;

    /// `GET`: the Distribusi section's overview.
    pub const OVERVIEW: &str = "/api/dinas/distribution";
    /// `POST`: pack a kecamatan's printed cards into a shipment.
    pub const SHIPMENTS: &str = "/api/dinas/shipments";
    /// `GET`: the kecamatan's waiting cards and expected shipments.
    pub const CARDS: &str = "/api/staff/cards";

    /// `GET`: one shipment's manifest (dinas).
    pub fn shipment(id: &str) -> String {
        format!("{SHIPMENTS}/{}", segment(id))
    }

    /// `GET`: the kecamatan's shipment of a typed or scanned manifest code.
    pub fn shipment_by_code(code: &str) -> String {
        format!("/api/staff/shipments/by-code/{}", segment(code.trim()))
    }

    /// `POST`: the kecamatan's check-in of a shipment.
    pub fn receive(id: &str) -> String {
        format!("/api/staff/shipments/{}/receipt", segment(id))
    }

    /// `GET`: the card a resident came to collect, by registration code.
    pub fn card_by_code(code: &str) -> String {
        format!("{CARDS}/by-code/{}", segment(code.trim()))
    }

    /// `POST`: hand the card over.
    pub fn handover(application_id: &str) -> String {
        format!("{CARDS}/{}/handover", segment(application_id))
    }
}

/// The dinas print room's API: `/api/dinas/print-queue` and `/api/dinas/print-runs/*`.
#[cfg(feature = "staff")]
pub mod printing {
    use super::segment;

    /// `GET`: PRINT_READY_RECORD applications by kecamatan.
    pub const QUEUE: &str = "/api/dinas/print-queue";
    /// `GET`: the runs; `POST`: a new run.
    pub const RUNS: &str = "/api/dinas/print-runs";

    /// `GET`: one run with its ledger.
    pub fn run(run_id: &str) -> String {
        format!("{RUNS}/{}", segment(run_id))
    }

    /// `GET`: the run's card previews; `POST`: card outcomes.
    pub fn cards(run_id: &str) -> String {
        format!("{}/cards", run(run_id))
    }

    /// `POST`: more blank cards taken.
    pub fn blanks(run_id: &str) -> String {
        format!("{}/blanks", run(run_id))
    }

    /// `POST`: close the run.
    pub fn close(run_id: &str) -> String {
        format!("{}/close", run(run_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_paths() {
        assert_eq!(region_children(""), "/api/regions");
        assert_eq!(region_children("33.15"), "/api/regions/33.15");
        assert_eq!(segment("a b/c?d&e=f%"), "a%20b%2Fc%3Fd%26e%3Df%25");
    }

    #[cfg(feature = "staff")]
    #[test]
    fn staff_paths() {
        use super::staff::*;
        use shared::api::AttachmentKind;
        assert_eq!(application("ab12"), "/api/staff/applications/ab12");
        assert_eq!(
            by_code(" k7q2-m9x4 \n"),
            "/api/staff/applications/by-code/k7q2-m9x4"
        );
        assert_eq!(
            document("ab12", AttachmentKind::CoverLetter),
            format!(
                "/api/staff/applications/ab12/documents/{}",
                AttachmentKind::CoverLetter.as_str()
            )
        );
        assert_eq!(receipt("ab12"), "/api/staff/applications/ab12/receipt");
        assert_eq!(
            write("ab12", Write::Verify),
            "/api/staff/applications/ab12/verify"
        );
        assert_eq!(
            write("ab12", Write::Return),
            "/api/staff/applications/ab12/return"
        );
        assert_eq!(
            write("ab12", Write::Biometrics),
            "/api/staff/applications/ab12/biometrics"
        );
    }

    #[cfg(feature = "staff")]
    #[test]
    fn dinas_paths() {
        use super::dinas::*;
        assert_eq!(case("c/1"), "/api/dinas/cases/c%2F1");
        assert_eq!(release("c1"), "/api/dinas/cases/c1/release");
        assert_eq!(
            overlay("c1", "a 1", "b", 7),
            "/api/dinas/cases/c1/overlay?application=a%201&candidate=b&finger=7"
        );
        assert_eq!(proposals("c1"), "/api/dinas/cases/c1/proposals");
        assert_eq!(clarifications("c1"), "/api/dinas/cases/c1/clarifications");
        assert_eq!(
            review("c1", "p1", Review::Approve),
            "/api/dinas/cases/c1/proposals/p1/approve"
        );
        assert_eq!(
            review("c1", "p1", Review::SendBack),
            "/api/dinas/cases/c1/proposals/p1/send-back"
        );
        assert_eq!(certificate("a1"), "/api/dinas/applications/a1/certificate");
        assert_eq!(
            super::printing::cards("r/1"),
            "/api/dinas/print-runs/r%2F1/cards"
        );
        assert_eq!(
            super::printing::close("r1"),
            "/api/dinas/print-runs/r1/close"
        );
        assert_eq!(
            revoke("SK-3315-1-000007"),
            "/api/dinas/certificates/SK-3315-1-000007/revoke"
        );
    }

    #[cfg(feature = "staff")]
    #[test]
    fn distribution_paths() {
        use super::distribution::*;
        assert_eq!(shipment("s1"), "/api/dinas/shipments/s1");
        assert_eq!(
            shipment_by_code(" KRM-K7Q4-9XMT-2HCE-8 "),
            "/api/staff/shipments/by-code/KRM-K7Q4-9XMT-2HCE-8"
        );
        assert_eq!(receive("s/1"), "/api/staff/shipments/s%2F1/receipt");
        assert_eq!(
            card_by_code("K7Q4 9XMT"),
            "/api/staff/cards/by-code/K7Q4%209XMT"
        );
        assert_eq!(handover("a1"), "/api/staff/cards/a1/handover");
    }
}
