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

/// JSON: `{"position": 2, "kind": "template", "template_base64": "...", "quality": 71}` or
/// `{"position": 3, "kind": "exception", "reason": "bandaged"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FingerResult {
    /// The wire-form template (`biometrics::template::wire`), base64, with its image quality 0-100.
    Template {
        template_base64: String,
        quality: u8,
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

/// The answer to a recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordingResponse {
    pub stage: crate::lifecycle::Stage,
    pub registration_code: String,
}
