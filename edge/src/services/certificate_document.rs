//! The printable Surat Keterangan: the signed claims built from a stored application, and the
//! document DTO (identity, dates, office, QR text) built from the stored certificate.

use crate::http::{ApiError, ApiResult};
use crate::storage::applications::StoredApplication;
use crate::storage::certificates::CertificateRow;
use crate::storage::stored_form::StoredForm;
use shared::api::{
    CertificateAddress, CertificateDocument, CertificateHolder, CertificateStanding, IssuingOffice,
};
use shared::domain::{
    latin_uppercase, Date, MaritalStatus, Nik, Occupation, RegionCode, Religion, Sex,
};
use shared::lifecycle::Stage;
use shared::regions::{BundledRegions, RegionDirectory};
use shared::signed::{CertificateClaims, Issuer};

/// The claims to sign for `form` under `serial`, valid `issued_on` up to `expires_on`.
pub fn claims(
    form: &StoredForm,
    issuer: Issuer,
    serial: u32,
    issued_on: Date,
    expires_on: Date,
) -> ApiResult<CertificateClaims> {
    // The form was validated when it was stored: a field that no longer parses is our bug.
    let stored =
        |field: &str| ApiError::Internal(format!("stored form field {field} does not parse"));
    Ok(CertificateClaims {
        serial,
        issuer,
        issued_on,
        expires_on,
        nik: Nik::parse(&form.nik, issued_on).map_err(|_| stored("nik"))?,
        full_name: latin_uppercase(form.full_name.trim()),
        birth_place: latin_uppercase(form.birth_place.trim()),
        birth_date: Date::parse_iso(&form.birth_date).map_err(|_| stored("birth_date"))?,
        sex: Sex::parse(&form.sex).ok_or_else(|| stored("sex"))?,
    })
}

/// Where a stored certificate stands on `today` for an application in `stage`.
pub fn standing(row: &CertificateRow, stage: Stage, today: Date) -> CertificateStanding {
    if row.revoked_on.is_some() {
        CertificateStanding::Revoked
    } else if row.ended_on.is_some() || stage.is_terminal() {
        CertificateStanding::Ended
    } else if today >= row.expires_on {
        CertificateStanding::Expired
    } else {
        CertificateStanding::Valid
    }
}

/// What the print view needs, from the stored application and certificate.
pub struct DocumentParts<'a> {
    pub app: &'a StoredApplication,
    pub row: &'a CertificateRow,
    pub issuer: Issuer,
    pub test_key: bool,
    pub issued_by: String,
    pub photo_path: Option<String>,
    pub today: Date,
}

pub fn document(p: DocumentParts<'_>) -> CertificateDocument {
    let form = &p.app.form;
    let a = &form.address;
    let name = |code: &str| {
        RegionCode::parse(code)
            .ok()
            .and_then(|c| BundledRegions.name(c))
            .map(latin_uppercase)
            .unwrap_or_default()
    };
    let label = |parsed: Option<&'static str>, raw: &str| {
        parsed.map_or_else(|| latin_uppercase(raw), str::to_string)
    };
    let regency_name = name(&p.issuer.regency().to_string());
    CertificateDocument {
        number: p.row.number.clone(),
        serial: p.row.serial,
        application_id: p.app.id.clone(),
        registration_code: p.app.registration_code.to_string(),
        issued_on: p.row.issued_on.to_string(),
        expires_on: p.row.expires_on.to_string(),
        standing: standing(p.row, p.app.stage, p.today),
        revoked_on: p.row.revoked_on.map(|d| d.to_string()),
        revoke_reason: p.row.revoke_reason.clone(),
        ended_on: p.row.ended_on.map(|d| d.to_string()),
        ended_reason: p.row.ended_reason,
        key_id: p.row.key_id.clone(),
        test_key: p.test_key,
        qr_text: p.row.qr_text.clone(),
        holder: CertificateHolder {
            nik: form.nik.clone(),
            full_name: latin_uppercase(form.full_name.trim()),
            birth_place: latin_uppercase(form.birth_place.trim()),
            birth_date: form.birth_date.clone(),
            sex: label(Sex::parse(&form.sex).map(Sex::label_id), &form.sex),
            religion: label(
                Religion::parse(&form.religion).map(Religion::label_id),
                &form.religion,
            ),
            marital_status: label(
                MaritalStatus::parse(&form.marital_status).map(MaritalStatus::label_id),
                &form.marital_status,
            ),
            occupation: label(
                Occupation::parse(&form.occupation).map(Occupation::label_id),
                &form.occupation,
            ),
            address: CertificateAddress {
                street: latin_uppercase(&a.street),
                rt: a.rt.clone(),
                rw: a.rw.clone(),
                village_code: a.village.clone(),
                village_name: name(&a.village),
                district_code: a.district.clone(),
                district_name: name(&a.district),
                regency_name: name(&a.regency),
                province_name: name(&a.province),
            },
        },
        office: IssuingOffice {
            regency_code: p.issuer.regency().to_string(),
            name: format!("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL {regency_name}"),
            regency_name,
            office: p.issuer.office,
        },
        photo_path: p.photo_path,
        issued_by: p.issued_by,
    }
}

/// The last day a certificate is valid: the day before `expires_on`.
pub fn last_valid_day(expires_on: Date) -> Date {
    let (y, m, d) = (expires_on.year(), expires_on.month(), expires_on.day());
    if d > 1 {
        return Date::new(y, m, d - 1).unwrap_or(expires_on);
    }
    let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    Date::new(y, m, shared::domain::days_in_month(y, m)).unwrap_or(expires_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn last_valid_day_is_the_day_before_expiry() {
        assert_eq!(last_valid_day(d(2026, 9, 10)), d(2026, 9, 9));
        assert_eq!(last_valid_day(d(2026, 3, 1)), d(2026, 2, 28));
        assert_eq!(last_valid_day(d(2028, 3, 1)), d(2028, 2, 29));
        assert_eq!(last_valid_day(d(2027, 1, 1)), d(2026, 12, 31));
    }
}
