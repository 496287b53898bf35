//! Per-field checking for the app's as-you-type feedback, by the same rules as the full check.

use super::application::validate_application;
use super::codes::FieldCode;
use super::field::Field;
use crate::api::ApplicationForm;
use crate::domain::Date;
use crate::regions::RegionDirectory;

/// The problems with one field of a (possibly half-filled) form, by exactly the rules of
/// [`validate_application`]: it runs the full check and keeps this field's codes, so the app's
/// hints can never disagree with the final verdict. Cheap enough per keystroke (no I/O, a few
/// binary searches).
///
/// Cross-field rules land on one field: eligibility on `birth_date`, KK = NIK on `kk_number`.
pub fn validate_field(
    form: &ApplicationForm,
    field: Field,
    today: Date,
    regions: &dyn RegionDirectory,
) -> Vec<FieldCode> {
    match validate_application(form, today, regions) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.codes_for(field),
    }
}
