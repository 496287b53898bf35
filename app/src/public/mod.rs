//! Public pages anyone may open with a registration code: the application status. They show
//! stages and dates only, never a name, NIK, KK number or birth date (UU Adminduk art. 84).
//! The one exception is `/v`, the Surat Keterangan check: it shows the fields the QR code itself
//! carries, read on the device, so nothing personal comes from or goes to the server.

mod card_step_texts;
mod code_form;
mod revocation_cache;
mod status_lookup;
mod status_page;
mod status_view;
mod verify_camera;
mod verify_keys;
mod verify_page;
mod verify_texts;

pub use status_lookup::StatusLookup;
pub use status_page::StatusPage;
pub use verify_page::VerifyPage;
