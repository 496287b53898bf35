//! The media types of request bodies: the media type before any parameter decides, in any
//! letter case.

/// `application/json`, with parameters (`; charset=utf-8`) or not.
pub fn is_json(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|v| media_type(v).eq_ignore_ascii_case("application/json"))
}

/// `multipart/form-data`, with its parameters (the boundary, which the runtime's own form parser
/// reads and requires).
pub fn is_form_data(content_type: &str) -> bool {
    media_type(content_type).eq_ignore_ascii_case("multipart/form-data")
}

/// A `Content-Type` value without its parameters.
fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

#[cfg(test)]
mod tests {
    use super::{is_form_data, is_json};

    #[test]
    fn only_json_is_json() {
        assert!(is_json(Some("application/json")));
        assert!(is_json(Some("Application/JSON; charset=utf-8")));
        for other in [
            None,
            Some(""),
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/jsonp"),
        ] {
            assert!(!is_json(other), "{other:?}");
        }
    }

    #[test]
    fn only_form_data_is_form_data() {
        assert!(is_form_data("multipart/form-data; boundary=x"));
        assert!(is_form_data(" Multipart/Form-Data ;boundary=x"));
        for other in [
            "",
            "multipart/form-datax; boundary=x",
            "multipart/mixed; boundary=x",
            "application/json",
        ] {
            assert!(!is_form_data(other), "{other:?}");
        }
    }
}
