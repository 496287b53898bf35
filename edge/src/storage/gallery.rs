//! A gallery shard Durable Object's own SQLite: per enrolled person, the reference id, the
//! compact screening codes (`search::person_codes_to_bytes`) and the templates (the job's finger
//! list as JSON, base64 wire templates).

use shared::api::FingerTemplate;
use worker::{Result, SqlStorage, SqlStorageValue};

pub struct GalleryStore {
    sql: SqlStorage,
}

impl GalleryStore {
    /// Opens the store, creating its table on first use.
    pub fn open(sql: SqlStorage) -> Result<GalleryStore> {
        sql.exec(
            "CREATE TABLE IF NOT EXISTS people (
                slot INTEGER PRIMARY KEY,
                reference_id TEXT NOT NULL UNIQUE,
                codes BLOB NOT NULL,
                templates TEXT NOT NULL
            )",
            None,
        )?;
        Ok(GalleryStore { sql })
    }

    pub fn count(&self) -> Result<usize> {
        Ok(self
            .sql
            .exec("SELECT COUNT(*) FROM people", None)?
            .raw()
            .next()
            .transpose()?
            .and_then(|row| match row.first() {
                Some(SqlStorageValue::Integer(n)) => Some(*n as usize),
                _ => None,
            })
            .unwrap_or(0))
    }

    /// Every person's slot and stored codes in slot order, one row at a time (the shard builds
    /// its index from them without holding all rows at once).
    pub fn each_codes(&self, mut f: impl FnMut(u32, &[u8])) -> Result<()> {
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
            f(*slot as u32, codes);
        }
        Ok(())
    }

    /// The reference id and templates of the person in `slot`.
    pub fn person(&self, slot: u32) -> Result<Option<(String, Vec<FingerTemplate>)>> {
        let cursor = self.sql.exec(
            "SELECT reference_id, templates FROM people WHERE slot = ?",
            vec![SqlStorageValue::Integer(i64::from(slot))],
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

    /// The templates of the person with this reference id, if enrolled here.
    pub fn templates_of(&self, reference_id: &str) -> Result<Option<Vec<FingerTemplate>>> {
        let cursor = self.sql.exec(
            "SELECT templates FROM people WHERE reference_id = ?",
            vec![reference_id.into()],
        )?;
        let Some(row) = cursor.raw().next().transpose()? else {
            return Ok(None);
        };
        let Some(SqlStorageValue::String(json)) = row.first() else {
            return Err("gallery shard: malformed templates row".into());
        };
        Ok(Some(serde_json::from_str(json)?))
    }

    pub fn set_codes(&self, slot: u32, codes: Vec<u8>) -> Result<()> {
        self.sql.exec(
            "UPDATE people SET codes = ? WHERE slot = ?",
            vec![codes.into(), SqlStorageValue::Integer(i64::from(slot))],
        )?;
        Ok(())
    }

    /// Adds a person; `None` when the reference id is already enrolled (the call is idempotent).
    pub fn insert(
        &self,
        reference_id: &str,
        codes: Vec<u8>,
        fingers: &[FingerTemplate],
    ) -> Result<Option<u32>> {
        let inserted = self
            .sql
            .exec(
                "INSERT INTO people (reference_id, codes, templates) VALUES (?, ?, ?)
                 ON CONFLICT (reference_id) DO NOTHING RETURNING slot",
                vec![
                    reference_id.into(),
                    codes.into(),
                    serde_json::to_string(fingers)?.into(),
                ],
            )?
            .raw()
            .next()
            .transpose()?;
        Ok(match inserted.as_deref() {
            Some([SqlStorageValue::Integer(slot), ..]) => Some(*slot as u32),
            _ => None,
        })
    }
}
