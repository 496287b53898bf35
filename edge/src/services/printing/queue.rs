//! `GET /api/dinas/print-queue`: PRINT_READY_RECORD applications by kecamatan, oldest first,
//! each with whether its card fits. Codes and ages only (no names): not audited as a read of
//! personal data; the previews of a run are.

use super::card_text::card_face;
use super::rules;
use crate::bindings;
use crate::http::{ApiResult, RequestContext};
use crate::services::adjudication::view::district_name;
use crate::services::auth::Principal;
use crate::storage::print_runs;
use shared::api::{PrintQueue, PrintQueueDistrict, PrintQueueItem};

/// More than a day's printing of the largest regency; older ones come first anyway.
const QUEUE_LIMIT: u32 = 2000;

pub async fn list(ctx: &RequestContext, who: &Principal) -> ApiResult<PrintQueue> {
    rules::reader(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let now_ms = js_sys::Date::parse(&ctx.now);
    let mut districts: Vec<PrintQueueDistrict> = Vec::new();
    for row in print_runs::print_ready(&db, QUEUE_LIMIT).await? {
        let age_ms = (now_ms - js_sys::Date::parse(&row.updated_at)).max(0.0);
        let item = PrintQueueItem {
            fit_problems: card_face(&row.form, ctx.today).err().unwrap_or_default(),
            application_id: row.id,
            registration_code: row.registration_code.to_string(),
            ready_since: row.updated_at,
            age_days: (age_ms / 86_400_000.0) as u32,
        };
        match districts
            .iter_mut()
            .find(|d| d.district_code == row.district_code)
        {
            Some(d) => d.items.push(item),
            None => districts.push(PrintQueueDistrict {
                district_name: district_name(&row.district_code),
                district_code: row.district_code,
                items: vec![item],
            }),
        }
    }
    districts.sort_by(|a, b| a.district_name.cmp(&b.district_name));
    Ok(PrintQueue { districts })
}
