//! Storage: one SQLite connection, in memory or in a WAL-mode file.
//!
//! Both modes run the same SQL, so the in-memory default and `--db` cannot drift apart. Every
//! write runs in its own transaction and is committed before the response is sent; with
//! `synchronous=FULL` an acknowledged write survives even a power cut, let alone `kill -9`.

pub mod calls;
pub mod columns;
pub mod leads;
pub mod recordings;
mod schema;
pub mod search;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use crate::catalog::Catalog;
use crate::error::ApiError;
use crate::validate::TIMESTAMP_FORMAT;

/// A stored lead: its id, the columns that are set, and its custom `field_N` values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lead {
    pub id: i64,
    pub values: BTreeMap<&'static str, String>,
    pub custom: BTreeMap<String, String>,
}

impl Lead {
    pub fn get(&self, column: &str) -> Option<&str> {
        self.values.get(column).map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recording {
    pub recording_id: String,
    pub lead_id: i64,
    pub start_time: String,
    /// `None` for a recording whose end was never logged.
    pub end_time: Option<String>,
    pub seconds: Option<i64>,
}

/// One page of results and the size of the whole result.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub offset: i64,
    pub limit: i64,
    pub total: i64,
    pub entries: Vec<T>,
}

pub struct Store {
    conn: Mutex<Connection>,
    seed: u32,
}

impl Store {
    /// Opens (creating if needed) the store and seeds it the first time.
    pub fn open(path: Option<&Path>, seed: u32, catalog: &Catalog) -> rusqlite::Result<Store> {
        let mut conn = match path {
            Some(path) => {
                let conn = Connection::open(path)?;
                conn.pragma_update(None, "journal_mode", "WAL")?;
                conn.pragma_update(None, "synchronous", "FULL")?;
                conn
            }
            None => Connection::open_in_memory()?,
        };
        schema::create(&conn)?;
        if !schema::is_seeded(&conn)? {
            let tx = conn.transaction()?;
            crate::seed::fill(&tx, seed, catalog)?;
            schema::mark_seeded(&tx)?;
            tx.commit()?;
        }
        Ok(Store {
            conn: Mutex::new(conn),
            seed,
        })
    }

    /// Runs `f` with the connection held; callers open their own transaction for writes.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        // A panic while holding the lock cannot leave SQLite half-written (the transaction
        // rolls back on drop), so a poisoned lock is safe to keep using.
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut conn)
    }

    /// Back to the freshly seeded state, in one transaction.
    pub fn reset(&self, catalog: &Catalog) -> Result<(), ApiError> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            schema::clear(&tx)?;
            crate::seed::fill(&tx, self.seed, catalog)?;
            schema::mark_seeded(&tx)?;
            tx.commit()?;
            Ok(())
        })
    }
}

/// The current time in the service's timestamp format (UTC, no zone suffix).
pub fn now() -> String {
    chrono::Utc::now().format(TIMESTAMP_FORMAT).to_string()
}

/// Counts the rows `from_where` (a `FROM … WHERE …` clause over `args`) matches, then appends
/// `limit` and `offset` to `args` for the page query that follows: the paging both list
/// queries share.
fn count_then_page(
    conn: &Connection,
    from_where: &str,
    args: &mut Vec<Value>,
    limit: i64,
    offset: i64,
) -> rusqlite::Result<i64> {
    let total = conn.query_row(
        &format!("SELECT COUNT(*) {from_where}"),
        params_from_iter(args.iter()),
        |row| row.get(0),
    )?;
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    Ok(total)
}
