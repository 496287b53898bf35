//! Public pages anyone may open with a registration code: the application status. They show
//! stages and dates only, never a name, NIK, KK number or birth date (UU Adminduk art. 84).

mod code_form;
mod status_lookup;
mod status_page;
mod status_view;

pub use status_lookup::StatusLookup;
pub use status_page::StatusPage;
