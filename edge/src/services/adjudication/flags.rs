//! `GET /api/dinas/flags`: the flags raised for the supervisor (a recording with the operator's
//! own prints, identity fraud found at a clarification), newest first, so one stays in sight
//! after its case has closed and left the queue. Supervisors only; codes, no names, so the list
//! is not audited as a read of personal data (opening the case is).

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::flags;
use shared::api::{ErrorCode, FlagList, FlaggedCase};
use shared::auth::StaffRole;

const LIST_LIMIT: u32 = 200;

pub async fn list(ctx: &RequestContext, who: &Principal) -> ApiResult<FlagList> {
    if who.role != StaffRole::DinasSupervisor {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    let db = ctx.env.d1(bindings::DB)?;
    let items = flags::recent(&db, LIST_LIMIT)
        .await?
        .into_iter()
        .map(|f| FlaggedCase {
            case_id: f.case_id,
            application_id: f.application_id,
            registration_code: f.registration_code.to_string(),
            kind: f.kind,
            raised_by: f.raised_by_name,
            raised_at: f.raised_at,
        })
        .collect();
    Ok(FlagList { items })
}
