//! Widgets shared by every surface (resident, public, and later the staff consoles). They know
//! nothing of the pre-fill form: values, messages and handlers come in as props.

mod choice_field;
mod field_message;
mod lang_toggle;
mod qr_code;
mod registration_code_display;
mod select_field;
mod site_header;
mod stage_chip;
mod text_field;

pub use choice_field::ChoiceField;
pub use field_message::{describedby, FieldMessage};
pub use lang_toggle::LangToggle;
pub use qr_code::QrCode;
pub use registration_code_display::RegistrationCodeDisplay;
pub use select_field::SelectField;
pub use site_header::SiteHeader;
pub use stage_chip::StageChip;
pub use text_field::TextField;
