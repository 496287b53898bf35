//! Staff roles and password hashing (feature `password-hashing`). Sessions and storage are the
//! edge's; the rules are here.

#[cfg(feature = "password-hashing")]
mod password;
mod role;
mod rules;

#[cfg(feature = "password-hashing")]
pub use password::{hash_password, verify_password, PasswordError, SALT_BYTES};
pub use role::StaffRole;
pub use rules::{
    password_problems, username_valid, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
    PASSWORD_MIN_DISTINCT,
};

/// Consecutive failed sign-ins after which an account is locked for [`LOCKOUT_MINUTES`].
pub const MAX_FAILED_SIGN_INS: u32 = 5;
pub const LOCKOUT_MINUTES: u32 = 15;
/// A staff session lasts one working day; then the operator signs in again.
pub const SESSION_HOURS: u32 = 10;
