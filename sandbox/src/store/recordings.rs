//! Recording rows.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use super::{Page, Recording};

pub fn insert(conn: &Connection, rec: &Recording) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO recordings (recording_id, lead_id, start_time, end_time, seconds)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![
            rec.recording_id,
            rec.lead_id,
            rec.start_time,
            rec.end_time,
            rec.seconds
        ],
    )
    .map(drop)
}

/// A lead's recordings that started within [from, until], oldest first. A deleted or unknown
/// lead has none.
pub fn for_lead(
    conn: &Connection,
    lead_id: i64,
    from: Option<String>,
    until: Option<String>,
    offset: i64,
    limit: i64,
) -> rusqlite::Result<Page<Recording>> {
    let mut conditions = vec!["r.lead_id = ?".to_string()];
    let mut args = vec![Value::Integer(lead_id)];
    for (op, bound) in [(">=", from), ("<=", until)] {
        if let Some(bound) = bound {
            conditions.push(format!("r.start_time {op} ?"));
            args.push(Value::Text(bound));
        }
    }
    let from_where = format!(
        "FROM recordings r JOIN leads l ON l.id = r.lead_id AND l.deleted_at IS NULL WHERE {}",
        conditions.join(" AND ")
    );
    let total = super::count_then_page(conn, &from_where, &mut args, limit, offset)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT r.recording_id, r.lead_id, r.start_time, r.end_time, r.seconds {from_where}
         ORDER BY r.start_time, r.recording_id LIMIT ? OFFSET ?"
    ))?;
    let entries = stmt
        .query_map(params_from_iter(args.iter()), |row| {
            Ok(Recording {
                recording_id: row.get(0)?,
                lead_id: row.get(1)?,
                start_time: row.get(2)?,
                end_time: row.get(3)?,
                seconds: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page {
        offset,
        limit,
        total,
        entries,
    })
}

/// Whether a recording exists for a lead that is not deleted (its audio is served).
pub fn exists(conn: &Connection, recording_id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM recordings r JOIN leads l ON l.id = r.lead_id AND l.deleted_at IS NULL
         WHERE r.recording_id = ?1",
        [recording_id],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}
