//! Checks on uploaded documents: the ones the application type requires are present, none is
//! empty, each is a JPEG, PNG or PDF by its content (not only its declared type), and each is
//! within its size limit.

use crate::api::{required_attachments, AttachmentKind, FieldError};
use crate::domain::ApplicationType;
use crate::validation::FieldCode;

/// The 3x4 photo is compressed in the browser; a larger one was not.
pub const PHOTO_MAX_BYTES: usize = 200 * 1024;
/// Any other document (a compressed scan or a PDF).
pub const DOCUMENT_MAX_BYTES: usize = 1024 * 1024;

/// One uploaded file as the validator sees it.
pub struct AttachmentMeta<'a> {
    pub kind: AttachmentKind,
    /// The declared MIME type.
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

/// The limit for a kind of document.
pub const fn max_bytes(kind: AttachmentKind) -> usize {
    match kind {
        AttachmentKind::Photo3x4 => PHOTO_MAX_BYTES,
        _ => DOCUMENT_MAX_BYTES,
    }
}

/// The field path of a document in error lists: `attachments.<kind>`.
pub fn attachment_path(kind: AttachmentKind) -> String {
    format!("attachments.{}", kind.as_str())
}

/// Every problem with the uploads. `application_type` is the form's raw text: when it is not a
/// valid type the form's own validation says so, and required documents cannot be known.
pub fn validate_attachments(
    application_type: &str,
    uploads: &[AttachmentMeta<'_>],
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let mut push = |kind, code| {
        problems.push(FieldError {
            field: attachment_path(kind),
            code,
        })
    };
    let mut required_missing = Vec::new();
    if let Some(kind) = ApplicationType::parse(application_type) {
        for &required in required_attachments(kind) {
            if !uploads
                .iter()
                .any(|u| u.kind == required && !u.bytes.is_empty())
            {
                push(required, FieldCode::Required);
                required_missing.push(required);
            }
        }
    }
    for u in uploads {
        if u.bytes.is_empty() {
            // An empty part is no document: refused (once, when it is not already reported as a
            // missing required one), never stored under whatever type it declares.
            if !required_missing.contains(&u.kind) {
                push(u.kind, FieldCode::Required);
            }
            continue;
        }
        let sniffed = sniff(u.bytes);
        // The photo goes on the card: it must be an image, not a PDF.
        let type_ok = match u.kind {
            AttachmentKind::Photo3x4 => matches!(sniffed, Some("image/jpeg" | "image/png")),
            _ => sniffed.is_some(),
        };
        if !type_ok || sniffed != Some(declared_base(u.content_type)) {
            push(u.kind, FieldCode::AttachmentFileType);
        } else if u.bytes.len() > max_bytes(u.kind) {
            push(u.kind, FieldCode::AttachmentTooLarge);
        }
    }
    problems
}

/// The content type by magic bytes: what the file really is, whatever its name or declared type.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

fn declared_base(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0];
    const PDF: &[u8] = b"%PDF-1.7\n";

    fn meta<'a>(
        kind: AttachmentKind,
        content_type: &'a str,
        bytes: &'a [u8],
    ) -> AttachmentMeta<'a> {
        AttachmentMeta {
            kind,
            content_type,
            bytes,
        }
    }

    fn check(
        application_type: &str,
        uploads: &[AttachmentMeta<'_>],
        expected: &[(&str, FieldCode)],
    ) {
        let got: Vec<(String, FieldCode)> = validate_attachments(application_type, uploads)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        let expected: Vec<(String, FieldCode)> =
            expected.iter().map(|(f, c)| (f.to_string(), *c)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn complete_new_application_passes() {
        use AttachmentKind::*;
        check(
            "baru",
            &[
                meta(CoverLetter, "application/pdf", PDF),
                meta(Photo3x4, "image/jpeg", JPEG),
                meta(KkCopy, "image/jpeg", JPEG),
            ],
            &[],
        );
    }

    #[test]
    fn missing_required_documents_are_each_reported() {
        use AttachmentKind::*;
        check(
            "hilang",
            &[meta(Photo3x4, "image/jpeg", JPEG)],
            &[
                ("attachments.cover_letter", FieldCode::Required),
                ("attachments.kk_copy", FieldCode::Required),
                ("attachments.police_loss_report", FieldCode::Required),
            ],
        );
    }

    #[test]
    fn content_must_match_declared_type_and_photo_must_be_an_image() {
        use AttachmentKind::*;
        check(
            "baru",
            &[
                meta(CoverLetter, "image/png", JPEG),
                meta(Photo3x4, "application/pdf", PDF),
                meta(KkCopy, "image/jpeg", b"MZ\x90\x00"),
            ],
            &[
                ("attachments.cover_letter", FieldCode::AttachmentFileType),
                ("attachments.photo_3x4", FieldCode::AttachmentFileType),
                ("attachments.kk_copy", FieldCode::AttachmentFileType),
            ],
        );
    }

    #[test]
    fn size_limits_depend_on_the_document() {
        use AttachmentKind::*;
        let mut big_photo = JPEG.to_vec();
        big_photo.resize(PHOTO_MAX_BYTES + 1, 0);
        let mut ok_doc = JPEG.to_vec();
        ok_doc.resize(PHOTO_MAX_BYTES + 1, 0);
        let mut big_doc = JPEG.to_vec();
        big_doc.resize(DOCUMENT_MAX_BYTES + 1, 0);
        check(
            "baru",
            &[
                meta(CoverLetter, "image/jpeg", &ok_doc),
                meta(Photo3x4, "image/jpeg", &big_photo),
                meta(KkCopy, "image/jpeg", &big_doc),
            ],
            &[
                ("attachments.photo_3x4", FieldCode::AttachmentTooLarge),
                ("attachments.kk_copy", FieldCode::AttachmentTooLarge),
            ],
        );
    }

    #[test]
    fn unknown_application_type_skips_required_check() {
        check("bogus", &[], &[]);
    }

    #[test]
    fn an_empty_part_is_refused_whatever_its_declared_type() {
        let uploads = [
            meta(AttachmentKind::CoverLetter, "application/pdf", PDF),
            meta(AttachmentKind::Photo3x4, "image/jpeg", JPEG),
            meta(AttachmentKind::KkCopy, "image/jpeg", JPEG),
            meta(AttachmentKind::OldKtp, "text/html", b""),
        ];
        check(
            "baru",
            &uploads,
            &[("attachments.old_ktp", FieldCode::Required)],
        );
    }
}
