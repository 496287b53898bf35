//! The documents an application needs, by application type.

use crate::domain::ApplicationType;
use serde::{Deserialize, Serialize};

/// A supporting document. JSON: snake_case strings (`"cover_letter"`, `"photo_3x4"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    /// Cover letter (surat pengantar) from the desa/kelurahan, acknowledged by the kecamatan.
    CoverLetter,
    /// 3x4 photo for form F-1.21.
    #[serde(rename = "photo_3x4")]
    Photo3x4,
    /// The old KTP, handed in.
    OldKtp,
    /// Copy of the family card (KK).
    KkCopy,
    /// Police loss report (surat keterangan kehilangan).
    PoliceLossReport,
    /// The damaged card itself.
    DamagedCard,
    /// Proof of the changed data (e.g. marriage certificate, diploma, court order).
    ProofOfDataChange,
    /// Moving certificate (Surat Keterangan Pindah WNI).
    Skpwni,
}

impl AttachmentKind {
    pub const ALL: [AttachmentKind; 8] = [
        AttachmentKind::CoverLetter,
        AttachmentKind::Photo3x4,
        AttachmentKind::OldKtp,
        AttachmentKind::KkCopy,
        AttachmentKind::PoliceLossReport,
        AttachmentKind::DamagedCard,
        AttachmentKind::ProofOfDataChange,
        AttachmentKind::Skpwni,
    ];

    /// The serialised name, also the multipart part name and the storage key segment.
    pub const fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::CoverLetter => "cover_letter",
            AttachmentKind::Photo3x4 => "photo_3x4",
            AttachmentKind::OldKtp => "old_ktp",
            AttachmentKind::KkCopy => "kk_copy",
            AttachmentKind::PoliceLossReport => "police_loss_report",
            AttachmentKind::DamagedCard => "damaged_card",
            AttachmentKind::ProofOfDataChange => "proof_of_data_change",
            AttachmentKind::Skpwni => "skpwni",
        }
    }

    /// The kind with this name.
    pub fn parse(text: &str) -> Option<AttachmentKind> {
        AttachmentKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Indonesian and English name for document checklists.
    pub const fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use AttachmentKind::*;
        match self {
            CoverLetter => lang.pick(
                "Surat pengantar desa/kelurahan diketahui kecamatan",
                "Cover letter from the desa/kelurahan, acknowledged by the kecamatan",
            ),
            Photo3x4 => lang.pick("Pas foto 3x4", "3x4 photo"),
            OldKtp => lang.pick("KTP lama", "Old identity card (KTP)"),
            KkCopy => lang.pick("Fotokopi Kartu Keluarga", "Copy of the family card (KK)"),
            PoliceLossReport => lang.pick(
                "Surat keterangan kehilangan dari kepolisian",
                "Police loss report",
            ),
            DamagedCard => lang.pick("KTP-el yang rusak", "The damaged card"),
            ProofOfDataChange => lang.pick("Bukti perubahan data", "Proof of the data change"),
            Skpwni => lang.pick(
                "Surat Keterangan Pindah WNI (SKPWNI)",
                "Moving certificate (SKPWNI)",
            ),
        }
    }
}

/// Documents required for an application type.
///
/// Every type needs the cover letter, the photo and the KK copy (seed requirements). A first card
/// (`Baru`) needs no old KTP: a 17-year-old has none, and a holder of an old paper KTP hands it in
/// when collecting (not a precondition). Replacements bring the evidence of loss or the damaged
/// card; a data change and a move-in hand in the old card with their proof.
pub const fn required_attachments(kind: ApplicationType) -> &'static [AttachmentKind] {
    use AttachmentKind::*;
    match kind {
        ApplicationType::Baru => &[CoverLetter, Photo3x4, KkCopy],
        ApplicationType::Hilang => &[CoverLetter, Photo3x4, KkCopy, PoliceLossReport],
        ApplicationType::Rusak => &[CoverLetter, Photo3x4, KkCopy, DamagedCard],
        ApplicationType::PerubahanData => {
            &[CoverLetter, Photo3x4, KkCopy, OldKtp, ProofOfDataChange]
        }
        ApplicationType::PindahDatang => &[CoverLetter, Photo3x4, KkCopy, OldKtp, Skpwni],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kind: ApplicationType, expected: &[AttachmentKind]) {
        assert_eq!(required_attachments(kind), expected, "{kind:?}");
    }

    #[test]
    fn each_type_needs_its_evidence() {
        use AttachmentKind::*;
        check(ApplicationType::Baru, &[CoverLetter, Photo3x4, KkCopy]);
        check(
            ApplicationType::Hilang,
            &[CoverLetter, Photo3x4, KkCopy, PoliceLossReport],
        );
        check(
            ApplicationType::Rusak,
            &[CoverLetter, Photo3x4, KkCopy, DamagedCard],
        );
        check(
            ApplicationType::PerubahanData,
            &[CoverLetter, Photo3x4, KkCopy, OldKtp, ProofOfDataChange],
        );
        check(
            ApplicationType::PindahDatang,
            &[CoverLetter, Photo3x4, KkCopy, OldKtp, Skpwni],
        );
    }

    #[test]
    fn json_names_are_stable() {
        let json = serde_json::to_string(&AttachmentKind::ALL).unwrap();
        assert_eq!(
            json,
            r#"["cover_letter","photo_3x4","old_ktp","kk_copy","police_loss_report","damaged_card","proof_of_data_change","skpwni"]"#
        );
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn as_str_is_the_serialised_name_and_parses_back() {
        for kind in AttachmentKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
            assert_eq!(AttachmentKind::parse(kind.as_str()), Some(kind));
        }
    }
}
