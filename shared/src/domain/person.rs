//! The short SIAK code lists printed on the card: sex, religion, marital status, blood type, citizenship.

use super::code_list::code_list;

code_list! {
    /// Sex as SIAK records it (two values).
    pub enum Sex {
        Male = ("laki_laki", "LAKI-LAKI", "Male"),
        Female = ("perempuan", "PEREMPUAN", "Female"),
    }
}

code_list! {
    /// The seven religion entries of SIAK, official spelling kept ("KATHOLIK", "BUDHA").
    pub enum Religion {
        Islam = ("islam", "ISLAM", "Islam"),
        Kristen = ("kristen", "KRISTEN", "Christianity (Protestant)"),
        Katholik = ("katholik", "KATHOLIK", "Catholicism"),
        Hindu = ("hindu", "HINDU", "Hinduism"),
        Budha = ("budha", "BUDHA", "Buddhism"),
        Khonghucu = ("khonghucu", "KHONGHUCU", "Confucianism"),
        Kepercayaan = ("kepercayaan", "KEPERCAYAAN TERHADAP TUHAN YME", "Indigenous belief (Kepercayaan)"),
    }
}

code_list! {
    /// The five marital statuses of SIAK. Anything but `BelumKawin` makes a resident eligible
    /// regardless of age (UU 24/2013 art. 63(1)).
    pub enum MaritalStatus {
        BelumKawin = ("belum_kawin", "BELUM KAWIN", "Never married"),
        KawinTercatat = ("kawin_tercatat", "KAWIN TERCATAT", "Married (registered)"),
        KawinBelumTercatat = ("kawin_belum_tercatat", "KAWIN BELUM TERCATAT", "Married (not registered)"),
        CeraiHidup = ("cerai_hidup", "CERAI HIDUP", "Divorced"),
        CeraiMati = ("cerai_mati", "CERAI MATI", "Widowed"),
    }
}

impl MaritalStatus {
    /// Married now or before: the age-independent ground of eligibility.
    pub const fn ever_married(self) -> bool {
        !matches!(self, MaritalStatus::BelumKawin)
    }
}

code_list! {
    /// The 13 blood-type entries of SIAK, including "TIDAK TAHU" (unknown).
    pub enum BloodType {
        A = ("a", "A", "A"),
        B = ("b", "B", "B"),
        Ab = ("ab", "AB", "AB"),
        O = ("o", "O", "O"),
        APos = ("a_pos", "A+", "A+"),
        ANeg = ("a_neg", "A-", "A-"),
        BPos = ("b_pos", "B+", "B+"),
        BNeg = ("b_neg", "B-", "B-"),
        AbPos = ("ab_pos", "AB+", "AB+"),
        AbNeg = ("ab_neg", "AB-", "AB-"),
        OPos = ("o_pos", "O+", "O+"),
        ONeg = ("o_neg", "O-", "O-"),
        Unknown = ("tidak_tahu", "TIDAK TAHU", "Unknown"),
    }
}

code_list! {
    /// Citizenship. Form F-1.21 is for citizens; foreigners with a permanent stay permit use
    /// another form, so validation refuses `Wna` here while the type still names it.
    pub enum Citizenship {
        Wni = ("wni", "WNI", "Indonesian citizen"),
        Wna = ("wna", "WNA", "Foreign national"),
    }
}

code_list! {
    /// Why the resident applies (a superset of the types on F-1.21 and F-1.02).
    pub enum ApplicationType {
        Baru = ("baru", "BARU", "New card"),
        Hilang = ("hilang", "PENGGANTIAN KARENA HILANG", "Replacement (lost)"),
        Rusak = ("rusak", "PENGGANTIAN KARENA RUSAK", "Replacement (damaged)"),
        PerubahanData = ("perubahan_data", "PERUBAHAN DATA", "Change of data"),
        PindahDatang = ("pindah_datang", "PINDAH DATANG", "Moving in"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn list_sizes_match_siak() {
        assert_eq!(Sex::ALL.len(), 2);
        assert_eq!(Religion::ALL.len(), 7);
        assert_eq!(MaritalStatus::ALL.len(), 5);
        assert_eq!(BloodType::ALL.len(), 13);
        assert_eq!(ApplicationType::ALL.len(), 5);
    }

    #[test]
    fn parse_accepts_code_or_label_in_any_case() {
        assert_eq!(Sex::parse("perempuan"), Some(Sex::Female));
        assert_eq!(Sex::parse(" Laki-Laki "), Some(Sex::Male));
        assert_eq!(BloodType::parse("AB-"), Some(BloodType::AbNeg));
        assert_eq!(BloodType::parse("ab_neg"), Some(BloodType::AbNeg));
        assert_eq!(
            Religion::parse("kepercayaan terhadap tuhan yme"),
            Some(Religion::Kepercayaan)
        );
        assert_eq!(Sex::parse("pria"), None);
        assert_eq!(BloodType::parse(""), None);
    }

    #[test]
    fn codes_and_labels_are_unique_within_each_list() {
        fn unique(items: &[(&str, &str)]) {
            for (i, a) in items.iter().enumerate() {
                for b in &items[i + 1..] {
                    assert_ne!(a.0, b.0);
                    assert_ne!(a.1, b.1);
                }
            }
        }
        unique(
            &BloodType::ALL
                .iter()
                .map(|v| (v.code(), v.label_id()))
                .collect::<Vec<_>>(),
        );
        unique(
            &Religion::ALL
                .iter()
                .map(|v| (v.code(), v.label_id()))
                .collect::<Vec<_>>(),
        );
        unique(
            &MaritalStatus::ALL
                .iter()
                .map(|v| (v.code(), v.label_id()))
                .collect::<Vec<_>>(),
        );
    }

    #[test]
    fn only_belum_kawin_is_never_married() {
        let never: Vec<_> = MaritalStatus::ALL
            .iter()
            .filter(|m| !m.ever_married())
            .collect();
        assert_eq!(never, [&MaritalStatus::BelumKawin]);
    }

    #[test]
    fn labels_follow_language() {
        assert_eq!(Sex::Female.label(Lang::Id), "PEREMPUAN");
        assert_eq!(Sex::Female.label(Lang::En), "Female");
    }
}
