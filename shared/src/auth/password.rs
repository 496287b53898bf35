//! Password hashing with argon2id. The caller supplies the salt (shared reads no RNG).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub const SALT_BYTES: usize = 16;

/// OWASP's minimum argon2id setting (19 MiB, 2 passes, 1 lane): a few tens of milliseconds per
/// sign-in natively, and within the worker's memory and CPU budget in WebAssembly.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordError {
    /// The stored hash is not a PHC string this code understands.
    StoredHashUnreadable,
    /// Hashing failed (parameters rejected): a programming error, not user input.
    Hashing(String),
}

fn hasher() -> Argon2<'static> {
    let params =
        Params::new(MEMORY_KIB, PASSES, LANES, None).expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`).
pub fn hash_password(password: &str, salt: [u8; SALT_BYTES]) -> Result<String, PasswordError> {
    let salt = SaltString::encode_b64(&salt).map_err(|e| PasswordError::Hashing(e.to_string()))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hashing(e.to_string()))
}

/// Checks a password against a stored PHC string, in constant time for the hash comparison.
pub fn verify_password(password: &str, stored: &str) -> Result<bool, PasswordError> {
    let parsed = PasswordHash::new(stored).map_err(|_| PasswordError::StoredHashUnreadable)?;
    Ok(hasher()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_password_verifies_and_wrong_one_does_not() {
        let stored = hash_password("kata-sandi-panjang", [7; SALT_BYTES]).unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_eq!(verify_password("kata-sandi-panjang", &stored), Ok(true));
        assert_eq!(verify_password("kata-sandi-panjanG", &stored), Ok(false));
    }

    #[test]
    fn salt_changes_the_hash() {
        assert_ne!(
            hash_password("x", [1; SALT_BYTES]).unwrap(),
            hash_password("x", [2; SALT_BYTES]).unwrap()
        );
    }

    #[test]
    fn garbage_stored_hash_is_an_error_not_a_match() {
        assert_eq!(
            verify_password("x", "not-a-hash"),
            Err(PasswordError::StoredHashUnreadable)
        );
    }
}
