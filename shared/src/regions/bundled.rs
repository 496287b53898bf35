//! The region tables compiled into the binary from wilayah.csv, and the picker queries over them.

use super::directory::{DistrictStatus, RegionDirectory};
use super::packed::{decode_gaps, Packed};
#[cfg(feature = "region-names")]
use crate::api::RegionEntry;
use crate::domain::{RegionCode, RegionLevel};
use std::sync::LazyLock;

// Without names, the name arrays are generated but unused.
#[cfg_attr(not(feature = "region-names"), allow(dead_code))]
mod core_data {
    include!(concat!(env!("OUT_DIR"), "/regions_core.rs"));
}

#[cfg(feature = "villages")]
mod village_data {
    include!(concat!(env!("OUT_DIR"), "/regions_villages.rs"));
}

/// Provinces, regencies and districts, keyed by their digits as a number. The levels do not
/// collide (2, 4 and 6 digits, none starting with 0), and sorting numerically groups each level.
fn core_codes() -> &'static [u32] {
    static CODES: LazyLock<Vec<u32>> = LazyLock::new(|| decode_gaps(&core_data::CORE_CODE_GAPS));
    &CODES
}

fn retired_codes() -> &'static [u32] {
    static CODES: LazyLock<Vec<u32>> = LazyLock::new(|| decode_gaps(&core_data::RETIRED_CODE_GAPS));
    &CODES
}

#[cfg(feature = "region-names")]
static CORE: Packed<u32> = Packed {
    codes: core_codes,
    lens: &core_data::CORE_LENS,
    starts: &core_data::CORE_STARTS,
    names: core_data::CORE_NAMES,
};

#[cfg(feature = "region-names")]
static RETIRED: Packed<u32> = Packed {
    codes: retired_codes,
    lens: &core_data::RETIRED_LENS,
    starts: &core_data::RETIRED_STARTS,
    names: core_data::RETIRED_NAMES,
};

// Codes only: the name arrays are never referenced, so the linker leaves them out.
#[cfg(not(feature = "region-names"))]
static CORE: Packed<u32> = Packed::codes_only(core_codes);

#[cfg(not(feature = "region-names"))]
static RETIRED: Packed<u32> = Packed::codes_only(retired_codes);

/// The directory built into this binary: always the codes of provinces, regencies and districts
/// (current and retired); their names with the `region-names` feature; villages too when the
/// `villages` feature is on.
#[derive(Debug, Clone, Copy, Default)]
pub struct BundledRegions;

/// Core keys are at most 6 digits; a village never is one.
fn core_key(code: RegionCode) -> Option<u32> {
    (code.level() != RegionLevel::Village).then(|| code.value() as u32)
}

impl RegionDirectory for BundledRegions {
    fn district_status(&self, code: RegionCode) -> DistrictStatus {
        if code.level() != RegionLevel::District {
            return DistrictStatus::Unknown;
        }
        let key = code.value() as u32;
        if CORE.index_of(key).is_some() {
            DistrictStatus::Current
        } else if RETIRED.index_of(key).is_some() {
            DistrictStatus::Retired
        } else {
            DistrictStatus::Unknown
        }
    }

    fn village_exists(&self, code: RegionCode) -> Option<bool> {
        if code.level() != RegionLevel::Village {
            return Some(false);
        }
        villages::find(code).map(|found| found.is_some())
    }

    fn exists(&self, code: RegionCode) -> Option<bool> {
        match core_key(code) {
            Some(key) => Some(CORE.index_of(key).is_some()),
            None => self.village_exists(code),
        }
    }

    #[cfg(not(feature = "region-names"))]
    fn name(&self, _code: RegionCode) -> Option<&str> {
        None
    }

    #[cfg(feature = "region-names")]
    fn name(&self, code: RegionCode) -> Option<&str> {
        match core_key(code) {
            Some(key) => CORE.index_of(key).map(|i| CORE.name(i)).or_else(|| {
                (code.level() == RegionLevel::District)
                    .then(|| RETIRED.index_of(key).map(|i| RETIRED.name(i)))
                    .flatten()
            }),
            None => villages::find(code).flatten(),
        }
    }
}

#[cfg(feature = "region-names")]
impl BundledRegions {
    /// All provinces, for the first picker.
    pub fn provinces(&self) -> Vec<RegionEntry> {
        entries(&CORE, CORE.range(10, 99))
    }

    /// The regions directly inside `parent` (regencies of a province, districts of a regency,
    /// villages of a district), sorted by code. Villages are listed only with the `villages`
    /// feature; without it a district has no listed children.
    pub fn children(&self, parent: RegionCode) -> Vec<RegionEntry> {
        let v = u32::try_from(parent.value()).unwrap_or(u32::MAX);
        match parent.level() {
            RegionLevel::Province => entries(&CORE, CORE.range(v * 100, v * 100 + 99)),
            RegionLevel::Regency => entries(&CORE, CORE.range(v * 100, v * 100 + 99)),
            RegionLevel::District => villages::children(parent),
            RegionLevel::Village => Vec::new(),
        }
    }

    /// Bytes of region data in this binary: (provinces+regencies+districts+retired, villages).
    pub fn data_size_bytes(&self) -> (usize, usize) {
        (
            CORE.size_bytes() + RETIRED.size_bytes(),
            villages::size_bytes(),
        )
    }

    /// Number of (current provinces + regencies + districts, retired districts, villages).
    pub fn counts(&self) -> (usize, usize, usize) {
        (CORE.len(), RETIRED.len(), villages::count())
    }
}

#[cfg(feature = "region-names")]
fn entries(table: &Packed<u32>, range: std::ops::Range<usize>) -> Vec<RegionEntry> {
    range
        .map(|i| {
            let value = u64::from(table.code(i));
            let level = match value {
                0..=99 => RegionLevel::Province,
                100..=9_999 => RegionLevel::Regency,
                _ => RegionLevel::District,
            };
            let code = RegionCode::from_value(level, value)
                .map(|c| c.to_string())
                .unwrap_or_default();
            RegionEntry {
                code,
                name: table.name(i).to_string(),
            }
        })
        .collect()
}

#[cfg(feature = "villages")]
mod villages {
    use super::village_data as data;
    use super::Packed;
    use crate::api::RegionEntry;
    use crate::domain::{RegionCode, RegionLevel};

    static VILLAGES: Packed<u16> = Packed {
        codes: || &data::VILLAGE_CODES,
        lens: &data::VILLAGE_LENS,
        starts: &data::VILLAGE_STARTS,
        names: data::VILLAGE_NAMES,
    };

    /// Index range of the villages of a district, empty for an unknown district.
    fn range_of(district: RegionCode) -> std::ops::Range<usize> {
        let key = district.value() as u32;
        match data::VILLAGE_DISTRICTS.binary_search(&key) {
            Ok(i) => data::VILLAGE_FIRST[i] as usize..data::VILLAGE_FIRST[i + 1] as usize,
            Err(_) => 0..0,
        }
    }

    /// `Some(Some(name))` if the village exists, `Some(None)` if not.
    pub fn find(code: RegionCode) -> Option<Option<&'static str>> {
        let Some(district) = code.parent() else {
            return Some(None);
        };
        let range = range_of(district);
        let part = code.last_part() as u16;
        let found = data::VILLAGE_CODES[range.clone()].binary_search(&part).ok();
        Some(found.map(|i| VILLAGES.name(range.start + i)))
    }

    pub fn children(district: RegionCode) -> Vec<RegionEntry> {
        range_of(district)
            .map(|i| {
                let value = district.value() * 10_000 + u64::from(VILLAGES.code(i));
                let code = RegionCode::from_value(RegionLevel::Village, value)
                    .map(|c| c.to_string())
                    .unwrap_or_default();
                RegionEntry {
                    code,
                    name: VILLAGES.name(i).to_string(),
                }
            })
            .collect()
    }

    pub fn size_bytes() -> usize {
        VILLAGES.size_bytes()
            + std::mem::size_of_val(&data::VILLAGE_DISTRICTS)
            + std::mem::size_of_val(&data::VILLAGE_FIRST)
    }

    pub fn count() -> usize {
        VILLAGES.len()
    }
}

/// Without the `villages` feature nothing is known about villages: `None` answers, so validation
/// leaves the check to the server.
#[cfg(not(feature = "villages"))]
#[cfg_attr(not(feature = "region-names"), allow(dead_code))]
mod villages {
    use crate::api::RegionEntry;
    use crate::domain::RegionCode;

    pub fn find(_code: RegionCode) -> Option<Option<&'static str>> {
        None
    }

    pub fn children(_district: RegionCode) -> Vec<RegionEntry> {
        Vec::new()
    }

    pub fn size_bytes() -> usize {
        0
    }

    pub fn count() -> usize {
        0
    }
}
