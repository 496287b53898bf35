//! The administrator's console (`/staf/administrasi`, desktop): staff accounts. Create one with
//! its role (and, for a kecamatan operator, its one kecamatan), disable and re-enable it, reset
//! its password (to be changed at the next sign-in) and unlock it. The administrator reads no
//! applications; every change is audited by the edge.

mod account_row;
mod accounts_page;
mod new_account_form;
pub mod strings;

pub use accounts_page::AccountsPage;
