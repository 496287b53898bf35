//! Card personalisation rules, pure: how the card's texts are broken into the lines they are
//! printed on (or refused when they do not fit), the blank card's serial, and which fingers go
//! on the chip when an index finger is missing. The preview (app) and the edge's refusal use
//! the same functions, so what the operator sees is what the edge accepts.

mod card_fit;
mod card_serial;
mod chip_fingers;

pub use card_fit::{lay_out_card, CardText, HEADING_CHARS, LINE_CHARS, VALID_FOR_LIFE};
pub use card_serial::{parse_card_serial, CARD_SERIAL_MAX_CHARS, CARD_SERIAL_MIN_CHARS};
pub use chip_fingers::{chip_fingers, ChipSlot, LEFT_INDEX_ORDER, RIGHT_INDEX_ORDER};
