//! Checks on a biometric recording before anything is stored: every finger accounted for, every
//! template a valid wire-form template, face and signature real images within their limits.

use crate::api::{
    BiometricSubmission, FieldError, FingerResult, MissingFingerReason, FINGER_POSITIONS,
};
use crate::validation::{sniff, FieldCode};
use base64::Engine as _;
use biometrics::template::wire;

pub const FACE_MAX_BYTES: usize = 300 * 1024;
pub const SIGNATURE_MAX_BYTES: usize = 100 * 1024;

/// A recording whose every part was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRecording {
    /// Positions 1-10 in order.
    pub fingers: Vec<ValidFinger>,
    pub face_jpeg: Vec<u8>,
    pub signature_png: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidFinger {
    /// The wire-form template bytes (validated) and the image quality.
    Template {
        position: u8,
        template: Vec<u8>,
        quality: u8,
    },
    Exception {
        position: u8,
        reason: MissingFingerReason,
    },
}

/// Every problem with a recording, as `(field path, code)`: `fingers.<position>`, `fingers`,
/// `face`, `signature`, `idempotency_key`.
pub fn validate_recording(sub: &BiometricSubmission) -> Result<ValidRecording, Vec<FieldError>> {
    let mut problems = Vec::new();
    let mut push = |field: String, code| problems.push(FieldError { field, code });
    let b64 = base64::engine::general_purpose::STANDARD;

    if !is_idempotency_key(&sub.idempotency_key) {
        push("idempotency_key".into(), FieldCode::Required);
    }
    let mut fingers = Vec::with_capacity(10);
    for position in FINGER_POSITIONS {
        let field = format!("fingers.{position}");
        let mut entries = sub.fingers.iter().filter(|f| f.position == position);
        let (Some(entry), None) = (entries.next(), entries.next()) else {
            push(field, FieldCode::FingerprintMissing);
            continue;
        };
        match &entry.capture {
            FingerResult::Exception { reason } => fingers.push(ValidFinger::Exception {
                position,
                reason: *reason,
            }),
            FingerResult::Template {
                template_base64,
                quality,
            } => {
                let decoded = b64
                    .decode(template_base64)
                    .ok()
                    .filter(|bytes| wire::decode(bytes).is_ok());
                match decoded {
                    Some(template) if *quality <= 100 => fingers.push(ValidFinger::Template {
                        position,
                        template,
                        quality: *quality,
                    }),
                    _ => push(field, FieldCode::FingerprintInvalid),
                }
            }
        }
    }
    if sub
        .fingers
        .iter()
        .any(|f| !FINGER_POSITIONS.contains(&f.position))
    {
        push("fingers".into(), FieldCode::FingerprintInvalid);
    }
    if !fingers.is_empty()
        && !fingers
            .iter()
            .any(|f| matches!(f, ValidFinger::Template { .. }))
    {
        // 1:N identification needs at least one print; someone with none is enrolled by other means.
        push("fingers".into(), FieldCode::NoUsableFingerprint);
    }
    let face = image_field(&sub.face_jpeg_base64, "image/jpeg", FACE_MAX_BYTES);
    if let Err(code) = &face {
        push("face".into(), *code);
    }
    let signature = image_field(&sub.signature_png_base64, "image/png", SIGNATURE_MAX_BYTES);
    if let Err(code) = &signature {
        push("signature".into(), *code);
    }
    match (face, signature) {
        (Ok(face_jpeg), Ok(signature_png)) if problems.is_empty() => Ok(ValidRecording {
            fingers,
            face_jpeg,
            signature_png,
        }),
        _ => Err(problems),
    }
}

fn image_field(text: &str, expected_type: &str, max_bytes: usize) -> Result<Vec<u8>, FieldCode> {
    if text.is_empty() {
        return Err(FieldCode::Required);
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| FieldCode::AttachmentFileType)?;
    if sniff(&bytes) != Some(expected_type) {
        return Err(FieldCode::AttachmentFileType);
    }
    if bytes.len() > max_bytes {
        return Err(FieldCode::AttachmentTooLarge);
    }
    Ok(bytes)
}

/// Keys are random tokens made by clients: 16-128 characters of letters, digits, `-` and `_`.
pub fn is_idempotency_key(key: &str) -> bool {
    (16..=128).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::FingerCapture;
    use biometrics::{Minutia, MinutiaKind, Template};

    fn template_b64() -> String {
        let t = Template {
            width: 300,
            height: 400,
            quality: 60,
            minutiae: (0..20)
                .map(|i| Minutia {
                    x: 10 + i * 12,
                    y: 20 + i * 15,
                    direction: (i * 9) as u8,
                    kind: MinutiaKind::Ending,
                })
                .collect(),
        };
        base64::engine::general_purpose::STANDARD.encode(wire::encode(&t))
    }

    fn b64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    fn complete() -> BiometricSubmission {
        BiometricSubmission {
            idempotency_key: "rec-0123456789abcdef".into(),
            fingers: (1..=10)
                .map(|position| FingerCapture {
                    position,
                    capture: if position == 4 {
                        FingerResult::Exception {
                            reason: MissingFingerReason::Bandaged,
                        }
                    } else {
                        FingerResult::Template {
                            template_base64: template_b64(),
                            quality: 70,
                        }
                    },
                })
                .collect(),
            face_jpeg_base64: b64(&[0xFF, 0xD8, 0xFF, 0xE0, 1, 2]),
            signature_png_base64: b64(b"\x89PNG\r\n\x1a\n...."),
        }
    }

    fn check(sub: &BiometricSubmission, expected: &[(&str, FieldCode)]) {
        let got = match validate_recording(sub) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
        };
        let expected: Vec<(String, FieldCode)> =
            expected.iter().map(|(f, c)| (f.to_string(), *c)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn complete_recording_with_an_exception_is_valid() {
        let valid = validate_recording(&complete()).unwrap();
        assert_eq!(valid.fingers.len(), 10);
        assert!(matches!(
            valid.fingers[3],
            ValidFinger::Exception { position: 4, .. }
        ));
    }

    #[test]
    fn missing_duplicate_and_corrupt_fingers_are_each_reported() {
        let mut sub = complete();
        sub.fingers.retain(|f| f.position != 2);
        sub.fingers.push(FingerCapture {
            position: 5,
            capture: FingerResult::Exception {
                reason: MissingFingerReason::Scarred,
            },
        });
        sub.fingers[0].capture = FingerResult::Template {
            template_base64: b64(b"RKT\x01garbage"),
            quality: 50,
        };
        check(
            &sub,
            &[
                ("fingers.1", FieldCode::FingerprintInvalid),
                ("fingers.2", FieldCode::FingerprintMissing),
                ("fingers.5", FieldCode::FingerprintMissing),
            ],
        );
    }

    #[test]
    fn all_exceptions_leave_nothing_to_identify_with() {
        let mut sub = complete();
        for f in &mut sub.fingers {
            f.capture = FingerResult::Exception {
                reason: MissingFingerReason::Amputated,
            };
        }
        check(&sub, &[("fingers", FieldCode::NoUsableFingerprint)]);
    }

    #[test]
    fn face_and_signature_must_be_the_right_images() {
        let mut sub = complete();
        sub.face_jpeg_base64 = b64(b"\x89PNG\r\n\x1a\n");
        sub.signature_png_base64 = String::new();
        sub.idempotency_key = "short".into();
        check(
            &sub,
            &[
                ("idempotency_key", FieldCode::Required),
                ("face", FieldCode::AttachmentFileType),
                ("signature", FieldCode::Required),
            ],
        );
    }
}
