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

/// Failed sign-ins of one client under one name after which that client's sign-ins under it
/// are held until [`LOCKOUT_MINUTES`] after the first of them.
pub const MAX_FAILED_SIGN_INS: u32 = 5;
/// Failed sign-ins under one name from all clients that never signed in as it, after which
/// those clients are held too: guessing spread over many addresses stays bounded, while the
/// staff member's own devices (which signed in before) keep working.
pub const MAX_FAILED_SIGN_INS_PER_NAME: u32 = 30;
pub const LOCKOUT_MINUTES: u32 = 15;
/// A client that signed in as a name stays exempt from the name's total for this long.
pub const TRUSTED_CLIENT_DAYS: u32 = 30;
/// A staff session lasts one working day; then the operator signs in again.
pub const SESSION_HOURS: u32 = 10;
