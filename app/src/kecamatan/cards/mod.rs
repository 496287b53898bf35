//! The kecamatan's card screens (tablet, 1280x800): the cards waiting and shipments on their
//! way (`/kecamatan/kartu`), receiving a shipment card by card (`/kecamatan/kartu/terima`) and
//! handing a card over against the resident's signature (`/kecamatan/kartu/serah`).

mod cards_page;
mod handover_page;
mod handover_receipt;
mod receive_page;
pub mod strings;

pub use cards_page::CardsPage;
pub use handover_page::HandoverPage;
pub use handover_receipt::HandoverReceiptSheet;
pub use receive_page::ReceivePage;
