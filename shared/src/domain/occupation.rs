//! The 89-entry SIAK occupation list, in its official order and numbering.

use crate::i18n::Lang;
use std::fmt;

/// (official Indonesian label, English label); entry `i` has SIAK number `i + 1`.
const TABLE: [(&str, &str); 89] = [
    ("BELUM/TIDAK BEKERJA", "Not working / not yet working"),
    ("MENGURUS RUMAH TANGGA", "Homemaker"),
    ("PELAJAR/MAHASISWA", "Student"),
    ("PENSIUNAN", "Retired"),
    ("APARATUR SIPIL NEGARA (ASN)", "Civil servant (ASN)"),
    ("TNI", "Armed forces (TNI)"),
    ("POLRI", "Police (POLRI)"),
    ("PERDAGANGAN", "Trade"),
    ("PETANI/PEKEBUN", "Farmer / planter"),
    ("PETERNAK", "Livestock breeder"),
    ("NELAYAN/PERIKANAN", "Fisher / fisheries"),
    ("INDUSTRI", "Industry"),
    ("KONSTRUKSI", "Construction"),
    ("TRANSPORTASI", "Transport"),
    ("KARYAWAN SWASTA", "Private-sector employee"),
    ("KARYAWAN BUMN", "State-owned enterprise employee (BUMN)"),
    ("KARYAWAN BUMD", "Regional enterprise employee (BUMD)"),
    ("KARYAWAN HONORER", "Contract (honorary) employee"),
    ("BURUH HARIAN LEPAS", "Casual day labourer"),
    ("BURUH TANI/PERKEBUNAN", "Farm / plantation labourer"),
    ("BURUH NELAYAN/PERIKANAN", "Fishery labourer"),
    ("BURUH PETERNAKAN", "Livestock labourer"),
    ("PEMBANTU RUMAH TANGGA", "Domestic worker"),
    ("TUKANG CUKUR", "Barber"),
    ("TUKANG LISTRIK", "Electrician"),
    ("TUKANG BATU", "Mason"),
    ("TUKANG KAYU", "Carpenter"),
    ("TUKANG SOL SEPATU", "Shoe repairer"),
    ("TUKANG LAS/PANDAI BESI", "Welder / blacksmith"),
    ("TUKANG JAHIT", "Tailor"),
    ("TUKANG GIGI", "Dental technician"),
    ("PENATA RIAS", "Make-up artist"),
    ("PENATA BUSANA", "Dresser / stylist"),
    ("PENATA RAMBUT", "Hairdresser"),
    ("MEKANIK", "Mechanic"),
    ("SENIMAN", "Artist"),
    ("TABIB", "Traditional healer"),
    ("PARAJI", "Traditional birth attendant"),
    ("PERANCANG BUSANA", "Fashion designer"),
    ("PENTERJEMAH", "Translator"),
    ("IMAM MASJID", "Mosque imam"),
    ("PENDETA", "Minister (pastor, Protestant)"),
    ("PASTOR", "Priest (Catholic)"),
    ("WARTAWAN", "Journalist"),
    ("USTADZ/MUBALIGH", "Islamic teacher / preacher"),
    ("JURU MASAK", "Cook"),
    ("PROMOTOR ACARA", "Event promoter"),
    (
        "ANGGOTA DPR-RI",
        "Member of the House of Representatives (DPR-RI)",
    ),
    (
        "ANGGOTA DPD",
        "Member of the Regional Representative Council (DPD)",
    ),
    ("ANGGOTA BPK", "Member of the Audit Board (BPK)"),
    ("PRESIDEN", "President"),
    ("WAKIL PRESIDEN", "Vice President"),
    (
        "ANGGOTA MAHKAMAH KONSTITUSI",
        "Constitutional Court justice",
    ),
    ("ANGGOTA KABINET KEMENTERIAN", "Cabinet minister"),
    ("DUTA BESAR", "Ambassador"),
    ("GUBERNUR", "Governor"),
    ("WAKIL GUBERNUR", "Vice governor"),
    ("BUPATI", "Regent (bupati)"),
    ("WAKIL BUPATI", "Vice regent"),
    ("WALIKOTA", "Mayor"),
    ("WAKIL WALIKOTA", "Vice mayor"),
    (
        "ANGGOTA DPRD PROVINSI",
        "Member of a provincial council (DPRD)",
    ),
    (
        "ANGGOTA DPRD KABUPATEN/KOTA",
        "Member of a regency/city council (DPRD)",
    ),
    ("DOSEN", "Lecturer"),
    ("GURU", "Teacher"),
    ("PILOT", "Pilot"),
    ("PENGACARA", "Lawyer"),
    ("NOTARIS", "Notary"),
    ("ARSITEK", "Architect"),
    ("AKUNTAN", "Accountant"),
    ("KONSULTAN", "Consultant"),
    ("DOKTER", "Physician"),
    ("BIDAN", "Midwife"),
    ("PERAWAT", "Nurse"),
    ("APOTEKER", "Pharmacist"),
    ("PSIKIATER/PSIKOLOG", "Psychiatrist / psychologist"),
    ("PENYIAR TELEVISI", "Television presenter"),
    ("PENYIAR RADIO", "Radio presenter"),
    ("PELAUT", "Seafarer"),
    ("PENELITI", "Researcher"),
    ("SOPIR", "Driver"),
    ("PIALANG", "Broker"),
    ("PARANORMAL", "Paranormal"),
    ("PEDAGANG", "Trader / merchant"),
    ("PERANGKAT DESA", "Village official"),
    ("KEPALA DESA", "Village head"),
    ("BIARAWATI", "Nun"),
    ("WIRASWASTA", "Self-employed"),
    ("LAINNYA", "Other"),
];

/// An occupation from the SIAK list, identified by its official number 1..=89.
///
/// A number rather than 89 enum variants: the number is what SIAK stores and what the form
/// carries (as a decimal string), and the table above keeps the list reviewable line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Occupation(u8);

impl Occupation {
    /// Number of entries in the official list.
    pub const COUNT: u8 = 89;

    /// The entry with SIAK number `number`, if it is 1..=89.
    pub const fn from_number(number: u8) -> Option<Occupation> {
        if number >= 1 && number <= Self::COUNT {
            Some(Occupation(number))
        } else {
            None
        }
    }

    /// Every entry, in official order.
    pub fn all() -> impl Iterator<Item = Occupation> {
        (1..=Self::COUNT).map(Occupation)
    }

    /// The official SIAK number (1..=89).
    pub const fn number(self) -> u8 {
        self.0
    }

    /// The official Indonesian label.
    pub const fn label_id(self) -> &'static str {
        TABLE[self.0 as usize - 1].0
    }

    /// The English label.
    pub const fn label_en(self) -> &'static str {
        TABLE[self.0 as usize - 1].1
    }

    pub const fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_id(), self.label_en())
    }

    /// Reads the wire form (the number as decimal text, e.g. `"88"`) or an official label in any
    /// case.
    pub fn parse(text: &str) -> Option<Occupation> {
        let text = text.trim();
        if let Ok(n) = text.parse::<u8>() {
            return Occupation::from_number(n);
        }
        Occupation::all().find(|o| o.label_id().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for Occupation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_follows_the_official_order() {
        let check = |n: u8, label: &str| {
            assert_eq!(
                Occupation::from_number(n).map(Occupation::label_id),
                Some(label)
            )
        };
        check(1, "BELUM/TIDAK BEKERJA");
        check(9, "PETANI/PEKEBUN");
        check(48, "ANGGOTA DPR-RI");
        check(88, "WIRASWASTA");
        check(89, "LAINNYA");
        assert_eq!(Occupation::from_number(0), None);
        assert_eq!(Occupation::from_number(90), None);
        assert_eq!(Occupation::all().count(), 89);
    }

    #[test]
    fn parse_takes_number_or_label() {
        assert_eq!(Occupation::parse("88").map(Occupation::number), Some(88));
        assert_eq!(
            Occupation::parse("petani/pekebun").map(Occupation::number),
            Some(9)
        );
        assert_eq!(Occupation::parse("0"), None);
        assert_eq!(Occupation::parse("ASTRONOT"), None);
    }

    #[test]
    fn labels_are_unique() {
        let mut labels: Vec<_> = Occupation::all().map(Occupation::label_id).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), 89);
    }
}
