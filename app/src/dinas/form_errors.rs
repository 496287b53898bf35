//! What a refused case or certificate write says next to each field: the client's own checks
//! before sending (a blank reason, no candidate chosen) and the server's field errors, both in
//! the user's language; anything else is one line for the whole form.

use crate::api::ApiError;
use crate::i18n::Tr;
use shared::i18n::Lang;

/// A form's problems: per field, and for the whole form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormErrors {
    /// The client's own findings, by field name (`reason`, `decision`, ...).
    pub local: Vec<(&'static str, Tr)>,
    /// The server's refusal, if any.
    pub server: Option<ApiError>,
}

impl FormErrors {
    /// The message for `field` in `lang`, if it has a problem.
    pub fn field(&self, field: &str, lang: Lang) -> Option<String> {
        if let Some((_, tr)) = self.local.iter().find(|(f, _)| *f == field) {
            return Some(tr.get(lang).to_string());
        }
        match &self.server {
            Some(ApiError::Server { body, .. }) => body
                .fields
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.code.message(lang).to_string()),
            _ => None,
        }
    }

    /// The form-wide message: the server's refusal when it names no field.
    pub fn form(&self, lang: Lang) -> Option<String> {
        match &self.server {
            Some(ApiError::Server { body, .. }) if !body.fields.is_empty() => None,
            Some(e) => Some(e.message(lang)),
            None => None,
        }
    }
}

/// `None` and the problem when `text` is blank (a reason must say something).
pub fn required(field: &'static str, text: &str, problem: Tr) -> Option<(&'static str, Tr)> {
    text.trim().is_empty().then_some((field, problem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::{ErrorBody, ErrorCode, FieldCode, FieldError};

    const BLANK: Tr = Tr("Tuliskan alasannya.", "Write the reason.");

    #[test]
    fn field_problems_stay_with_their_field() {
        let mut e = FormErrors {
            local: vec![required("reason", "  ", BLANK).unwrap()],
            server: None,
        };
        assert_eq!(
            e.field("reason", Lang::En).as_deref(),
            Some("Write the reason.")
        );
        assert_eq!(e.field("decision", Lang::En), None);
        assert_eq!(required("reason", "ok", BLANK), None);
        e.local.clear();
        e.server = Some(ApiError::Server {
            status: 422,
            body: ErrorBody {
                code: ErrorCode::ValidationFailed,
                message: String::new(),
                fields: vec![FieldError {
                    field: "reason".into(),
                    code: FieldCode::Required,
                }],
                request_id: "r".into(),
            },
        });
        assert_eq!(
            e.field("reason", Lang::Id).as_deref(),
            Some(FieldCode::Required.message(Lang::Id))
        );
        assert_eq!(e.form(Lang::Id), None);
        e.server = Some(ApiError::Network);
        assert!(e.form(Lang::En).is_some());
    }
}
