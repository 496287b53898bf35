//! The recording being made, as data: ten finger slots, the face photo and the signature, plus
//! the idempotency key of the eventual submission. Saved to the device after every change (so a
//! session expiry or a reload loses nothing) — templates only: fingerprint images are never
//! stored or sent.

use crate::staff::{store, store::Store};
use serde::{Deserialize, Serialize};
use shared::api::{
    BiometricSubmission, FingerCapture, FingerResult, LowQualityReason, MissingFingerReason,
    FINGER_POSITIONS,
};
use shared::validation::{recording_gaps, RecordingGap};

/// Below this image quality (0-100, from the engine) the operator is asked to scan the finger
/// again: the engine's gate, set from its error-versus-reject curve on FVC2002 (the lowest 5 % of
/// impressions, whose rejection more than halves FNMR at FMR 0.1 %).
pub use biometrics::params::RECAPTURE_BELOW_QUALITY;

/// One finger slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Finger {
    Empty,
    /// The worker is reading the image (never saved: a reload shows the slot empty).
    Extracting,
    /// A template, with what the operator needs to judge it.
    Captured {
        template_base64: String,
        quality: u8,
        minutiae: u32,
        millis: f64,
        /// The operator's reason for keeping a print below the recapture threshold.
        #[serde(default)]
        kept: Option<LowQualityReason>,
    },
    /// The file was not a readable fingerprint image.
    Unreadable,
    /// No print possible, for a recorded reason.
    Missing(MissingFingerReason),
}

impl Finger {
    /// Done: a template (one below the recapture threshold only once the operator chose to keep
    /// it, with a reason) or a reason why there is none.
    pub fn is_done(&self) -> bool {
        match self {
            Finger::Captured { kept, .. } => !self.needs_recapture() || kept.is_some(),
            Finger::Missing(_) => true,
            _ => false,
        }
    }

    pub fn needs_recapture(&self) -> bool {
        matches!(self, Finger::Captured { quality, .. } if *quality < RECAPTURE_BELOW_QUALITY)
    }

    /// Below the threshold and neither scanned again nor kept with a reason yet.
    pub fn awaits_choice(&self) -> bool {
        self.needs_recapture() && !self.is_done()
    }
}

/// The finger whose slot takes the keyboard focus after a print was loaded into `position`: the
/// next one in finger order that still has no print (empty or unreadable), wrapping round to an
/// earlier one left out; `None` once every finger is handled (the face photo is next). A scanner
/// operator so loads ten prints pressing one key per finger, without the mouse.
pub fn next_to_scan(position: u8, fingers: &[Finger]) -> Option<u8> {
    let wants_print = |p: u8| {
        matches!(
            fingers.get(usize::from(p) - 1),
            Some(Finger::Empty | Finger::Unreadable)
        )
    };
    (position + 1..=10)
        .chain(1..position)
        .find(|&p| wants_print(p))
}

/// The finger names by ISO position (1 right thumb ... 10 left little), Indonesian and English.
pub const FINGER_NAMES: [(&str, &str); 10] = [
    ("Ibu jari kanan", "Right thumb"),
    ("Telunjuk kanan", "Right index"),
    ("Jari tengah kanan", "Right middle"),
    ("Jari manis kanan", "Right ring"),
    ("Kelingking kanan", "Right little"),
    ("Ibu jari kiri", "Left thumb"),
    ("Telunjuk kiri", "Left index"),
    ("Jari tengah kiri", "Left middle"),
    ("Jari manis kiri", "Left ring"),
    ("Kelingking kiri", "Left little"),
];

/// The whole recording in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordingDraft {
    pub idempotency_key: String,
    /// Positions 1-10 in order.
    pub fingers: Vec<Finger>,
    pub face_jpeg_base64: Option<String>,
    pub signature_png_base64: Option<String>,
}

/// What is still missing, by the rule the server validates with (`shared`'s `recording_gaps`).
pub fn missing_parts(d: &RecordingDraft) -> Vec<RecordingGap> {
    let accounted: Vec<u8> = FINGER_POSITIONS
        .zip(&d.fingers)
        .filter(|(_, f)| f.is_done())
        .map(|(p, _)| p)
        .collect();
    recording_gaps(
        &accounted,
        d.face_jpeg_base64.is_some(),
        d.signature_png_base64.is_some(),
    )
}

impl RecordingDraft {
    pub fn new(idempotency_key: String) -> RecordingDraft {
        RecordingDraft {
            idempotency_key,
            fingers: vec![Finger::Empty; 10],
            face_jpeg_base64: None,
            signature_png_base64: None,
        }
    }

    /// The submission, once nothing is missing.
    pub fn submission(&self) -> Option<BiometricSubmission> {
        if !missing_parts(self).is_empty() {
            return None;
        }
        let fingers = FINGER_POSITIONS
            .zip(&self.fingers)
            .map(|(position, f)| FingerCapture {
                position,
                capture: match f {
                    Finger::Captured {
                        template_base64,
                        quality,
                        kept,
                        ..
                    } => FingerResult::Template {
                        template_base64: template_base64.clone(),
                        quality: *quality,
                        kept_below_threshold: *kept,
                    },
                    Finger::Missing(reason) => FingerResult::Exception { reason: *reason },
                    _ => unreachable!("checked by missing_parts"),
                },
            })
            .collect();
        Some(BiometricSubmission {
            idempotency_key: self.idempotency_key.clone(),
            fingers,
            face_jpeg_base64: self.face_jpeg_base64.clone()?,
            signature_png_base64: self.signature_png_base64.clone()?,
        })
    }

    /// A copy fit for storage: in-flight extractions become empty slots.
    fn for_storage(&self) -> RecordingDraft {
        let mut d = self.clone();
        for f in &mut d.fingers {
            if *f == Finger::Extracting {
                *f = Finger::Empty;
            }
        }
        d
    }
}

/// The saved draft of an application, if any.
pub async fn load(application_id: &str) -> Option<RecordingDraft> {
    let text = store::get(Store::Drafts, application_id).await.ok()??;
    serde_json::from_str(&text).ok()
}

/// Saves the draft.
pub async fn save(application_id: &str, draft: &RecordingDraft) -> Result<(), store::StoreError> {
    let text = serde_json::to_string(&draft.for_storage())
        .map_err(|e| store::StoreError(e.to_string()))?;
    store::put(Store::Drafts, application_id, &text).await
}

/// Drops the draft once its submission is in the outbox.
pub async fn discard(application_id: &str) {
    let _ = store::delete(Store::Drafts, application_id).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_lists_what_is_missing_and_submits_only_when_complete() {
        let mut d = RecordingDraft::new("k".repeat(32));
        assert_eq!(missing_parts(&d).len(), 12);
        d.fingers[2] = Finger::Extracting;
        d.fingers[3] = Finger::Unreadable;
        assert_eq!(
            missing_parts(&d)[2..4],
            [RecordingGap::Finger(3), RecordingGap::Finger(4)]
        );
        for (i, f) in d.fingers.iter_mut().enumerate() {
            *f = if i == 4 {
                Finger::Missing(MissingFingerReason::Bandaged)
            } else {
                Finger::Captured {
                    template_base64: "AA==".into(),
                    quality: 70,
                    minutiae: 30,
                    millis: 1.0,
                    kept: None,
                }
            };
        }
        assert_eq!(
            missing_parts(&d),
            vec![RecordingGap::Face, RecordingGap::Signature]
        );
        assert!(d.submission().is_none());
        d.face_jpeg_base64 = Some("f".into());
        d.signature_png_base64 = Some("s".into());
        let s = d.submission().unwrap();
        assert_eq!(s.fingers.len(), 10);
        assert_eq!(
            s.fingers[4].capture,
            FingerResult::Exception {
                reason: MissingFingerReason::Bandaged
            }
        );
    }

    #[test]
    fn the_next_finger_to_scan_follows_finger_order_and_skips_handled_ones() {
        let mut fingers = vec![Finger::Empty; 10];
        fingers[0] = Finger::Extracting;
        assert_eq!(next_to_scan(1, &fingers), Some(2));
        // Handled fingers (read, being read, or with a reason) are passed over.
        fingers[1] = Finger::Missing(MissingFingerReason::Amputated);
        fingers[2] = Finger::Extracting;
        assert_eq!(next_to_scan(1, &fingers), Some(4));
        // After the last finger, an earlier one still without a print; an unreadable one
        // counts as without.
        for f in &mut fingers[3..] {
            *f = Finger::Extracting;
        }
        fingers[0] = Finger::Unreadable;
        assert_eq!(next_to_scan(10, &fingers), Some(1));
        fingers[0] = Finger::Extracting;
        assert_eq!(next_to_scan(10, &fingers), None);
    }

    #[test]
    fn extractions_in_flight_are_not_stored() {
        let mut d = RecordingDraft::new("k".into());
        d.fingers[0] = Finger::Extracting;
        assert_eq!(d.for_storage().fingers[0], Finger::Empty);
    }

    #[test]
    fn low_quality_asks_for_a_recapture_and_counts_only_once_kept_with_a_reason() {
        let f = |quality, kept| Finger::Captured {
            template_base64: String::new(),
            quality,
            minutiae: 0,
            millis: 0.0,
            kept,
        };
        let low = RECAPTURE_BELOW_QUALITY - 1;
        assert!(f(low, None).needs_recapture());
        assert!(!f(RECAPTURE_BELOW_QUALITY, None).needs_recapture());
        assert!(f(low, None).awaits_choice() && !f(low, None).is_done());
        let kept = f(low, Some(LowQualityReason::WornRidges));
        assert!(kept.is_done() && !kept.awaits_choice());
        assert!(f(RECAPTURE_BELOW_QUALITY, None).is_done());
    }
}
