//! The supervisors' audit viewer: rows filtered by person (NIK or registration code, resolved to
//! their applications), staff member, action, kecamatan and WIB dates, newest first, paged by id.
//! Looking a person up is itself audited under their applications.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::{audit, subject_access};
use shared::api::{AuditPage, AuditQuery, ErrorCode, FieldError, AUDIT_PAGE_ROWS};
use shared::auth::StaffRole;
use shared::domain::{Date, RegistrationCode};
use shared::validation::FieldCode;

pub const SEARCHED: &str = "audit.search";

/// Only a supervisor reads the audit log and answers access requests.
pub fn supervisor(who: Principal) -> ApiResult<Principal> {
    match who.role {
        StaffRole::DinasSupervisor => Ok(who),
        _ => Err(ApiError::Code(ErrorCode::Forbidden)),
    }
}

/// A person as typed: 16 digits are a NIK, anything else must be a registration code.
pub enum Person {
    Nik(String),
    Code(RegistrationCode),
}

impl Person {
    pub fn parse(text: &str) -> Option<Person> {
        let text = text.trim();
        if text.len() == 16 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Some(Person::Nik(text.to_string()));
        }
        RegistrationCode::parse(text).ok().map(Person::Code)
    }
}

fn invalid(field: &str, code: FieldCode) -> ApiError {
    ApiError::Validation(vec![FieldError {
        field: field.into(),
        code,
    }])
}

/// The ISO UTC instant a WIB day starts, `days_after` days after `date`.
fn wib_day_start(field: &str, date: &str, days_after: f64) -> ApiResult<String> {
    let date = Date::parse_iso(date.trim()).map_err(|_| invalid(field, FieldCode::DateFormat))?;
    let ms = js_sys::Date::parse(&format!("{date}T00:00:00.000+07:00")) + days_after * 86_400_000.0;
    Ok(String::from(js_sys::Date::new(&ms.into()).to_iso_string()))
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub async fn search(ctx: &RequestContext, who: &Principal, q: &AuditQuery) -> ApiResult<AuditPage> {
    let db = ctx.env.d1(bindings::DB)?;
    let person = match non_empty(&q.person) {
        None => None,
        Some(text) => {
            let person =
                Person::parse(text).ok_or_else(|| invalid("person", FieldCode::NikFormat))?;
            let held = match &person {
                Person::Nik(nik) => subject_access::applications(&db, Some(nik), None).await?,
                Person::Code(code) => subject_access::applications(&db, None, Some(code)).await?,
            };
            Some(held.into_iter().map(|a| a.id).collect::<Vec<_>>())
        }
    };
    let from = non_empty(&q.from)
        .map(|d| wib_day_start("from", d, 0.0))
        .transpose()?;
    let to = non_empty(&q.to)
        .map(|d| wib_day_start("to", d, 1.0))
        .transpose()?;
    let ids_json = person
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let limit = AUDIT_PAGE_ROWS as u32 + 1;
    let mut rows = audit::search(
        &db,
        &audit::Filter {
            application_ids_json: ids_json.as_deref(),
            staff_username: non_empty(&q.staff),
            action: non_empty(&q.action),
            district_code: non_empty(&q.district_code),
            from: from.as_deref(),
            to: to.as_deref(),
            before_id: q.before_id,
        },
        limit,
    )
    .await?;
    let more = rows.len() > AUDIT_PAGE_ROWS;
    rows.truncate(AUDIT_PAGE_ROWS);
    let next_before_id = more.then(|| rows.last().map(|r| r.id)).flatten();
    // The log names applications, so reading it is audited; who looked at a person's trail is
    // itself on that person's trail (a row under each of their applications).
    let filters = serde_json::json!({
        "staff": non_empty(&q.staff),
        "action": non_empty(&q.action),
        "district_code": non_empty(&q.district_code),
        "from": non_empty(&q.from),
        "to": non_empty(&q.to),
        "person": person.is_some(),
    })
    .to_string();
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: SEARCHED,
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(&filters),
    };
    let ids: Vec<&str> = person.iter().flatten().map(String::as_str).collect();
    let audited = match ids.is_empty() {
        true => vec![entry.row()],
        false => entry.for_each(&ids),
    };
    audit::record(&db, audited).await?;
    Ok(AuditPage {
        rows,
        next_before_id,
    })
}
