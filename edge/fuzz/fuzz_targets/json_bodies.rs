//! Fuzz target: every JSON request body of the staff and public API, read as the edge's
//! `http::body::parse` reads it (serde_json into the `shared::api` type; any error is 400), then
//! the shared validation the edge runs on it.
//! Input: one byte choosing the request type, then the body. (The pre-fill's form, which comes
//! inside a multipart body, is the `prefill` target's.)
#![no_main]

use biometrics::template::wire;
use libfuzzer_sys::fuzz_target;
use serde::{de::DeserializeOwned, Serialize};
use shared::api::*;
use shared::auth::{
    password_problems, username_valid, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
    PASSWORD_MIN_DISTINCT,
};
use shared::validation::{
    signature_png, sniff, validate_recording, ValidFinger, FACE_MAX_BYTES, SIGNATURE_MAX_BYTES,
};
use std::fmt::Debug;

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    match which % 19 {
        0 => drop(accepted::<LoginRequest>(body)),
        1 => {
            if let Some(change) = accepted::<ChangePasswordRequest>(body) {
                password_rules(&change.new_password, "operator.toroh");
            }
        }
        2 => drop(accepted::<QueueQuery>(body)),
        3 => drop(accepted::<ProposalRequest>(body)),
        4 => drop(accepted::<ReviewRequest>(body)),
        5 => drop(accepted::<ClarificationRequest>(body)),
        6 => drop(accepted::<CreatePrintRunRequest>(body)),
        7 => drop(accepted::<RecordCardsRequest>(body)),
        8 => drop(accepted::<TakeBlanksRequest>(body)),
        9 => drop(accepted::<AuditQuery>(body)),
        10 => drop(accepted::<SubjectAccessRequest>(body)),
        11 => drop(accepted::<PackRequest>(body)),
        12 => drop(accepted::<RevokeCertificateRequest>(body)),
        13 => drop(accepted::<ReturnRequest>(body)),
        14 => drop(accepted::<ReceiveRequest>(body)),
        15 => {
            if let Some(account) = accepted::<NewStaffAccount>(body) {
                username_rule(&account.username);
                password_rules(&account.password, &account.username);
            }
        }
        16 => {
            if let Some(reset) = accepted::<ResetPasswordRequest>(body) {
                password_rules(&reset.password, "operator.toroh");
            }
        }
        17 => {
            if let Some(handover) = accepted::<HandoverRequest>(body) {
                if let Ok(png) = signature_png(&handover.signature_png_base64) {
                    assert_eq!(sniff(&png), Some("image/png"));
                    assert!(png.len() <= SIGNATURE_MAX_BYTES);
                }
            }
        }
        _ => {
            if let Some(recording) = accepted::<BiometricSubmission>(body) {
                recording_rules(&recording);
            }
        }
    }
});

/// The body as the edge reads it. Whatever it accepts, serialised again (as the app's client
/// does with the same types), reads back as the same value: the two ends agree on the format.
fn accepted<T: DeserializeOwned + Serialize + PartialEq + Debug>(body: &[u8]) -> Option<T> {
    let value: T = serde_json::from_slice(body).ok()?;
    let again = serde_json::to_vec(&value).expect("an API type serialises");
    let back: T = serde_json::from_slice(&again).expect("a serialised API value is accepted");
    assert_eq!(back, value);
    Some(value)
}

/// A recording that passes validation has the ten fingers in order, each a decodable template or
/// an exception, and images of the right type within their limits.
fn recording_rules(sub: &BiometricSubmission) {
    let Ok(valid) = validate_recording(sub) else {
        return;
    };
    assert_eq!(valid.fingers.len(), 10);
    for (finger, position) in valid.fingers.iter().zip(1u8..) {
        match finger {
            ValidFinger::Template {
                position: p,
                template,
                quality,
                ..
            } => {
                assert_eq!(*p, position);
                assert!(*quality <= 100);
                assert!(wire::decode(template).is_ok());
            }
            ValidFinger::Exception { position: p, .. } => assert_eq!(*p, position),
        }
    }
    assert_eq!(sniff(&valid.face_jpeg), Some("image/jpeg"));
    assert!(valid.face_jpeg.len() <= FACE_MAX_BYTES);
    assert_eq!(sniff(&valid.signature_png), Some("image/png"));
    assert!(valid.signature_png.len() <= SIGNATURE_MAX_BYTES);
}

/// A user name is 3-32 of `a-z 0-9 . _ -`, starting with a letter (`shared::auth`).
fn username_rule(username: &str) {
    let mut chars = username.chars();
    let rule = (3..=32).contains(&username.chars().count())
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    assert_eq!(username_valid(username), rule, "{username:?}");
}

/// A password the edge takes (no problem found) is 12-128 characters, of at least six different
/// ones, and does not contain the user name.
fn password_rules(password: &str, username: &str) {
    if !password_problems(password, username).is_empty() {
        return;
    }
    let chars: Vec<char> = password.chars().collect();
    assert!((PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&chars.len()));
    let distinct: std::collections::BTreeSet<char> = chars.into_iter().collect();
    assert!(distinct.len() >= PASSWORD_MIN_DISTINCT);
    let user = username.trim().to_lowercase();
    assert!(user.is_empty() || !password.to_lowercase().contains(&user));
}
