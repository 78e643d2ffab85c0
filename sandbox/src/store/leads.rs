//! Reading and writing lead rows.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

use super::columns::{column_list, COLUMNS};
use super::Lead;

pub type Values = BTreeMap<&'static str, String>;
pub type Custom = BTreeMap<String, String>;

/// `SELECT` of every lead column, in the order `from_row` reads them (no `FROM`).
pub fn select_columns() -> String {
    format!("SELECT id, {}, custom", column_list())
}

pub fn select_sql() -> String {
    format!("{} FROM leads", select_columns())
}

pub fn from_row(row: &Row) -> rusqlite::Result<Lead> {
    let mut values = Values::new();
    for (index, column) in COLUMNS.iter().enumerate() {
        if let Some(value) = row.get::<_, Option<String>>(index + 1)? {
            values.insert(column.name, value);
        }
    }
    let custom: String = row.get(COLUMNS.len() + 1)?;
    Ok(Lead {
        id: row.get(0)?,
        values,
        // Only this module writes the column, always from a map, so it always parses.
        custom: serde_json::from_str(&custom).unwrap_or_default(),
    })
}

/// A lead by id; deleted leads only when asked for.
pub fn find(conn: &Connection, id: i64, include_deleted: bool) -> rusqlite::Result<Option<Lead>> {
    let visible = if include_deleted {
        ""
    } else {
        " AND deleted_at IS NULL"
    };
    conn.query_row(
        &format!("{} WHERE id = ?1{visible}", select_sql()),
        [id],
        from_row,
    )
    .optional()
}

/// Inserts a lead and returns its id (`id` given only when seeding fixed ids).
pub fn insert(
    conn: &Connection,
    id: Option<i64>,
    values: &Values,
    custom: &Custom,
) -> rusqlite::Result<i64> {
    let mut names: Vec<&str> = values.keys().copied().collect();
    let mut args: Vec<Value> = values.values().map(|v| Value::Text(v.clone())).collect();
    names.push("custom");
    args.push(Value::Text(custom_json(custom)));
    if let Some(id) = id {
        names.push("id");
        args.push(Value::Integer(id));
    }
    let marks = vec!["?"; names.len()].join(", ");
    conn.execute(
        &format!("INSERT INTO leads ({}) VALUES ({marks})", names.join(", ")),
        params_from_iter(args),
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes `changes` over an existing lead; custom fields are merged into the ones it has.
pub fn update(
    conn: &Connection,
    lead: &Lead,
    changes: &Values,
    custom: &Custom,
) -> rusqlite::Result<()> {
    let mut merged = lead.custom.clone();
    merged.extend(custom.iter().map(|(k, v)| (k.clone(), v.clone())));
    let mut sets: Vec<String> = changes.keys().map(|name| format!("{name} = ?")).collect();
    let mut args: Vec<Value> = changes.values().map(|v| Value::Text(v.clone())).collect();
    sets.push("custom = ?".into());
    args.push(Value::Text(custom_json(&merged)));
    args.push(Value::Integer(lead.id));
    conn.execute(
        &format!("UPDATE leads SET {} WHERE id = ?", sets.join(", ")),
        params_from_iter(args),
    )
    .map(drop)
}

/// Marks a lead deleted (it stays searchable by `deleted_at_*`); false if there was none.
pub fn soft_delete(conn: &Connection, id: i64, now: &str) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE leads SET deleted_at = ?1, modified_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
        rusqlite::params![now, id],
    )?;
    Ok(changed == 1)
}

/// Leads that are not deleted (archived ones included).
pub fn count_active(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT COUNT(*) FROM leads WHERE deleted_at IS NULL",
        [],
        |row| row.get(0),
    )
}

/// Which active leads count as a duplicate of a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListScope {
    None,
    One(String),
    All,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DupScope {
    pub lists: ListScope,
    /// Archived leads of any list count too.
    pub archive: bool,
    /// Alternate numbers are compared as well as the primary one.
    pub alt_phones: bool,
}

impl DupScope {
    pub fn is_empty(&self) -> bool {
        self.lists == ListScope::None && !self.archive
    }
}

/// The first duplicate of `numbers` (primary first) within `scope`.
pub fn find_duplicate(
    conn: &Connection,
    numbers: &[String],
    scope: &DupScope,
) -> rusqlite::Result<Option<i64>> {
    if scope.is_empty() {
        return Ok(None);
    }
    let compared: &[String] = if scope.alt_phones {
        numbers
    } else {
        numbers.get(..1).unwrap_or_default()
    };
    let mut args: Vec<Value> = Vec::new();
    let marks = vec!["?"; compared.len()].join(", ");
    let number_columns: &[&str] = if scope.alt_phones {
        &["phone_number", "alt_phone_1", "alt_phone_2"]
    } else {
        &["phone_number"]
    };
    let phone_match = number_columns
        .iter()
        .map(|column| {
            args.extend(compared.iter().map(|n| Value::Text(n.clone())));
            format!("{column} IN ({marks})")
        })
        .collect::<Vec<_>>()
        .join(" OR ");
    let in_lists = match &scope.lists {
        ListScope::None => "0".to_string(),
        ListScope::All => "1".to_string(),
        ListScope::One(list) => {
            args.push(Value::Text(list.clone()));
            "list_id = ?".to_string()
        }
    };
    let archive = i64::from(scope.archive);
    conn.query_row(
        &format!(
            "SELECT id FROM leads WHERE deleted_at IS NULL AND ({phone_match})
               AND ((archived_at IS NULL AND {in_lists}) OR ({archive} AND archived_at IS NOT NULL))
             ORDER BY id LIMIT 1"
        ),
        params_from_iter(args),
        |row| row.get(0),
    )
    .optional()
}

/// `update_order_by_last_called_time`: which of several matches `update_if_found` picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalledOrder {
    /// Least recently called first (never-called leads before all others).
    Asc,
    /// Most recently called first.
    Desc,
}

/// The active lead with this primary number in one of `lists` that `update_if_found` updates:
/// ordered by last call time when asked, else the oldest lead.
pub fn find_to_update(
    conn: &Connection,
    phone: &str,
    lists: &[String],
    order: Option<CalledOrder>,
) -> rusqlite::Result<Option<Lead>> {
    if lists.is_empty() {
        return Ok(None);
    }
    let order_by = match order {
        None => "id",
        Some(CalledOrder::Asc) => "last_called_at ASC, id",
        Some(CalledOrder::Desc) => "last_called_at DESC, id",
    };
    let marks = vec!["?"; lists.len()].join(", ");
    let args = std::iter::once(phone.to_string()).chain(lists.iter().cloned());
    conn.query_row(
        &format!(
            "{} WHERE deleted_at IS NULL AND archived_at IS NULL AND phone_number = ?
               AND list_id IN ({marks}) ORDER BY {order_by} LIMIT 1",
            select_sql()
        ),
        params_from_iter(args),
        from_row,
    )
    .optional()
}

fn custom_json(custom: &Custom) -> String {
    serde_json::to_string(custom).unwrap_or_else(|_| "{}".into())
}
