//! Column decoders: stored text becomes shared types at the storage boundary, so nothing above
//! `storage/` parses a stored string again. A value that does not decode is a storage error.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use shared::domain::RegistrationCode;

/// A registration code stored in its compact form.
pub fn registration_code<'de, D: Deserializer<'de>>(d: D) -> Result<RegistrationCode, D::Error> {
    let text = String::deserialize(d)?;
    RegistrationCode::parse(&text)
        .map_err(|e| D::Error::custom(format!("stored registration code {text:?}: {e}")))
}

/// A column holding JSON text (a form, a list of warnings).
pub fn json_text<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<T, D::Error> {
    let text = String::deserialize(d)?;
    serde_json::from_str(&text).map_err(|e| D::Error::custom(format!("stored JSON column: {e}")))
}

/// A value for a JSON column; our own types always encode.
pub fn to_json<T: serde::Serialize>(value: &T) -> worker::Result<String> {
    serde_json::to_string(value).map_err(|e| worker::Error::RustError(format!("encode JSON: {e}")))
}

/// An ISO date column (`2026-03-10`).
pub fn iso_date<'de, D: Deserializer<'de>>(d: D) -> Result<shared::domain::Date, D::Error> {
    let text = String::deserialize(d)?;
    shared::domain::Date::parse_iso(&text)
        .map_err(|e| D::Error::custom(format!("stored date {text:?}: {e}")))
}

/// A nullable ISO date column.
pub fn optional_iso_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<shared::domain::Date>, D::Error> {
    let Some(text) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    shared::domain::Date::parse_iso(&text)
        .map(Some)
        .map_err(|e| D::Error::custom(format!("stored date {text:?}: {e}")))
}
