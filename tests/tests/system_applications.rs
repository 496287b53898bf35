//! System tests of the resident's submission and the public status lookup, on the real Workers
//! runtime (wrangler dev + workerd) with real local D1, R2 and Durable Objects.

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::fixtures::jpeg;
use tests::Runtime;

fn valid_form() -> Value {
    tests::fixtures::purwodadi_form()
}

fn multipart(form: &Value, files: &[(&str, Vec<u8>)]) -> Form {
    let mut f = Form::new().text("application", form.to_string());
    for (name, bytes) in files {
        let part = Part::bytes(bytes.clone())
            .file_name(format!("{name}.jpg"))
            .mime_str("image/jpeg")
            .unwrap();
        f = f.part(name.to_string(), part);
    }
    f
}

fn documents() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("cover_letter", jpeg(30_000)),
        ("photo_3x4", jpeg(20_000)),
        ("kk_copy", jpeg(40_000)),
    ]
}

async fn submit(
    rt: &Runtime,
    key: &str,
    form: &Value,
    files: &[(&str, Vec<u8>)],
) -> reqwest::Response {
    tests::http_client()
        .post(rt.url("/api/applications"))
        .header("Idempotency-Key", key)
        .multipart(multipart(form, files))
        .send()
        .await
        .unwrap()
}

fn count(rt: &Runtime, table: &str) -> u64 {
    rt.d1_query(&format!("SELECT COUNT(*) AS n FROM {table}"))[0]["n"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn submitted_application_gets_code_and_public_status_without_personal_data() {
    let rt = Runtime::start().await;
    let resp = submit(&rt, "key-0001-submit-status", &valid_form(), &documents()).await;
    assert_eq!(
        resp.status(),
        StatusCode::CREATED,
        "{}",
        resp.text().await.unwrap()
    );
    let body: Value = resp.json().await.unwrap();
    let code = body["registration_code"].as_str().unwrap().to_string();
    assert_eq!(body["status_path"], format!("/s/{code}"));

    let status = tests::get(rt.url(&format!("/api/status/{code}"))).await;
    assert_eq!(status.status(), StatusCode::OK);
    let text = status.text().await.unwrap();
    let view: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(view["stage"], "PRE_FILLED");
    assert_eq!(view["timeline"].as_array().unwrap().len(), 1);
    for secret in [
        "3315135211870003",
        "3315131503100002",
        "SITI",
        "1987-11-12",
        "MELATI",
    ] {
        assert!(!text.contains(secret), "status leaks {secret}: {text}");
    }
    // The documents went to R2 and are indexed in D1.
    assert_eq!(count(&rt, "documents"), 3);
}

#[tokio::test]
async fn invalid_input_is_refused_with_field_codes_and_nothing_is_stored() {
    let rt = Runtime::start().await;
    let mut form = valid_form();
    form["nik"] = json!("3315133002870003"); // 30 February
    form["address"]["rt"] = json!("2a");
    form["full_name"] = json!("DR. SITI AMINAH");
    let resp = tests::http_client()
        .post(rt.url("/api/applications"))
        .header("Idempotency-Key", "key-0002-invalid-input")
        .header("Accept-Language", "en")
        .multipart(multipart(&form, &documents()[..2]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.headers().get("x-request-id").is_some());
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["code"], "validation_failed");
    let fields: Vec<(String, String)> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |field: &str| fields.iter().any(|(f, _)| f == field);
    assert!(
        has("nik") && has("address.rt") && has("full_name") && has("attachments.kk_copy"),
        "{fields:?}"
    );
    assert_eq!(count(&rt, "applications"), 0);
    assert_eq!(count(&rt, "documents"), 0);
}

#[tokio::test]
async fn replay_with_same_key_returns_same_code_and_stores_one_record() {
    let rt = Runtime::start().await;
    let first = submit(&rt, "key-0003-replayed-twice", &valid_form(), &documents()).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    let again = submit(&rt, "key-0003-replayed-twice", &valid_form(), &documents()).await;
    assert_eq!(again.status(), StatusCode::OK);
    let again: Value = again.json().await.unwrap();
    assert_eq!(first["registration_code"], again["registration_code"]);
    assert_eq!(count(&rt, "applications"), 1);

    // The same key with different content is a client bug, refused rather than silently merged.
    let mut other = valid_form();
    other["address"]["rt"] = json!("003");
    let conflict = submit(&rt, "key-0003-replayed-twice", &other, &documents()).await;
    assert_eq!(conflict.status(), StatusCode::CONFLICT);
    assert_eq!(count(&rt, "applications"), 1);
}

#[tokio::test]
async fn oversized_body_and_oversized_photo_are_refused() {
    let rt = Runtime::start().await;
    let big = vec![("cover_letter", jpeg(5 * 1024 * 1024))];
    let resp = submit(&rt, "key-0004-oversized-body", &valid_form(), &big).await;
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["code"], "payload_too_large");

    let mut docs = documents();
    docs[1].1 = jpeg(300 * 1024);
    let resp = submit(&rt, "key-0005-oversized-photo", &valid_form(), &docs).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = resp.json().await.unwrap();
    assert!(
        body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["field"] == "attachments.photo_3x4"),
        "{body}"
    );
    assert_eq!(count(&rt, "applications"), 0);
}

#[tokio::test]
async fn unknown_and_mistyped_codes_and_missing_key_get_clear_errors() {
    let rt = Runtime::start().await;
    let code = shared::domain::RegistrationCode::from_random([7; 8]).to_string();
    let resp = tests::get(rt.url(&format!("/api/status/{code}"))).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert_eq!(resp.json::<Value>().await.unwrap()["code"], "not_found");

    let mut typo: Vec<char> = code.chars().collect();
    typo[0] = if typo[0] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    let resp = tests::get(rt.url(&format!("/api/status/{typo}"))).await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["code"],
        "invalid_registration_code"
    );

    let resp = tests::http_client()
        .post(rt.url("/api/applications"))
        .multipart(multipart(&valid_form(), &documents()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
}

/// The pickers' lists: the app bundles region codes only and reads every name from here.
#[tokio::test]
async fn region_lists_cascade_from_provinces_to_villages() {
    let rt = Runtime::start().await;
    let list = |path: &'static str| {
        let url = rt.url(path);
        async move {
            let resp = tests::get(url).await;
            assert_eq!(resp.status(), StatusCode::OK, "{path}");
            resp.json::<Vec<Value>>().await.unwrap()
        }
    };
    let name_of = |list: &[Value], code: &str| {
        list.iter()
            .find(|e| e["code"] == code)
            .map(|e| e["name"].as_str().unwrap().to_string())
    };
    let provinces = list("/api/regions").await;
    assert_eq!(provinces.len(), 38);
    assert_eq!(name_of(&provinces, "33").as_deref(), Some("Jawa Tengah"));
    let regencies = list("/api/regions/33").await;
    assert_eq!(
        name_of(&regencies, "33.15").as_deref(),
        Some("Kabupaten Grobogan")
    );
    let districts = list("/api/regions/33.15").await;
    assert_eq!(districts.len(), 19);
    assert_eq!(
        name_of(&districts, "33.15.13").as_deref(),
        Some("Purwodadi")
    );
    let villages = list("/api/regions/33.15.13").await;
    assert_eq!(villages.len(), 17);
    assert_eq!(
        name_of(&villages, "33.15.13.1004").as_deref(),
        Some("Kalongan")
    );

    let unknown = tests::get(rt.url("/api/regions/33.99")).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let malformed = tests::get(rt.url("/api/regions/jawa")).await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn status_lookups_are_rate_limited_per_client() {
    let rt = Runtime::start().await;
    let code = shared::domain::RegistrationCode::from_random([9; 8]).to_string();
    let client = tests::http_client();
    let mut limited = None;
    for i in 0..40 {
        let resp = client
            .get(rt.url(&format!("/api/status/{code}")))
            .send()
            .await
            .unwrap();
        if resp.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(resp.headers().get("retry-after").is_some());
            limited = Some(i);
            break;
        }
        assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(limited, Some(30), "the 31st lookup in a minute is refused");
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let rt = Runtime::start().await;
    for path in ["/", "/s/ABCD", "/api/health", "/api/nope"] {
        let resp = tests::get(rt.url(path)).await;
        let h = resp.headers();
        let csp = h
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"))
            .to_str()
            .unwrap();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert_eq!(
            h.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert_eq!(h.get("x-frame-options").unwrap(), "DENY", "{path}");
    }
    // App routes fall back to the single-page app.
    let html = tests::get(rt.url("/s/ABCD")).await.text().await.unwrap();
    assert!(html.contains("boot.js"));
}
