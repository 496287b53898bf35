//! The staff client's calls for staff administration, the password change and the dinas
//! dashboard (an `impl` block of [`StaffApi`] of its own).

use super::paths::admin::{self as path, AccountWrite};
use super::request::On401;
use super::{ApiError, IdempotencyKey, StaffApi};
use shared::api::{
    ChangePasswordRequest, Dashboard, NewStaffAccount, ResetPasswordRequest, SessionInfo,
    StaffAccount, StaffAccountList,
};

impl StaffApi {
    /// `GET /api/admin/staff` (administrator only).
    pub async fn staff_accounts(self) -> Result<StaffAccountList, ApiError> {
        self.get(path::STAFF).decode().await
    }

    /// `POST /api/admin/staff`: 422 with field errors when refused.
    pub async fn create_account(
        self,
        account: &NewStaffAccount,
        key: &IdempotencyKey,
    ) -> Result<StaffAccount, ApiError> {
        self.post(path::STAFF)
            .json(account)?
            .idempotent(key)
            .decode()
            .await
    }

    /// Disable, enable or unlock an account (`ResetPassword` goes through [`Self::reset_password`]).
    pub async fn change_account(
        self,
        id: &str,
        write: AccountWrite,
        key: &IdempotencyKey,
    ) -> Result<StaffAccount, ApiError> {
        self.post(&path::account(id, write))
            .json(&serde_json::json!({}))?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/admin/staff/{id}/reset-password`: a temporary password.
    pub async fn reset_password(
        self,
        id: &str,
        password: &str,
        key: &IdempotencyKey,
    ) -> Result<StaffAccount, ApiError> {
        let body = ResetPasswordRequest {
            password: password.to_string(),
        };
        self.post(&path::account(id, AccountWrite::ResetPassword))
            .json(&body)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/auth/password`: the signed-in person's own new password. Field errors (a wrong
    /// current password, rules) come back to the form, a 401 too (the form says to sign in).
    pub async fn change_password(
        self,
        current_password: &str,
        new_password: &str,
    ) -> Result<SessionInfo, ApiError> {
        let body = ChangePasswordRequest {
            current_password: current_password.to_string(),
            new_password: new_password.to_string(),
        };
        self.post(path::PASSWORD)
            .json(&body)?
            .on_401(On401::Caller)
            .decode()
            .await
    }

    /// `GET /api/dinas/dashboard`.
    pub async fn dashboard(self) -> Result<Dashboard, ApiError> {
        self.get(path::DASHBOARD).decode().await
    }
}
