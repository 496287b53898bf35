//! The `card_prints` table: one row per blank card used in a print run, printed (the
//! application's one valid card) or spoiled (never valid, or voided by a reprint).

use super::decode::to_json;
use serde::Deserialize;
use shared::api::CardOutcome;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Deserialize)]
pub struct CardRow {
    pub serial: String,
    pub application_id: String,
    pub state: CardOutcome,
    pub reason: Option<String>,
    pub voided_at: Option<String>,
}

/// A run's cards, oldest first.
pub async fn for_run(db: &D1Database, run_id: &str) -> Result<Vec<CardRow>> {
    db.prepare(
        "SELECT serial, application_id, state, reason, voided_at FROM card_prints \
         WHERE run_id = ?1 ORDER BY recorded_at, serial",
    )
    .bind(&[run_id.into()])?
    .all()
    .await?
    .results()
}

/// Which of these serials are already recorded (in any run).
pub async fn taken(db: &D1Database, serials: &[&str]) -> Result<Vec<String>> {
    #[derive(Deserialize)]
    struct Row {
        serial: String,
    }
    let rows: Vec<Row> = db
        .prepare("SELECT serial FROM card_prints WHERE serial IN (SELECT value FROM json_each(?1))")
        .bind(&[to_json(&serials)?.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| r.serial).collect())
}

/// A card as recorded.
#[derive(serde::Serialize)]
pub struct NewCard<'a> {
    pub serial: &'a str,
    pub application_id: &'a str,
    pub state: CardOutcome,
    pub reason: Option<&'a str>,
}

/// Every new card of a request in one statement.
pub fn insert_all(
    db: &D1Database,
    run_id: &str,
    cards: &[NewCard<'_>],
    by: &str,
    now: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO card_prints (serial, run_id, application_id, state, reason, recorded_by, recorded_at) \
         SELECT json_extract(value, '$.serial'), ?1, json_extract(value, '$.application_id'), \
                json_extract(value, '$.state'), json_extract(value, '$.reason'), ?2, ?3 \
         FROM json_each(?4) ORDER BY key",
    )
    .bind(&[run_id.into(), by.into(), now.into(), to_json(&cards)?.into()])
}

/// A valid card voided by its reprint.
#[derive(serde::Serialize)]
pub struct Voiding<'a> {
    pub serial: &'a str,
    pub application_id: &'a str,
    pub reason: &'a str,
    pub replaced_by: &'a str,
}

/// Aborts the batch unless each voided card is still its application's valid card in this run.
pub fn guard_valid(
    db: &D1Database,
    run_id: &str,
    voidings: &[Voiding<'_>],
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO transition_guard (never_null) SELECT NULL FROM json_each(?2) AS v \
         WHERE NOT EXISTS (SELECT 1 FROM card_prints c WHERE c.run_id = ?1 \
                           AND c.serial = json_extract(v.value, '$.serial') \
                           AND c.application_id = json_extract(v.value, '$.application_id') \
                           AND c.state = 'printed')",
    )
    .bind(&[run_id.into(), to_json(&voidings)?.into()])
}

/// Voids the replaced cards; must come before the reprints' insert in the batch (one valid
/// card per application is a unique index).
pub fn void_all(
    db: &D1Database,
    voidings: &[Voiding<'_>],
    now: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE card_prints SET state = 'spoiled', voided_at = ?2, reason = v.reason, \
         replaced_by = v.replaced_by \
         FROM (SELECT json_extract(value, '$.serial') AS serial, \
                      json_extract(value, '$.reason') AS reason, \
                      json_extract(value, '$.replaced_by') AS replaced_by FROM json_each(?1)) AS v \
         WHERE card_prints.serial = v.serial AND card_prints.state = 'printed'",
    )
    .bind(&[to_json(&voidings)?.into(), now.into()])
}
