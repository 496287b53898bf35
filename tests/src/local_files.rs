//! Reads the local R2 bucket's object index and the Durable Objects' own SQLite files straight
//! from wrangler's `--persist-to` directory (as `d1_file` does for D1): what a crash test counts
//! to show that nothing was stored twice or left behind. Read only.

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The SQLite files of one miniflare store directory (its `metadata.sqlite` left out).
fn sqlite_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "sqlite")
                && p.file_name().is_some_and(|n| n != "metadata.sqlite")
        })
        .collect()
}

fn open(file: &Path) -> Connection {
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap_or_else(|e| panic!("open {}: {e}", file.display()));
    conn.busy_timeout(Duration::from_secs(20)).unwrap();
    conn
}

/// The sum, over every instance of Durable Object class `class` (e.g. `GalleryShard`), of the one
/// number `count_sql` gives (a `SELECT COUNT(*) ...`); an instance without the table counts 0.
pub fn durable_object_count(state_dir: &Path, class: &str, count_sql: &str) -> u64 {
    let dir = state_dir.join(format!("v3/do/rekam-{class}"));
    sqlite_files(&dir)
        .iter()
        .map(|file| {
            open(file)
                .query_row(count_sql, [], |row| row.get::<_, i64>(0))
                .map_or(0, |n| n as u64)
        })
        .sum()
}

/// The keys of the objects in the local R2 bucket under `prefix`, in key order.
pub fn r2_keys(state_dir: &Path, prefix: &str) -> Vec<String> {
    let dir = state_dir.join("v3/r2/miniflare-R2BucketObject");
    let mut keys = Vec::new();
    for file in sqlite_files(&dir) {
        let conn = open(&file);
        let mut stmt = conn
            .prepare("SELECT key FROM _mf_objects WHERE substr(key, 1, length(?1)) = ?1")
            .expect("R2 object index");
        let rows = stmt
            .query_map([prefix], |row| row.get::<_, String>(0))
            .expect("R2 keys");
        keys.extend(rows.map(Result::unwrap));
    }
    keys.sort();
    keys
}
