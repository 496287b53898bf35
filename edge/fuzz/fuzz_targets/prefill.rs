//! Fuzz target: what the edge does with a pre-fill's parts (`POST /api/applications` and the
//! walk-in), around the Workers runtime's own multipart parser, which is not ours and runs only
//! there: the `application` part's JSON read as the form and validated, and each document part
//! checked by its bytes and declared type, then served by what it is. (The body's declared type,
//! `multipart/form-data`, is the `headers` target's.) Input: parts separated by a line `--`; the
//! first is the form's JSON, each next one a line `<document kind> <declared type>` then the
//! document's bytes.
#![no_main]

use edge_fuzz::parse::served_type::served_type;
use libfuzzer_sys::fuzz_target;
use shared::api::{ApplicationForm, AttachmentKind, ErrorBody};
use shared::domain::Date;
use shared::i18n::Lang;
use shared::regions::BundledRegions;
use shared::validation::{
    attachment_path, max_bytes, sniff, validate_application, validate_attachments, AttachmentMeta,
};

const SEPARATOR: &[u8] = b"\n--\n";

fuzz_target!(|data: &[u8]| {
    let mut parts = split(data, SEPARATOR);
    let Some(form_json) = parts.next() else {
        return;
    };
    let mut documents: Vec<(AttachmentKind, String, &[u8])> = Vec::new();
    for part in parts {
        let (head, bytes) = line(part);
        let head = String::from_utf8_lossy(head);
        let (kind, declared) = head.split_once(' ').unwrap_or((&head, ""));
        // The handler takes one part per known document name and ignores the rest.
        if let Some(kind) = AttachmentKind::parse(kind) {
            if documents.iter().all(|(k, _, _)| *k != kind) {
                documents.push((kind, declared.to_string(), bytes));
            }
        }
    }
    // As the handler reads the part (`http::body::parse`).
    let Ok(form) = serde_json::from_slice::<ApplicationForm>(form_json) else {
        return;
    };
    form_rules(&form);
    let uploads: Vec<AttachmentMeta<'_>> = documents
        .iter()
        .map(|(kind, declared, bytes)| AttachmentMeta {
            kind: *kind,
            content_type: declared,
            bytes,
        })
        .collect();
    document_rules(&form.application_type, &uploads);
});

/// A form that validates is stored normalised (what staff see); the normalised form validates
/// again to the same. A refused one yields its error body in both languages.
fn form_rules(form: &ApplicationForm) {
    let today = Date::parse_iso("2026-12-07").expect("a valid date");
    match validate_application(form, today, &BundledRegions) {
        Ok(valid) => {
            let stored = ApplicationForm::from(&valid);
            let again = validate_application(&stored, today, &BundledRegions)
                .expect("a stored (normalised) form validates");
            assert_eq!(ApplicationForm::from(&again), stored);
        }
        Err(errors) => {
            assert!(!errors.errors.is_empty(), "refused without a reason");
            for lang in [Lang::Id, Lang::En] {
                let body = ErrorBody::validation(&errors, lang, "");
                assert_eq!(body.fields.len(), errors.errors.len());
            }
        }
    }
}

/// A document that passes is non-empty, within its limit, and is what it declared (a JPEG, PNG or
/// PDF by its bytes), and it is served back as that type.
fn document_rules(application_type: &str, uploads: &[AttachmentMeta<'_>]) {
    let problems = validate_attachments(application_type, uploads);
    for upload in uploads {
        let (served, _) = served_type(upload.bytes);
        assert_eq!(
            Some(served).filter(|t| *t != "application/octet-stream"),
            sniff(upload.bytes)
        );
        if problems
            .iter()
            .any(|p| p.field == attachment_path(upload.kind))
        {
            continue;
        }
        assert!(!upload.bytes.is_empty());
        assert!(upload.bytes.len() <= max_bytes(upload.kind));
        let declared = upload
            .content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim();
        assert_eq!(
            served, declared,
            "accepted as {declared}, served as {served}"
        );
        if upload.kind == AttachmentKind::Photo3x4 {
            assert_ne!(served, "application/pdf", "the card photo must be an image");
        }
    }
}

/// The first line of a part, and the rest.
fn line(part: &[u8]) -> (&[u8], &[u8]) {
    match part.iter().position(|&b| b == b'\n') {
        Some(end) => (&part[..end], &part[end + 1..]),
        None => (part, &[]),
    }
}

/// `data` cut at every `separator`.
fn split<'a>(data: &'a [u8], separator: &'a [u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut rest = Some(data);
    std::iter::from_fn(move || {
        let current = rest?;
        match current
            .windows(separator.len())
            .position(|w| w == separator)
        {
            Some(at) => {
                rest = Some(&current[at + separator.len()..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}
