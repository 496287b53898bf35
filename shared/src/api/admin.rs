//! Staff administration (`/api/admin/staff/*`, administrator only) and a staff member's own
//! password change (`POST /api/auth/password`).

use crate::auth::StaffRole;
use serde::{Deserialize, Serialize};

/// One staff account as the administrator sees it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    /// Kecamatan operators only: their kecamatan (dotted code) and its name.
    pub district_code: Option<String>,
    pub district_name: Option<String>,
    pub active: bool,
    /// Locked after too many failed sign-ins, until this ISO timestamp.
    pub locked_until: Option<String>,
    /// Set by a reset: the next sign-in leads to the change-password screen first.
    pub must_change_password: bool,
    pub created_at: String,
}

/// `GET /api/admin/staff`: every account, by user name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccountList {
    pub accounts: Vec<StaffAccount>,
}

/// `POST /api/admin/staff`: a new account. `district_code` is required for (and only for) a
/// kecamatan operator. The password is a first one: the person must change it at first sign-in.
/// Refusals are 422 with field errors on `username`, `display_name`, `district_code`, `password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStaffAccount {
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    pub district_code: Option<String>,
    pub password: String,
}

/// `POST /api/admin/staff/{id}/reset-password`: a temporary password, to be changed at the next
/// sign-in. Its sessions end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetPasswordRequest {
    pub password: String,
}

/// `POST /api/auth/password`: the signed-in staff member's own change. Field errors on
/// `current_password` and `new_password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}
