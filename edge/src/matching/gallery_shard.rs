//! Gallery shard Durable Object: one slice of the gallery. Its SQLite holds, per enrolled person,
//! the reference id, the templates and their compact screening codes; in memory it keeps only the
//! screening index (about 1.5 KB per person), built lazily from the codes on the first search.
//!
//! `POST /search` screens everyone, runs the exact matcher on the short list (templates read
//! from SQLite for those people only) and returns the candidates with evidence;
//! `POST /enrol` adds a person (idempotent on the reference id); `GET /count` reports its size.

use super::messages::{Candidate, CandidateFinger, ShardEnrol, ShardResult, ShardSearch};
use super::templates;
use biometrics::search::params::MAX_REPORTED_CANDIDATES;
use biometrics::search::{
    fuse, person_codes_from_bytes, person_codes_to_bytes, ExactProbe, FingerCode, ScreeningIndex,
    ScreeningProbe, FINGER_POSITIONS,
};
use biometrics::Template;
use shared::api::FingerTemplate;
use std::cell::RefCell;
use worker::{
    durable_object, DurableObject, Env, Request, Response, Result, SqlStorage, SqlStorageValue,
    State,
};

#[durable_object]
pub struct GalleryShard {
    sql: SqlStorage,
    /// The in-memory search form and, per index slot, the SQLite row (`people.slot`).
    loaded: RefCell<Option<Loaded>>,
}

struct Loaded {
    index: ScreeningIndex,
    rows: Vec<u32>,
}

impl DurableObject for GalleryShard {
    fn new(state: State, _env: Env) -> Self {
        let sql = state.storage().sql();
        // Idempotent schema. `codes`: `search::person_codes_to_bytes`; `templates`: the job's
        // finger list as JSON (base64 wire templates).
        sql.exec(
            "CREATE TABLE IF NOT EXISTS people (
                slot INTEGER PRIMARY KEY,
                reference_id TEXT NOT NULL UNIQUE,
                codes BLOB NOT NULL,
                templates TEXT NOT NULL
            )",
            None,
        )
        .expect("gallery shard schema");
        Self {
            sql,
            loaded: RefCell::new(None),
        }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let path = req.path();
        match (req.method(), path.as_str()) {
            (worker::Method::Post, "/search") => {
                let body: ShardSearch = req.json().await?;
                Response::from_json(&self.search(&body)?)
            }
            (worker::Method::Post, "/enrol") => {
                let body: ShardEnrol = req.json().await?;
                Response::from_json(&self.enrol(&body)?)
            }
            (worker::Method::Get, "/count") => {
                self.ensure_loaded()?;
                let n = self.loaded.borrow().as_ref().map_or(0, |l| l.index.len());
                Response::from_json(&n)
            }
            _ => Response::error("not found", 404),
        }
    }
}

impl GalleryShard {
    fn ensure_loaded(&self) -> Result<()> {
        if self.loaded.borrow().is_some() {
            return Ok(());
        }
        let count = self
            .sql
            .exec("SELECT COUNT(*) FROM people", None)?
            .raw()
            .next()
            .transpose()?
            .and_then(|row| match row.first() {
                Some(SqlStorageValue::Integer(n)) => Some(*n as usize),
                _ => None,
            })
            .unwrap_or(0);
        let mut index = ScreeningIndex::with_capacity(count);
        let mut rows = Vec::with_capacity(count);
        // Rows whose codes are of an earlier version (or damaged): their index entries are
        // recomputed from the templates once the read is over, and written back.
        let mut stale = Vec::new();
        for row in self
            .sql
            .exec("SELECT slot, codes FROM people ORDER BY slot", None)?
            .raw()
        {
            let row = row?;
            let (Some(SqlStorageValue::Integer(slot)), Some(SqlStorageValue::Blob(codes))) =
                (row.first(), row.get(1))
            else {
                return Err("gallery shard: malformed people row".into());
            };
            let codes = person_codes_from_bytes(codes).unwrap_or_else(|| {
                stale.push((index.len(), *slot as u32));
                Default::default()
            });
            index.push(&codes);
            rows.push(*slot as u32);
        }
        for (at, row) in stale {
            let codes = self.recompute_codes(row)?;
            index.replace(at as u32, &codes);
        }
        *self.loaded.borrow_mut() = Some(Loaded { index, rows });
        Ok(())
    }

    fn search(&self, req: &ShardSearch) -> Result<ShardResult> {
        self.ensure_loaded()?;
        let probe = templates::usable(&req.fingers);
        let screening = ScreeningProbe::new(probe.iter().map(|(p, t)| (*p, t)));
        let exact = ExactProbe::new(probe.iter().map(|(p, t)| (*p, t)));
        let loaded = self.loaded.borrow();
        let loaded = loaded.as_ref().expect("loaded above");
        let short = loaded.index.screen(&screening, req.shortlist.max(1));
        let mut candidates = Vec::new();
        for s in short {
            let row = loaded.rows[s.slot as usize];
            let Some((reference_id, fingers)) = self.person(row)? else {
                continue;
            };
            if reference_id == req.reference_id {
                continue;
            }
            let enrolled = templates::usable(&fingers);
            // The short list is compared on the index fingers; a candidate with evidence is
            // then compared on every finger both recordings have.
            if fuse(&exact.score(enrolled.iter().map(|(p, t)| (*p, t)))) <= 0.0 {
                continue;
            }
            let scores = exact.score_all(enrolled.iter().map(|(p, t)| (*p, t)));
            let fused = fuse(&scores);
            {
                candidates.push(Candidate {
                    reference_id,
                    fused_score: fused,
                    fingers: scores
                        .iter()
                        .map(|f| CandidateFinger {
                            position: f.position,
                            score: f.score,
                        })
                        .collect(),
                });
            }
        }
        candidates.sort_by(|a, b| b.fused_score.total_cmp(&a.fused_score));
        candidates.truncate(MAX_REPORTED_CANDIDATES);
        Ok(ShardResult {
            people: loaded.index.len() as u64,
            candidates,
        })
    }

    fn person(&self, row: u32) -> Result<Option<(String, Vec<FingerTemplate>)>> {
        let cursor = self.sql.exec(
            "SELECT reference_id, templates FROM people WHERE slot = ?",
            vec![SqlStorageValue::Integer(i64::from(row))],
        )?;
        let Some(row) = cursor.raw().next().transpose()? else {
            return Ok(None);
        };
        let (Some(SqlStorageValue::String(reference_id)), Some(SqlStorageValue::String(json))) =
            (row.first(), row.get(1))
        else {
            return Err("gallery shard: malformed person row".into());
        };
        let fingers: Vec<FingerTemplate> = serde_json::from_str(json)?;
        Ok(Some((reference_id.clone(), fingers)))
    }

    /// The screening codes of a stored person computed afresh from their templates, written back
    /// so the next load reads them directly.
    fn recompute_codes(&self, row: u32) -> Result<[Option<FingerCode>; FINGER_POSITIONS]> {
        let (_, fingers) = self
            .person(row)?
            .ok_or("gallery shard: person row vanished while loading")?;
        let codes = codes_of(&templates::usable(&fingers));
        self.sql.exec(
            "UPDATE people SET codes = ? WHERE slot = ?",
            vec![
                person_codes_to_bytes(&codes).into(),
                SqlStorageValue::Integer(i64::from(row)),
            ],
        )?;
        Ok(codes)
    }

    fn enrol(&self, req: &ShardEnrol) -> Result<bool> {
        let codes = codes_of(&templates::usable(&req.fingers));
        let before = self.sql.exec(
            "INSERT INTO people (reference_id, codes, templates) VALUES (?, ?, ?)
             ON CONFLICT (reference_id) DO NOTHING RETURNING slot",
            vec![
                req.reference_id.as_str().into(),
                person_codes_to_bytes(&codes).into(),
                serde_json::to_string(&req.fingers)?.into(),
            ],
        )?;
        let inserted = before.raw().next().transpose()?;
        let Some(row) = inserted else {
            return Ok(false);
        };
        // Keep a loaded index in step; an unloaded one will read the row when first needed.
        if let (Some(SqlStorageValue::Integer(slot)), Some(loaded)) =
            (row.first(), self.loaded.borrow_mut().as_mut())
        {
            loaded.index.push(&codes);
            loaded.rows.push(*slot as u32);
        }
        Ok(true)
    }
}

/// Screening codes by position of a person's usable fingers.
fn codes_of(fingers: &[(u8, Template)]) -> [Option<FingerCode>; FINGER_POSITIONS] {
    let mut codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
    for (p, t) in fingers {
        codes[usize::from(*p) - 1] = Some(FingerCode::new(t));
    }
    codes
}
