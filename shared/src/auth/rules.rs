//! The rules for staff user names and passwords, checked alike by the administrator's form, the
//! change-password screen and the edge (which decides). Length over composition: a long
//! passphrase is easy to remember and hard to guess; a password that repeats the user name or
//! a couple of characters is refused.

use crate::validation::FieldCode;

pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;
/// Fewer different characters than this ("aaaaaaaaaaaa", "abababababab") is too simple.
pub const PASSWORD_MIN_DISTINCT: usize = 6;

/// What is wrong with `password` as the new password of the account `username` (empty: fine).
pub fn password_problems(password: &str, username: &str) -> Vec<FieldCode> {
    let mut problems = Vec::new();
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        problems.push(FieldCode::PasswordTooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        problems.push(FieldCode::PasswordTooLong);
    }
    let user = username.trim().to_lowercase();
    if !user.is_empty() && password.to_lowercase().contains(&user) {
        problems.push(FieldCode::PasswordContainsUsername);
    }
    let mut distinct: Vec<char> = password.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if chars >= PASSWORD_MIN_CHARS && distinct.len() < PASSWORD_MIN_DISTINCT {
        problems.push(FieldCode::PasswordTooSimple);
    }
    problems
}

/// Whether `username` is a valid user name: 3-32 of `a-z 0-9 . _ -`, starting with a letter.
pub fn username_valid(username: &str) -> bool {
    let bytes = username.as_bytes();
    (3..=32).contains(&bytes.len())
        && bytes[0].is_ascii_lowercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_passphrase_passes() {
        assert!(password_problems("sawah hijau di grobogan", "kec.toroh").is_empty());
        assert!(password_problems("Kopi-Pagi-2026", "admin").is_empty());
    }

    #[test]
    fn short_long_and_simple_passwords_are_refused() {
        assert_eq!(
            password_problems("pendek123", "x.y"),
            vec![FieldCode::PasswordTooShort]
        );
        assert_eq!(
            password_problems(&"abcdefg".repeat(19), "x.y"),
            vec![FieldCode::PasswordTooLong]
        );
        assert_eq!(
            password_problems("abababababababab", "x.y"),
            vec![FieldCode::PasswordTooSimple]
        );
        // Length counts characters, not bytes.
        assert!(password_problems("éééééééééééé", "x.y").contains(&FieldCode::PasswordTooSimple));
        assert!(!password_problems("éèêëàâäôöûüç", "x.y").contains(&FieldCode::PasswordTooShort));
    }

    #[test]
    fn the_user_name_inside_is_refused_in_any_case() {
        assert_eq!(
            password_problems("Kec.Toroh-rahasia", "kec.toroh"),
            vec![FieldCode::PasswordContainsUsername]
        );
        assert_eq!(
            password_problems("pendek", "kec.toroh"),
            vec![FieldCode::PasswordTooShort]
        );
    }

    #[test]
    fn user_names() {
        for ok in ["admin", "kec.toroh", "dinas_op-2"] {
            assert!(username_valid(ok), "{ok}");
        }
        for bad in ["ab", "Admin", "1admin", "kec toroh", "kéc", &"a".repeat(33)] {
            assert!(!username_valid(bad), "{bad}");
        }
    }
}
