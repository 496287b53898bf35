//! The biometric recording a kecamatan tablet sends: fingerprint templates (never images), the
//! face photo and the signature. `POST /api/staff/applications/{id}/biometrics`.

use serde::{Deserialize, Serialize};

/// ISO/IEC 19794-2 finger positions: 1 right thumb ... 5 right little, 6 left thumb ... 10 left little.
pub const FINGER_POSITIONS: std::ops::RangeInclusive<u8> = 1..=10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BiometricSubmission {
    /// Random per recording, generated on the tablet: the outbox may send it more than once.
    pub idempotency_key: String,
    /// Exactly one entry per finger position 1-10.
    pub fingers: Vec<FingerCapture>,
    /// Base64 JPEG of the face, taken at the kecamatan.
    pub face_jpeg_base64: String,
    /// Base64 PNG of the signature drawn on the tablet.
    pub signature_png_base64: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FingerCapture {
    pub position: u8,
    #[serde(flatten)]
    pub capture: FingerResult,
}

/// JSON: `{"position": 2, "kind": "template", "template_base64": "...", "quality": 71}` (with
/// `"kept_below_threshold": "worn_ridges"` when the quality is under the recapture threshold and
/// the operator kept it) or `{"position": 3, "kind": "exception", "reason": "bandaged"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FingerResult {
    /// The wire-form template (`biometrics::template::wire`), base64, with its image quality 0-100.
    Template {
        template_base64: String,
        quality: u8,
        /// Required when `quality` is below `biometrics::params::RECAPTURE_BELOW_QUALITY`: the
        /// operator's reason for keeping this print instead of scanning it again.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kept_below_threshold: Option<LowQualityReason>,
    },
    /// No usable print of this finger, with the reason recorded.
    Exception { reason: MissingFingerReason },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingFingerReason {
    Amputated,
    Bandaged,
    Scarred,
}

impl MissingFingerReason {
    pub const ALL: [MissingFingerReason; 3] = [
        MissingFingerReason::Amputated,
        MissingFingerReason::Bandaged,
        MissingFingerReason::Scarred,
    ];

    pub const fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            MissingFingerReason::Amputated => {
                lang.pick("Diamputasi / tidak ada", "Amputated / missing")
            }
            MissingFingerReason::Bandaged => lang.pick("Diperban", "Bandaged"),
            MissingFingerReason::Scarred => lang.pick("Luka / bekas luka", "Scarred or injured"),
        }
    }
}

/// Why a print below the recapture threshold was kept rather than scanned again: the operator
/// chooses one at the desk, and it is stored with the recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LowQualityReason {
    /// The ridges are worn (age, manual work): a rescan gives no better print.
    WornRidges,
    /// Skin too dry, wet or cracked, and cleaning or moistening did not help.
    SkinCondition,
    /// Scanned again several times; this was the best print.
    BestOfSeveralScans,
}

impl LowQualityReason {
    pub const ALL: [LowQualityReason; 3] = [
        LowQualityReason::WornRidges,
        LowQualityReason::SkinCondition,
        LowQualityReason::BestOfSeveralScans,
    ];

    pub const fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            LowQualityReason::WornRidges => lang.pick(
                "Guratan sidik jari aus (usia, pekerjaan berat)",
                "Worn ridges (age, manual work)",
            ),
            LowQualityReason::SkinCondition => lang.pick(
                "Kulit terlalu kering/basah, tidak membaik",
                "Skin too dry or wet, not improving",
            ),
            LowQualityReason::BestOfSeveralScans => lang.pick(
                "Sudah dipindai ulang beberapa kali, ini yang terbaik",
                "Scanned again several times; this is the best",
            ),
        }
    }
}

/// The answer to a recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordingResponse {
    pub stage: crate::lifecycle::Stage,
    pub registration_code: String,
}
