//! Request bodies the system and browser tests share: a valid pre-filled application and a
//! recording; and a resident's application submitted as a journey's starting point.

use base64::Engine as _;
use biometrics::{template::wire, Minutia, MinutiaKind, Template};
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

/// A valid application of a woman born 12 Nov 1987, living in the given kecamatan of Grobogan.
pub fn application_form(district: &str, village: &str) -> Value {
    json!({
        "application_type": "baru",
        "full_name": "SITI AMINAH",
        "kk_number": "3315131503100002",
        "nik": "3315135211870003",
        "birth_place": "GROBOGAN",
        "birth_date": "1987-11-12",
        "sex": "PEREMPUAN",
        "blood_type": "O",
        "religion": "ISLAM",
        "marital_status": "KAWIN TERCATAT",
        "occupation": "PETANI/PEKEBUN",
        "citizenship": "WNI",
        "address": {
            "province": "33", "regency": "33.15", "district": district, "village": village,
            "street": "JL. MELATI 5", "rt": "002", "rw": "004", "postal_code": "58111"
        }
    })
}

/// Purwodadi (33.15.13) and one of its villages.
pub fn purwodadi_form() -> Value {
    application_form("33.15.13", "33.15.13.2001")
}

/// A minimal real JPEG (SOI ... EOI) of about `len` bytes.
pub fn jpeg(len: usize) -> Vec<u8> {
    let mut v = vec![0xFF, 0xD8, 0xFF, 0xE0];
    v.resize(len.max(8) - 2, 0x42);
    v.extend([0xFF, 0xD9]);
    v
}

pub fn png(len: usize) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.resize(len.max(16), 0);
    v
}

/// The multipart body of an application with the documents its type needs (a new card's:
/// cover letter, photo and KK copy; a replacement's also its evidence).
pub fn application_multipart(form: &Value) -> Form {
    use shared::api::{required_attachments, AttachmentKind};
    use shared::domain::ApplicationType;
    let kind = form["application_type"]
        .as_str()
        .and_then(ApplicationType::parse)
        .unwrap_or(ApplicationType::Baru);
    let mut f = Form::new().text("application", form.to_string());
    for &doc in required_attachments(kind) {
        let (name, bytes) = match doc {
            AttachmentKind::Photo3x4 => (doc.as_str(), jpeg(20_000)),
            AttachmentKind::KkCopy => (doc.as_str(), jpeg(40_000)),
            _ => (doc.as_str(), jpeg(30_000)),
        };
        f = f.part(
            name,
            Part::bytes(bytes)
                .file_name(format!("{name}.jpg"))
                .mime_str("image/jpeg")
                .unwrap(),
        );
    }
    f
}

/// Submits a resident's application; returns (registration code, status path).
pub async fn submit_application(base_url: &str, key: &str, form: &Value) -> (String, String) {
    let resp = crate::http_client()
        .post(format!("{base_url}/api/applications"))
        .header("Idempotency-Key", key)
        .multipart(application_multipart(form))
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status().as_u16(),
        201,
        "submit: {}",
        resp.text().await.unwrap()
    );
    let body: Value = resp.json().await.unwrap();
    (
        body["registration_code"].as_str().unwrap().into(),
        body["status_path"].as_str().unwrap().into(),
    )
}

/// A resident's application in Purwodadi, submitted with idempotency key `key`: its
/// registration code (as printed, with dashes) and id.
pub async fn purwodadi_application(rt: &crate::Runtime, key: &str) -> (String, String) {
    let (code, _) = submit_application(&rt.base_url, key, &purwodadi_form()).await;
    let id = application_id(rt, &code);
    (code, id)
}

/// The id of the application with registration code `code` (printed with dashes or not).
pub fn application_id(rt: &crate::Runtime, code: &str) -> String {
    let compact: String = code.chars().filter(|c| *c != '-').collect();
    rt.d1_query(&format!(
        "SELECT id FROM applications WHERE registration_code = '{compact}'"
    ))[0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A template of `n` minutiae laid out from `seed` (not a real finger: for plumbing tests only).
pub fn template(seed: u16, n: u16) -> Template {
    Template {
        width: 388,
        height: 374,
        quality: 70,
        minutiae: (0..n)
            .map(|i| Minutia {
                x: 20 + (i * 37 + seed * 13) % 340,
                y: 20 + (i * 53 + seed * 7) % 330,
                direction: ((i * 29 + seed) % 256) as u8,
                kind: if i % 3 == 0 {
                    MinutiaKind::Bifurcation
                } else {
                    MinutiaKind::Ending
                },
            })
            .collect(),
    }
}

/// A recording body with ten fingers made by `finger_template(position)`, one bandaged finger.
pub fn recording_body(key: &str, finger_template: impl Fn(u8) -> Template) -> Value {
    let b64 = base64::engine::general_purpose::STANDARD;
    let fingers: Vec<Value> = (1..=10u8)
        .map(|position| {
            if position == 5 {
                json!({ "position": position, "kind": "exception", "reason": "bandaged" })
            } else {
                let bytes = wire::encode(&finger_template(position));
                json!({ "position": position, "kind": "template", "template_base64": b64.encode(bytes), "quality": 72 })
            }
        })
        .collect();
    json!({
        "idempotency_key": key,
        "fingers": fingers,
        "face_jpeg_base64": b64.encode(jpeg(40_000)),
        "signature_png_base64": b64.encode(png(5_000)),
    })
}

/// Synthetic person `person`'s finger at ISO `position`, as recorded the `take`-th time (0 = the
/// first): a later impression is the same minutiae shifted, directions jittered and every
/// seventh minutia missed, so it matches the first as another impression of one finger would.
pub fn synthetic_finger(person: u64, take: u16, position: u8) -> Template {
    use biometrics::search::synthetic::{synthetic_template, Rng};
    let mut t = synthetic_template(&mut Rng::new(person * 100 + u64::from(position)));
    if take > 0 {
        let (dx, dy) = (6 + take, 9 - take.min(8));
        t.minutiae = t
            .minutiae
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + usize::from(take)) % 7 != 0)
            .map(|(i, m)| {
                let mut m = *m;
                m.x = (m.x + dx).min(t.width - 1);
                m.y = (m.y + dy).min(t.height - 1);
                m.direction = m.direction.wrapping_add(if i % 2 == 0 { 1 } else { 255 });
                m
            })
            .collect();
    }
    t
}
