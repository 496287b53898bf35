//! How a manifest card's state reads.

use super::strings::*;
use crate::i18n::Tr;
use shared::api::CardState;

pub const fn card_state(state: CardState) -> Tr {
    match state {
        CardState::InTransit => STATE_IN_TRANSIT,
        CardState::Received => STATE_RECEIVED,
        CardState::Missing => STATE_MISSING,
        CardState::HandedOver => STATE_HANDED_OVER,
    }
}
