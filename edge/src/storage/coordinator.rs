//! The match coordinator Durable Object's own SQLite: each job's outcome (a redelivered job gets
//! the same answer), which shard each person was enrolled into, and the templates of recordings
//! held for an adjudicator.

use crate::matching::messages::Outcome;
use shared::api::FingerTemplate;
use worker::{Result, SqlStorage, SqlStorageValue};

pub struct CoordinatorStore {
    sql: SqlStorage,
}

impl CoordinatorStore {
    /// Opens the store, creating its tables on first use.
    pub fn open(sql: SqlStorage) -> Result<CoordinatorStore> {
        for ddl in [
            "CREATE TABLE IF NOT EXISTS jobs (job_id TEXT PRIMARY KEY, outcome TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS enrolled (reference_id TEXT PRIMARY KEY, shard INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS held (reference_id TEXT PRIMARY KEY, fingers TEXT NOT NULL)",
        ] {
            sql.exec(ddl, None)?;
        }
        Ok(CoordinatorStore { sql })
    }

    fn text(&self, query: &str, key: &str) -> Result<Option<String>> {
        let row = self
            .sql
            .exec(query, vec![key.into()])?
            .raw()
            .next()
            .transpose()?;
        Ok(match row.as_deref() {
            Some([SqlStorageValue::String(s), ..]) => Some(s.clone()),
            _ => None,
        })
    }

    pub fn outcome(&self, job_id: &str) -> Result<Option<Outcome>> {
        match self.text("SELECT outcome FROM jobs WHERE job_id = ?", job_id)? {
            Some(json) => Ok(Some(serde_json::from_str(&json)?)),
            None => Ok(None),
        }
    }

    pub fn save_outcome(&self, job_id: &str, outcome: &Outcome) -> Result<()> {
        self.sql.exec(
            "INSERT OR REPLACE INTO jobs (job_id, outcome) VALUES (?, ?)",
            vec![job_id.into(), serde_json::to_string(outcome)?.into()],
        )?;
        Ok(())
    }

    /// The shard a person was enrolled into, if they were.
    pub fn shard_of(&self, reference_id: &str) -> Result<Option<u32>> {
        let row = self
            .sql
            .exec(
                "SELECT shard FROM enrolled WHERE reference_id = ?",
                vec![reference_id.into()],
            )?
            .raw()
            .next()
            .transpose()?;
        Ok(match row.as_deref() {
            Some([SqlStorageValue::Integer(s), ..]) => Some(*s as u32),
            _ => None,
        })
    }

    pub fn record_enrolled(&self, reference_id: &str, shard: u32) -> Result<()> {
        self.sql.exec(
            "INSERT OR IGNORE INTO enrolled (reference_id, shard) VALUES (?, ?)",
            vec![
                reference_id.into(),
                SqlStorageValue::Integer(i64::from(shard)),
            ],
        )?;
        Ok(())
    }

    /// People placed per shard, for shards that have any.
    pub fn enrolled_per_shard(&self) -> Result<Vec<(u32, i64)>> {
        let mut out = Vec::new();
        for row in self
            .sql
            .exec("SELECT shard, COUNT(*) FROM enrolled GROUP BY shard", None)?
            .raw()
        {
            if let [SqlStorageValue::Integer(s), SqlStorageValue::Integer(n)] = row?.as_slice() {
                out.push((*s as u32, *n));
            }
        }
        Ok(out)
    }

    /// Keeps an ambiguous or duplicate recording's templates until an adjudicator decides.
    pub fn hold(&self, reference_id: &str, fingers: &[FingerTemplate]) -> Result<()> {
        self.sql.exec(
            "INSERT OR REPLACE INTO held (reference_id, fingers) VALUES (?, ?)",
            vec![reference_id.into(), serde_json::to_string(fingers)?.into()],
        )?;
        Ok(())
    }

    pub fn held(&self, reference_id: &str) -> Result<Option<Vec<FingerTemplate>>> {
        match self.text(
            "SELECT fingers FROM held WHERE reference_id = ?",
            reference_id,
        )? {
            Some(json) => Ok(Some(serde_json::from_str(&json)?)),
            None => Ok(None),
        }
    }

    pub fn release(&self, reference_id: &str) -> Result<()> {
        self.sql.exec(
            "DELETE FROM held WHERE reference_id = ?",
            vec![reference_id.into()],
        )?;
        Ok(())
    }
}
