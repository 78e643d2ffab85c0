//! Table definitions, generated from the column table.

use rusqlite::{Connection, OptionalExtension};

use super::columns::COLUMNS;

pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    let columns: String = COLUMNS
        .iter()
        .map(|c| format!(", {} TEXT", c.name))
        .collect();
    conn.execute_batch(&format!(
        "CREATE TABLE IF NOT EXISTS leads (
             id INTEGER PRIMARY KEY AUTOINCREMENT{columns},
             custom TEXT NOT NULL DEFAULT '{{}}');
         CREATE INDEX IF NOT EXISTS leads_phone ON leads (phone_number);
         CREATE INDEX IF NOT EXISTS leads_list ON leads (list_id);
         CREATE TABLE IF NOT EXISTS recordings (
             recording_id TEXT PRIMARY KEY,
             lead_id INTEGER NOT NULL,
             start_time TEXT NOT NULL,
             end_time TEXT,
             seconds INTEGER);
         CREATE INDEX IF NOT EXISTS recordings_lead ON recordings (lead_id, start_time);
         CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    ))
}

pub fn is_seeded(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT value FROM meta WHERE key = 'seeded'",
        [],
        |_| Ok(()),
    )
    .optional()
    .map(|row| row.is_some())
}

pub fn mark_seeded(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', '1')",
        [],
    )
    .map(drop)
}

/// Empties every table, and restarts lead ids, so that a reseed gives the same ids again.
pub fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM leads; DELETE FROM recordings; DELETE FROM meta;
         DELETE FROM sqlite_sequence WHERE name = 'leads';",
    )
}
