//! Region picker entries.

use serde::{Deserialize, Serialize};

/// One choice in a region picker. JSON: `{"code": "33.15.13", "name": "Purwodadi"}`; `code` is the
/// full dotted code, which is what the form's address fields hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionEntry {
    pub code: String,
    pub name: String,
}
