//! The `match_results` table: the 1:N outcome of each recording, written by the queue consumer
//! in the same batch as the stage it leads to.

use super::decode::to_json;
use crate::matching::messages::{Candidate, MatchDecision};
use worker::{D1Database, D1PreparedStatement, Result};

pub struct NewMatchResult<'a> {
    pub reference_id: &'a str,
    pub decision: MatchDecision,
    pub candidates: &'a [Candidate],
    pub searched_people: u64,
    pub decided_at: &'a str,
}

/// Replaces an earlier row of the same recording (a redelivered job decides the same again).
pub fn upsert(db: &D1Database, m: &NewMatchResult<'_>) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT OR REPLACE INTO match_results (reference_id, decision, candidates_json, searched_people, decided_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(&[
        m.reference_id.into(),
        m.decision.as_str().into(),
        to_json(&m.candidates)?.into(),
        (m.searched_people as f64).into(),
        m.decided_at.into(),
    ])
}
