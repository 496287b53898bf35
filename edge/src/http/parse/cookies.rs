//! The session cookie out of a `Cookie` header, whatever else the header carries.

/// The session token under the cookie `name`: 64 hex digits, else none. Two cookies of that name
/// are none too: which one a browser sends first is not for a planted cookie to decide.
pub fn session_token<'a>(cookie_header: &'a str, name: &str) -> Option<&'a str> {
    let mut values = cookie_header.split(';').filter_map(|c| {
        let (n, value) = c.trim().split_once('=')?;
        (n == name).then_some(value)
    });
    let value = values.next()?;
    if values.next().is_some() || value.len() != 64 || !value.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::session_token;

    #[test]
    fn one_well_formed_session_cookie_is_the_token() {
        let token = "ab".repeat(32);
        let header = format!("theme=dark; rekam_session={token}; lang=en");
        assert_eq!(
            session_token(&header, "rekam_session"),
            Some(token.as_str())
        );
        assert_eq!(session_token(&header, "__Host-rekam_session"), None);
        let twice = format!("rekam_session={token}; rekam_session={token}");
        assert_eq!(session_token(&twice, "rekam_session"), None);
        assert_eq!(session_token("rekam_session=abc", "rekam_session"), None);
    }
}
