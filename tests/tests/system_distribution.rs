//! System tests of distribution and handover on the real runtime: printed cards (taken to
//! CARD_PRINTED through the print room's real endpoints, `tests::printing`) are packed into a
//! shipment for their kecamatan, checked in there card by card (a missing card and an extra one
//! are reported and seen by the dinas; a missing card is not handed over), handed over against
//! the resident's signature (which ends a valid Surat Keterangan), and listed when uncollected.
//! Kecamatan operators reach only their own shipments and cards; dinas routes refuse them.
//! Fingerprints are SYNTHETIC templates, as in `system_printing.rs`.
//!
//! The cases share one runtime (`tests::suite`); each packs only the cards it made.

use base64::Engine as _;
use serde_json::{json, Value};
use std::process::ExitCode;
use tests::fixtures::{png, recording_body, synthetic_finger};
use tests::printing::{decided, person_form, submit_and_record, to_card_printed, write};
use tests::suite::Ctx;
use tests::{Runtime, StaffClient};

const PURWODADI: &str = "33.15.13";
const KEDUNGJATI: &str = "33.15.01";

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        missing_and_extra_cards_reach_the_dinas_and_a_missing_card_is_not_handed_over,
        kecamatan_reaches_only_its_own_shipments_and_no_dinas_route,
        handover_ends_a_valid_surat_keterangan_and_the_status_says_issued,
        // Write into the database file directly: alone (tests::suite::Case::alone).
        ; alone:
        cards_uncollected_after_thirty_days_are_listed_for_kecamatan_and_dinas,
    ])
}

/// `n` residents of `district` (synthetic persons from `first`) recorded by `kecamatan`, taken
/// to CARD_PRINTED by `dinas`; (application id, registration code) each.
async fn printed_cards(
    rt: &Runtime,
    kecamatan: &StaffClient,
    dinas: &StaffClient,
    district: &str,
    first: u64,
    n: u64,
    application_type: &str,
) -> Vec<(String, String)> {
    let village = format!("{district}.2001");
    let mut ids = Vec::new();
    for person in first..first + n {
        let mut form = person_form(district, &village, person);
        form["application_type"] = json!(application_type);
        let key = format!("ship-{person}");
        let body = recording_body(&format!("{key}-recording"), |p| {
            synthetic_finger(person, 0, p)
        });
        ids.push(submit_and_record(rt, kecamatan, &form, &key, &body).await);
    }
    for id in &ids {
        assert_eq!(decided(kecamatan, id).await, "PRINT_READY_RECORD", "{id}");
    }
    to_card_printed(dinas, district, &ids, &format!("ship-{first}")).await;
    let mut cards = Vec::new();
    for id in ids {
        let detail = dinas
            .get_json(&format!("/api/staff/applications/{id}"))
            .await;
        assert_eq!(detail["stage"], "CARD_PRINTED", "{id}");
        let code = detail["registration_code"].as_str().unwrap().to_string();
        cards.push((id, code));
    }
    cards
}

/// GET; (status, JSON body).
async fn read(staff: &StaffClient, path: &str) -> (u16, Value) {
    let resp = staff.get(path).send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// Packs the named cards of `district`; the shipment summary.
async fn pack(dinas: &StaffClient, district: &str, cards: &[(String, String)], key: &str) -> Value {
    let ids: Vec<&str> = cards.iter().map(|(id, _)| id.as_str()).collect();
    let (status, body) = write(
        dinas,
        "/api/dinas/shipments",
        key,
        &json!({ "district_code": district, "application_ids": ids }),
    )
    .await;
    assert_eq!(status, 200, "pack: {body}");
    body
}

async fn receive(
    kecamatan: &StaffClient,
    shipment_id: &str,
    received: &[&str],
    extras: &[&str],
    key: &str,
) -> (u16, Value) {
    write(
        kecamatan,
        &format!("/api/staff/shipments/{shipment_id}/receipt"),
        key,
        &json!({ "received": received, "extras": extras }),
    )
    .await
}

async fn status_of(rt: &Runtime, code: &str) -> Value {
    tests::get(rt.url(&format!("/api/status/{code}")))
        .await
        .json()
        .await
        .unwrap()
}

fn signature() -> String {
    base64::engine::general_purpose::STANDARD.encode(png(3_000))
}

fn state_of<'a>(view: &'a Value, id: &str) -> &'a Value {
    &view["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["application_id"] == id)
        .unwrap_or_else(|| panic!("{id} on the manifest"))["state"]
}

async fn missing_and_extra_cards_reach_the_dinas_and_a_missing_card_is_not_handed_over(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let kec = rt.staff_client("kec.purwodadi").await;
    let dinas = rt.staff_client("dinas.operator").await;
    let cards = printed_cards(rt, &kec, &dinas, PURWODADI, 9101, 3, "baru").await;
    let [(a, a_code), (b, _), (c, c_code)] = <[_; 3]>::try_from(cards.clone()).unwrap();

    let shipment = pack(&dinas, PURWODADI, &cards, "m-pack").await;
    assert_eq!(shipment["cards"], 3);
    let code = shipment["code"].as_str().unwrap().to_string();
    let id = shipment["id"].as_str().unwrap().to_string();
    assert!(code.starts_with("KRM-"), "{code}");
    // Packed in one batch: every card shipped.
    assert_eq!(
        rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM applications WHERE stage = 'CARD_SHIPPED' \
             AND id IN ('{a}', '{b}', '{c}')"
        )),
        3
    );
    let on_its_way = status_of(rt, &a_code).await;
    assert_eq!(on_its_way["card"]["step"], "on_its_way");
    assert_eq!(on_its_way["next_action"], "wait");

    // The kecamatan opens it by the code as typed: without its prefix, in lower case.
    let typed = code["KRM-".len()..].to_lowercase();
    let (status, view) = read(&kec, &format!("/api/staff/shipments/by-code/{typed}")).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["shipment"]["id"], id.as_str());
    assert_eq!(state_of(&view, &c), "in_transit");
    // Each listed card carries the serial printed on it, to tick it by.
    for card in view["cards"].as_array().unwrap() {
        assert!(
            card["card_serial"]
                .as_str()
                .is_some_and(|s| s.starts_with("KTP")),
            "{card}"
        );
    }

    // Two of three listed cards are in the box, and one card nobody listed.
    let extra = "BUDI SANTOSO 3315130101900001";
    let (status, view) = receive(&kec, &id, &[&a, &b], &[extra], "m-receive").await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(
        (
            &view["shipment"]["received_cards"],
            &view["shipment"]["missing_cards"],
            &view["shipment"]["extra_cards"]
        ),
        (&json!(2), &json!(1), &json!(1))
    );
    assert_eq!(state_of(&view, &a), "received");
    assert_eq!(state_of(&view, &c), "missing");
    // A retry of the same request answers the same and stores nothing twice.
    let (status, replay) = receive(&kec, &id, &[&a, &b], &[extra], "m-receive").await;
    assert_eq!((status, &replay), (200, &view));

    // The dinas sees the difference in its overview and the shipment.
    let (status, overview) = read(&dinas, "/api/dinas/distribution").await;
    assert_eq!(status, 200);
    let listed = overview["shipments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id.as_str())
        .expect("shipment in the overview")
        .clone();
    assert_eq!(
        (
            listed["missing_cards"].clone(),
            listed["extra_cards"].clone()
        ),
        (json!(1), json!(1))
    );
    let (_, seen) = read(&dinas, &format!("/api/dinas/shipments/{id}")).await;
    assert_eq!(state_of(&seen, &c), "missing");
    assert_eq!(seen["extras"][0]["description"], extra);
    assert_eq!(seen["extras"][0]["reported_by"], "Operator Kec. Purwodadi");

    // The missing card cannot be handed over; the received one is ready to collect.
    let (status, refused) = read(&kec, &format!("/api/staff/cards/by-code/{c_code}")).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("card_not_received"))
    );
    let (status, refused) = write(
        &kec,
        &format!("/api/staff/cards/{c}/handover"),
        "m-hand-c",
        &json!({ "old_ktp_handed_in": false, "signature_png_base64": signature() }),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("card_not_received"))
    );
    assert_eq!(status_of(rt, &c_code).await["card"]["step"], "on_its_way");
    let ready = status_of(rt, &a_code).await;
    assert_eq!(ready["card"]["step"], "ready_to_collect");
    assert_eq!(ready["next_action"], "collect_card_at_kecamatan");

    // The missing card turns up: ticked later, the difference is gone.
    let (status, view) = receive(&kec, &id, &[&c], &[], "m-found").await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["shipment"]["missing_cards"], 0);
    assert_eq!(state_of(&view, &c), "received");
    let (status, _) = read(&kec, &format!("/api/staff/cards/by-code/{c_code}")).await;
    assert_eq!(status, 200);
}

async fn kecamatan_reaches_only_its_own_shipments_and_no_dinas_route(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let kedungjati = rt.staff_client("kec.kedungjati").await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let dinas = rt.staff_client("dinas.operator").await;
    let cards = printed_cards(rt, &kedungjati, &dinas, KEDUNGJATI, 9201, 1, "baru").await;
    let (app, app_code) = cards[0].clone();

    // A card of another kecamatan cannot go into this box; a kecamatan with none: nothing to ship.
    let (status, refused) = write(
        &dinas,
        "/api/dinas/shipments",
        "r-wrong-district",
        &json!({ "district_code": PURWODADI, "application_ids": [app] }),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (422, Some("validation_failed"))
    );
    let (status, refused) = write(
        &dinas,
        "/api/dinas/shipments",
        "r-none",
        &json!({ "district_code": "33.15.02" }),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("no_cards_to_ship"))
    );

    let shipment = pack(&dinas, KEDUNGJATI, &cards, "r-pack").await;
    let (id, code) = (
        shipment["id"].as_str().unwrap().to_string(),
        shipment["code"].as_str().unwrap().to_string(),
    );

    // Handover before the box is checked in: refused.
    let (status, refused) =
        read(&kedungjati, &format!("/api/staff/cards/by-code/{app_code}")).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("card_not_received"))
    );
    let (status, refused) = write(
        &kedungjati,
        &format!("/api/staff/cards/{app}/handover"),
        "r-early",
        &json!({ "old_ktp_handed_in": false, "signature_png_base64": signature() }),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("card_not_received"))
    );

    // Another kecamatan's operator finds nothing of it.
    for path in [
        format!("/api/staff/shipments/by-code/{code}"),
        format!("/api/staff/cards/by-code/{app_code}"),
        format!("/api/staff/cards/{app}/face"),
    ] {
        let (status, body) = read(&purwodadi, &path).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (404, Some("not_found")),
            "{path}"
        );
    }
    let (status, body) = receive(&purwodadi, &id, &[&app], &[], "r-other").await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
    assert_eq!(
        rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM shipments WHERE id = '{id}' AND received_at IS NULL"
        )),
        1,
        "nothing was checked in"
    );

    // Dinas routes refuse a kecamatan operator; kecamatan routes refuse the dinas.
    for (status, body) in [
        read(&kedungjati, "/api/dinas/distribution").await,
        read(&kedungjati, &format!("/api/dinas/shipments/{id}")).await,
        write(
            &kedungjati,
            "/api/dinas/shipments",
            "r-kec-pack",
            &json!({ "district_code": KEDUNGJATI }),
        )
        .await,
        read(&dinas, "/api/staff/cards").await,
        read(&dinas, &format!("/api/staff/shipments/by-code/{code}")).await,
    ] {
        assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
    }
    // Its own operator receives it.
    let (status, view) = receive(&kedungjati, &id, &[&app], &[], "r-own").await;
    assert_eq!(
        (status, &view["shipment"]["received_cards"]),
        (200, &json!(1))
    );
}

async fn handover_ends_a_valid_surat_keterangan_and_the_status_says_issued(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let kec = rt.staff_client("kec.purwodadi").await;
    let dinas = rt.staff_client("dinas.operator").await;
    // A replacement for a damaged card: the old KTP is handed in.
    let cards = printed_cards(rt, &kec, &dinas, PURWODADI, 9301, 1, "rusak").await;
    let (app, app_code) = cards[0].clone();
    let (status, certificate) = write(
        &dinas,
        &format!("/api/dinas/applications/{app}/certificate"),
        "h-certificate",
        &json!({}),
    )
    .await;
    assert_eq!(status, 200, "{certificate}");
    assert_eq!(certificate["standing"], "valid");
    assert_eq!(status_of(rt, &app_code).await["certificate"]["valid"], true);

    let shipment = pack(&dinas, PURWODADI, &cards, "h-pack").await;
    let id = shipment["id"].as_str().unwrap();
    let (status, _) = receive(&kec, id, &[&app], &[], "h-receive").await;
    assert_eq!(status, 200);

    let (status, check) = read(&kec, &format!("/api/staff/cards/by-code/{app_code}")).await;
    assert_eq!(status, 200, "{check}");
    assert_eq!(check["old_ktp_expected"], true);
    assert_eq!(check["receipt"], Value::Null);
    let face = kec
        .get(check["face_path"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(face.status(), 200);
    assert_eq!(face.headers()["content-type"], "image/jpeg");

    let path = format!("/api/staff/cards/{app}/handover");
    // No signature, or an old KTP kept without a word why: refused, nothing moves.
    let (status, refused) = write(
        &kec,
        &path,
        "h-unsigned",
        &json!({ "old_ktp_handed_in": true, "signature_png_base64": "" }),
    )
    .await;
    assert_eq!(
        (status, refused["fields"][0]["field"].as_str()),
        (422, Some("signature"))
    );
    let (status, refused) = write(
        &kec,
        &path,
        "h-no-note",
        &json!({ "old_ktp_handed_in": false, "signature_png_base64": signature() }),
    )
    .await;
    assert_eq!(
        (status, refused["fields"][0]["field"].as_str()),
        (422, Some("old_ktp_note"))
    );

    let body = json!({ "old_ktp_handed_in": true, "signature_png_base64": signature() });
    let (status, receipt) = write(&kec, &path, "h-hand", &body).await;
    assert_eq!(status, 200, "{receipt}");
    assert_eq!(receipt["old_ktp"], "handed_in");
    assert_eq!(receipt["registration_code"], app_code.as_str());
    assert_eq!(receipt["shipment_code"], shipment["code"]);
    assert_eq!(receipt["handed_over_by"], "Operator Kec. Purwodadi");
    let (status, replay) = write(&kec, &path, "h-hand", &body).await;
    assert_eq!(
        (status, &replay),
        (200, &receipt),
        "a retry gets the first receipt"
    );
    let (status, again) = write(&kec, &path, "h-hand-again", &body).await;
    assert_eq!(
        (status, again["code"].as_str()),
        (409, Some("transition_refused"))
    );

    // Issued: the certificate ended in the same batch, and the status page says so.
    assert_eq!(
        kec.get_json(&format!("/api/staff/applications/{app}"))
            .await["stage"],
        "CARD_ISSUED"
    );
    let ended = rt.d1_query(&format!(
        "SELECT ended_on IS NOT NULL AS ended, ended_reason FROM certificates WHERE application_id = '{app}'"
    ));
    assert_eq!(
        (ended[0]["ended"].clone(), ended[0]["ended_reason"].clone()),
        (json!(1), json!("card_issued"))
    );
    let status = status_of(rt, &app_code).await;
    assert_eq!(status["card"]["step"], "issued");
    assert_eq!(status["certificate"]["valid"], false);
    assert_eq!(status["next_action"], "none");
    let text = status.to_string();
    for private in ["SITI", "3315", "1987"] {
        assert!(
            !text.contains(private),
            "{private} on the public status: {text}"
        );
    }
    // The receipt comes back with the check, with the signature behind it.
    let (_, check) = read(&kec, &format!("/api/staff/cards/by-code/{app_code}")).await;
    assert_eq!(check["receipt"], receipt);
    let signature = kec
        .get(receipt["signature_path"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(signature.status(), 200);
    assert_eq!(
        signature.bytes().await.unwrap().as_ref(),
        png(3_000).as_slice()
    );
}

async fn cards_uncollected_after_thirty_days_are_listed_for_kecamatan_and_dinas(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let kec = rt.staff_client("kec.kedungjati").await;
    let dinas = rt.staff_client("dinas.operator").await;
    let cards = printed_cards(rt, &kec, &dinas, KEDUNGJATI, 9401, 1, "baru").await;
    let (app, app_code) = cards[0].clone();
    let shipment = pack(&dinas, KEDUNGJATI, &cards, "u-pack").await;
    let (status, _) = receive(
        &kec,
        shipment["id"].as_str().unwrap(),
        &[&app],
        &[],
        "u-receive",
    )
    .await;
    assert_eq!(status, 200);

    let waiting = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["application_id"] == app.as_str())
            .cloned()
    };
    let (_, cards_now) = read(&kec, "/api/staff/cards").await;
    let card = waiting(&cards_now["waiting"]).expect("the card waits at the kecamatan");
    assert_eq!(
        (card["days_waiting"].clone(), card["uncollected"].clone()),
        (json!(0), json!(false))
    );
    let (_, overview) = read(&dinas, "/api/dinas/distribution").await;
    assert!(
        waiting(&overview["uncollected"]).is_none(),
        "not uncollected on its first day"
    );

    // Thirty-one days later (the receipt's date moved back; nothing else changes).
    rt.d1_query(&format!(
        "UPDATE shipment_cards SET received_on = date('now', '+7 hours', '-31 days') \
         WHERE application_id = '{app}'"
    ));
    let (_, cards_later) = read(&kec, "/api/staff/cards").await;
    let card = waiting(&cards_later["waiting"]).unwrap();
    assert_eq!(
        (card["days_waiting"].clone(), card["uncollected"].clone()),
        (json!(31), json!(true))
    );
    assert_eq!(card["registration_code"], app_code.as_str());
    let (_, overview) = read(&dinas, "/api/dinas/distribution").await;
    let listed = waiting(&overview["uncollected"]).expect("uncollected, seen by the dinas");
    assert_eq!(listed["district_code"], KEDUNGJATI);
    assert_eq!(listed["full_name"], "", "the dinas list names no one");
    assert_eq!(overview["uncollected_after_days"], 30);
}
