//! Checks on a biometric recording before anything is stored: every finger accounted for, every
//! template a valid wire-form template, face and signature real images within their limits.

use crate::api::{
    BiometricSubmission, FieldError, FingerResult, LowQualityReason, MissingFingerReason,
    FINGER_POSITIONS,
};
use crate::validation::{sniff, FieldCode};
use base64::Engine as _;
use biometrics::params::RECAPTURE_BELOW_QUALITY;
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
        /// Why a print below the recapture threshold was kept (always set for one).
        kept_below_threshold: Option<LowQualityReason>,
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
    // What is missing is decided by the rule the tablet applies before sending.
    let positions: Vec<u8> = sub.fingers.iter().map(|f| f.position).collect();
    let gaps = recording_gaps(
        &positions,
        !sub.face_jpeg_base64.is_empty(),
        !sub.signature_png_base64.is_empty(),
    );
    let mut fingers = Vec::with_capacity(10);
    for position in FINGER_POSITIONS {
        let gap = RecordingGap::Finger(position);
        if gaps.contains(&gap) {
            push(gap.field_path(), gap.code());
            continue;
        }
        // Not a gap: the position has exactly one entry.
        let Some(entry) = sub.fingers.iter().find(|f| f.position == position) else {
            continue;
        };
        let field = format!("fingers.{position}");
        match &entry.capture {
            FingerResult::Exception { reason } => fingers.push(ValidFinger::Exception {
                position,
                reason: *reason,
            }),
            FingerResult::Template {
                template_base64,
                quality,
                kept_below_threshold,
            } => {
                let decoded = b64
                    .decode(template_base64)
                    .ok()
                    .filter(|bytes| wire::decode(bytes).is_ok());
                match decoded {
                    // A print the engine rates as likely to miss a match is kept only by an
                    // explicit choice with a reason.
                    Some(_)
                        if *quality < RECAPTURE_BELOW_QUALITY && kept_below_threshold.is_none() =>
                    {
                        push(field, FieldCode::LowQualityNotConfirmed)
                    }
                    Some(template) if *quality <= 100 => fingers.push(ValidFinger::Template {
                        position,
                        template,
                        quality: *quality,
                        kept_below_threshold: *kept_below_threshold,
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
    let image = |gap: RecordingGap, text: &str, expected_type: &str, max_bytes: usize| {
        if gaps.contains(&gap) {
            Err(gap.code())
        } else {
            image_field(text, expected_type, max_bytes)
        }
    };
    let face = image(
        RecordingGap::Face,
        &sub.face_jpeg_base64,
        "image/jpeg",
        FACE_MAX_BYTES,
    );
    if let Err(code) = &face {
        push(RecordingGap::Face.field_path(), *code);
    }
    let signature = image(
        RecordingGap::Signature,
        &sub.signature_png_base64,
        "image/png",
        SIGNATURE_MAX_BYTES,
    );
    if let Err(code) = &signature {
        push(RecordingGap::Signature.field_path(), *code);
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

/// A part a recording still lacks. The tablet lists these before sending (to say what is left
/// to do) and [`validate_recording`] reports them on receipt, from the one rule in
/// [`recording_gaps`], so the two cannot disagree on what a complete recording is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordingGap {
    /// The finger at this ISO position (1-10) has neither a template nor a recorded reason, or
    /// more than one entry.
    Finger(u8),
    Face,
    Signature,
}

impl RecordingGap {
    /// The field path the API reports it under: `fingers.<position>`, `face`, `signature`.
    pub fn field_path(self) -> String {
        match self {
            RecordingGap::Finger(position) => format!("fingers.{position}"),
            RecordingGap::Face => "face".to_string(),
            RecordingGap::Signature => "signature".to_string(),
        }
    }

    /// The code the API reports it with.
    pub const fn code(self) -> FieldCode {
        match self {
            RecordingGap::Finger(_) => FieldCode::FingerprintMissing,
            RecordingGap::Face | RecordingGap::Signature => FieldCode::Required,
        }
    }
}

/// What a recording lacks, fingers in position order, then the face, then the signature.
/// `accounted_fingers` holds the position of each finger entry (a template or a recorded
/// reason); a position must appear exactly once. Only presence is checked here: whether a
/// template or an image is valid is for [`validate_recording`].
pub fn recording_gaps(
    accounted_fingers: &[u8],
    has_face: bool,
    has_signature: bool,
) -> Vec<RecordingGap> {
    let mut gaps: Vec<RecordingGap> = FINGER_POSITIONS
        .filter(|p| accounted_fingers.iter().filter(|a| *a == p).count() != 1)
        .map(RecordingGap::Finger)
        .collect();
    if !has_face {
        gaps.push(RecordingGap::Face);
    }
    if !has_signature {
        gaps.push(RecordingGap::Signature);
    }
    gaps
}

/// A signature as sent (PNG as base64) within [`SIGNATURE_MAX_BYTES`]: the recording's and the
/// card handover's, one rule.
pub fn signature_png(text: &str) -> Result<Vec<u8>, FieldCode> {
    image_field(text, "image/png", SIGNATURE_MAX_BYTES)
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
                            kept_below_threshold: None,
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
    fn gaps_are_fingers_without_exactly_one_entry_then_face_then_signature() {
        use RecordingGap::{Face, Finger, Signature};
        let all: Vec<u8> = (1..=10).collect();
        assert_eq!(recording_gaps(&all, true, true), vec![]);
        assert_eq!(
            recording_gaps(&[], false, false),
            (1..=10)
                .map(Finger)
                .chain([Face, Signature])
                .collect::<Vec<_>>()
        );
        let twice_five_no_two: Vec<u8> = [1, 3, 4, 5, 5, 6, 7, 8, 9, 10].to_vec();
        assert_eq!(
            recording_gaps(&twice_five_no_two, true, false),
            vec![Finger(2), Finger(5), Signature]
        );
        // A position outside 1-10 accounts for no finger.
        assert_eq!(
            recording_gaps(&[0, 11, 2, 3, 4, 5, 6, 7, 8, 9, 10], true, true),
            vec![Finger(1)]
        );
        assert_eq!(Finger(3).field_path(), "fingers.3");
        assert_eq!(Face.field_path(), "face");
        assert_eq!(Signature.code(), FieldCode::Required);
    }

    #[test]
    fn validation_reports_exactly_the_gaps_of_an_incomplete_recording() {
        let mut sub = complete();
        sub.fingers.retain(|f| f.position != 7 && f.position != 9);
        sub.face_jpeg_base64 = String::new();
        let positions: Vec<u8> = sub.fingers.iter().map(|f| f.position).collect();
        let gaps = recording_gaps(&positions, false, true);
        let expected: Vec<(String, FieldCode)> =
            gaps.iter().map(|g| (g.field_path(), g.code())).collect();
        let got: Vec<(String, FieldCode)> = validate_recording(&sub)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(got, expected);
        assert_eq!(expected.len(), 3);
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
            kept_below_threshold: None,
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

    #[test]
    fn a_print_below_the_recapture_threshold_needs_a_reason_to_be_kept() {
        let low = RECAPTURE_BELOW_QUALITY - 1;
        let mut sub = complete();
        sub.fingers[1].capture = FingerResult::Template {
            template_base64: template_b64(),
            quality: low,
            kept_below_threshold: None,
        };
        check(&sub, &[("fingers.2", FieldCode::LowQualityNotConfirmed)]);
        sub.fingers[1].capture = FingerResult::Template {
            template_base64: template_b64(),
            quality: low,
            kept_below_threshold: Some(LowQualityReason::WornRidges),
        };
        let valid = validate_recording(&sub).expect("kept with a reason");
        assert!(matches!(
            valid.fingers[1],
            ValidFinger::Template {
                quality,
                kept_below_threshold: Some(LowQualityReason::WornRidges),
                ..
            } if quality == low
        ));
    }
}
