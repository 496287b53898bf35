//! The card chip's data file for one card: the biodata, the face photo and signature, and the
//! two index-finger templates (or their same-hand substitutes, `shared::printing::chip_fingers`)
//! as ISO/IEC 19794-2 records, fetched from the gallery by reference id. The only place where
//! identity and templates meet, so every file is audited with the fingers it carries. Signed by
//! the regency's key through the Surat Keterangan's machinery (`shared::signed`, one envelope,
//! document kind 3); the format is `docs/chip-data.md`.

use super::card_text::{card_face, region_name};
use super::preview::read_file;
use super::rules;
use super::runs::entry;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::matching::{coordinator, templates};
use crate::services::auth::Principal;
use crate::services::certificates::signing_key;
use crate::storage::{applications, audit, card_prints, print_runs, recordings};
use biometrics::template::to_iso;
use shared::api::{ErrorCode, FieldCode, FieldError};
use shared::domain::{latin_uppercase, Date};
use shared::printing::{chip_fingers, parse_card_serial};
use shared::signed::{sign_chip_data, ChipData, ChipFinger};

/// The signed chip data of `application_id`'s card with blank serial `serial`.
pub async fn chip_data(
    ctx: &RequestContext,
    who: &Principal,
    run_id: &str,
    application_id: &str,
    serial: &str,
) -> ApiResult<Vec<u8>> {
    rules::operator(who)?;
    let serial = parse_card_serial(serial).ok_or_else(|| {
        ApiError::Validation(vec![FieldError {
            field: "serial".into(),
            code: FieldCode::CardSerialFormat,
        }])
    })?;
    let db = ctx.env.d1(bindings::DB)?;
    rules::open_run(&db, run_id).await?;
    let item = print_runs::items(&db, run_id)
        .await?
        .into_iter()
        .find(|i| i.application_id == application_id)
        .ok_or(ApiError::NOT_FOUND)?;
    // The serial is the blank about to be encoded, or the card already printed for it.
    let own = item.card_serial.as_deref() == Some(serial.as_str());
    if !own && !card_prints::taken(&db, &[&serial]).await?.is_empty() {
        return Err(ApiError::Code(ErrorCode::CardSerialTaken));
    }
    let app = applications::get(&db, application_id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let face = card_face(&app.form, ctx.today).map_err(|_| {
        ApiError::Validation(vec![FieldError {
            field: "application".into(),
            code: FieldCode::DoesNotFitCard,
        }])
    })?;
    let parts = recordings::card_parts(&db, application_id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let stored = coordinator::templates_of(&ctx.env, &[parts.reference_id.as_str()]).await?;
    let usable = stored
        .iter()
        .find(|p| p.reference_id == parts.reference_id)
        .map(|p| templates::usable(&p.fingers))
        .unwrap_or_default();
    let fingers: Vec<ChipFinger> = chip_fingers(|p| usable.iter().any(|(q, _)| *q == p))
        .into_iter()
        .flatten()
        .filter_map(|s| {
            let (_, template) = usable.iter().find(|(q, _)| *q == s.position)?;
            Some(ChipFinger {
                slot: s.slot,
                position: s.position,
                iso_record: to_iso(template, s.position),
            })
        })
        .collect();
    let photo_jpeg = read_file(ctx, &parts.face_r2_key).await?;
    let signature_png = read_file(ctx, &parts.signature_r2_key).await?;
    let form = &app.form;
    let data = ChipData {
        card_serial: serial.clone(),
        nik: face.nik.clone(),
        full_name: face.full_name.join(" "),
        birth_place: latin_uppercase(form.birth_place.trim()),
        birth_date: Date::parse_iso(&form.birth_date)
            .map_err(|_| ApiError::Internal("stored birth date does not parse".into()))?,
        sex: face.sex,
        blood_type: face.blood_type,
        street: face.street.join(" "),
        rt: form.address.rt.clone(),
        rw: form.address.rw.clone(),
        village: face.village,
        district: face.district,
        regency: face.regency,
        province: latin_uppercase(&region_name(&form.address.province)),
        religion: face.religion,
        marital_status: face.marital_status,
        occupation: face.occupation,
        citizenship: face.citizenship,
        valid_until: face.valid_until,
        issued_on: ctx.today,
        fingers,
        photo_jpeg,
        signature_png,
    };
    let key = signing_key(ctx)?;
    let file = sign_chip_data(&key.signer, &data)
        .map_err(|e| ApiError::Internal(format!("chip data: {e}")))?;
    let slots: Vec<serde_json::Value> = data
        .fingers
        .iter()
        .map(|f| serde_json::json!({ "slot": f.slot, "position": f.position }))
        .collect();
    let detail = serde_json::json!({
        "run_id": run_id,
        "serial": serial,
        "key_id": key.signer.key_id().to_string(),
        "fingers": slots,
    })
    .to_string();
    let mut e = entry(ctx, who, "print.chip_data", &detail);
    e.application_id = Some(application_id);
    audit::record(&db, vec![e.row()]).await?;
    Ok(file)
}
