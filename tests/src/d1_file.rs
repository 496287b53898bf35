//! Reads (and, for tamper tests, writes) the local D1 database straight from its SQLite file in
//! wrangler's `--persist-to` directory, beside the running workerd.
//!
//! Why not `wrangler d1 execute --local`: that starts a second workerd on the same file, which
//! takes SQLite's write lock while it opens the database; a write of the running worker that
//! meets the lock fails with SQLITE_BUSY (workerd does not wait), so observing the system made it
//! fail. A plain SQLite connection on the WAL-mode file reads without blocking the worker, waits
//! for the worker's lock instead of failing, and answers in a millisecond rather than a second.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a statement waits for the worker's write lock.
const BUSY_WAIT: Duration = Duration::from_secs(20);

/// Runs one SQL statement (or several, separated by `;`, then no rows are returned) against the
/// D1 database under `state_dir` and returns its rows as JSON objects, as D1 would; a refused
/// statement is SQLite's message.
pub fn execute(state_dir: &Path, sql: &str) -> Result<Value, String> {
    let conn = open(state_dir)?;
    let mut stmt = match conn.prepare(sql) {
        Ok(stmt) => stmt,
        Err(rusqlite::Error::MultipleStatement) => {
            conn.execute_batch(sql).map_err(|e| e.to_string())?;
            return Ok(Value::Array(Vec::new()));
        }
        Err(e) => return Err(e.to_string()),
    };
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let mut object = Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = row.get_ref(i).map_err(|e| e.to_string())?;
            object.insert(name.clone(), to_json(value));
        }
        out.push(Value::Object(object));
    }
    Ok(Value::Array(out))
}

fn open(state_dir: &Path) -> Result<Connection, String> {
    let file = database_file(state_dir)?;
    let conn = Connection::open_with_flags(
        &file,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("open {}: {e}", file.display()))?;
    conn.busy_timeout(BUSY_WAIT).map_err(|e| e.to_string())?;
    // D1 enforces foreign keys; so does a statement run here.
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(|e| e.to_string())?;
    // Checkpointing is the worker's business: a write here never starts one.
    conn.pragma_update(None, "wal_autocheckpoint", 0)
        .map_err(|e| e.to_string())?;
    Ok(conn)
}

/// The one D1 database's file: miniflare names it by a hash of the binding's id.
fn database_file(state_dir: &Path) -> Result<PathBuf, String> {
    let dir = state_dir.join("v3/d1/miniflare-D1DatabaseObject");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.extension().is_some_and(|x| x == "sqlite")
                && p.file_name().is_some_and(|n| n != "metadata.sqlite")
        })
        .ok_or_else(|| format!("no D1 database file in {}", dir.display()))
}

fn to_json(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(b.to_vec()),
    }
}
