//! Tests of the bundled region tables against known facts of wilayah.csv.

use super::{BundledRegions, DistrictStatus, RegionDirectory};
use crate::domain::RegionCode;

fn code(text: &str) -> RegionCode {
    RegionCode::parse(text).unwrap()
}

fn check_status(input: &str, expected: DistrictStatus) {
    assert_eq!(
        BundledRegions.district_status(code(input)),
        expected,
        "{input}"
    );
}

#[test]
fn counts_match_provenance() {
    let (core, retired, villages) = BundledRegions.counts();
    assert_eq!(core, 38 + 514 + 7_285);
    assert_eq!(retired, 594);
    assert_eq!(
        villages,
        if cfg!(feature = "villages") {
            83_762
        } else {
            0
        }
    );
}

#[test]
fn district_status_current_retired_unknown() {
    check_status("33.15.13", DistrictStatus::Current);
    check_status("33.15.01", DistrictStatus::Current);
    check_status("91.01.01", DistrictStatus::Retired);
    check_status("33.15.99", DistrictStatus::Unknown);
    check_status("33.15", DistrictStatus::Unknown);
}

#[test]
fn names_come_from_the_csv() {
    assert_eq!(BundledRegions.name(code("33")), Some("Jawa Tengah"));
    assert_eq!(
        BundledRegions.name(code("33.15")),
        Some("Kabupaten Grobogan")
    );
    assert_eq!(BundledRegions.name(code("33.15.13")), Some("Purwodadi"));
    assert_eq!(BundledRegions.name(code("91.01.01")), Some("Merauke"));
    assert_eq!(BundledRegions.name(code("33.15.99")), None);
}

#[test]
fn pickers_list_children_in_code_order() {
    let provinces = BundledRegions.provinces();
    assert_eq!(provinces.len(), 38);
    assert_eq!(
        (provinces[0].code.as_str(), provinces[0].name.as_str()),
        ("11", "Aceh")
    );
    let grobogan = BundledRegions.children(code("33.15"));
    assert_eq!(grobogan.len(), 19);
    assert_eq!(
        (grobogan[0].code.as_str(), grobogan[0].name.as_str()),
        ("33.15.01", "Kedungjati")
    );
    assert_eq!(
        (grobogan[18].code.as_str(), grobogan[18].name.as_str()),
        ("33.15.19", "Tanggungharjo")
    );
    let jateng = BundledRegions.children(code("33"));
    assert!(jateng
        .iter()
        .all(|e| e.code.starts_with("33.") && e.code.len() == 5));
    assert_eq!(jateng.len(), 35);
}

#[test]
fn existence_by_level() {
    assert_eq!(BundledRegions.exists(code("33")), Some(true));
    assert_eq!(BundledRegions.exists(code("39")), Some(false));
    assert_eq!(BundledRegions.exists(code("33.15")), Some(true));
    assert_eq!(BundledRegions.exists(code("33.99")), Some(false));
    // A retired district is not a current region: no address can be in it.
    assert_eq!(BundledRegions.exists(code("91.01.01")), Some(false));
}

#[cfg(feature = "villages")]
#[test]
fn villages_are_known_with_the_feature() {
    assert_eq!(
        BundledRegions.village_exists(code("33.15.13.2001")),
        Some(true)
    );
    assert_eq!(
        BundledRegions.name(code("33.15.13.2001")),
        Some("Candisari")
    );
    assert_eq!(
        BundledRegions.village_exists(code("33.15.13.2999")),
        Some(false)
    );
    assert_eq!(
        BundledRegions.village_exists(code("33.15.99.2001")),
        Some(false)
    );
    assert_eq!(BundledRegions.children(code("33.15.13")).len(), 17);
    let total: usize = BundledRegions
        .children(code("33.15"))
        .iter()
        .map(|d| BundledRegions.children(code(&d.code)).len())
        .sum();
    assert_eq!(total, 280);
    // Names with commas were quoted in the CSV.
    assert_eq!(
        BundledRegions.name(code("14.02.09.2010")),
        Some("Lambang Sari I, II, III")
    );
}

#[cfg(not(feature = "villages"))]
#[test]
fn villages_are_unknown_without_the_feature() {
    assert_eq!(BundledRegions.village_exists(code("33.15.13.2001")), None);
    assert_eq!(BundledRegions.exists(code("33.15.13.2001")), None);
    assert!(BundledRegions.children(code("33.15.13")).is_empty());
}

#[test]
fn bundled_size_stays_small_for_the_phone_app() {
    let (core, _) = BundledRegions.data_size_bytes();
    // Measured on the Kepmendagri 2025 list; a budget, so growth is noticed in review.
    assert!(core < 160_000, "core region data grew to {core} bytes");
}

/// The CSV itself, read independently of build.rs, to check every generated entry.
const CSV: &str = include_str!("../../../../shared/data/wilayah/wilayah.csv");

#[test]
fn every_csv_row_is_found_with_its_exact_name() {
    let mut checked = 0;
    for line in CSV.lines().skip(1) {
        let (code_text, rest) = line.split_once(',').unwrap();
        let (name, level) = rest.rsplit_once(',').unwrap();
        let name = name.trim_matches('"');
        if level == "village" && !cfg!(feature = "villages") {
            continue;
        }
        assert_eq!(
            BundledRegions.name(code(code_text)),
            Some(name),
            "{code_text}"
        );
        checked += 1;
    }
    assert_eq!(
        checked,
        if cfg!(feature = "villages") {
            91_599
        } else {
            7_837
        }
    );
}
