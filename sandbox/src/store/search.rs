//! Lead search: the filter table of leads-api.md and the query it becomes.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::leads::{from_row, select_columns};
use super::{Lead, Page};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// The lead id.
    Id,
    /// Case-insensitive equality on a column.
    Equals(&'static str),
    /// The start of a date range on a timestamp column (inclusive).
    From(&'static str),
    /// The end of a date range on a timestamp column (inclusive).
    Until(&'static str),
}

impl Filter {
    pub fn column(self) -> &'static str {
        match self {
            Filter::Id => "id",
            Filter::Equals(c) | Filter::From(c) | Filter::Until(c) => c,
        }
    }
}

use Filter::*;

/// Every search parameter of leads-api.md except auth_token, offset and limit.
pub const FILTERS: &[(&str, Filter)] = &[
    ("lead_id", Id),
    ("list_id", Equals("list_id")),
    ("user_id", Equals("user_id")),
    ("owner_id", Equals("owner_id")),
    ("status", Equals("status")),
    ("created_by", Equals("created_by")),
    ("email", Equals("email")),
    ("last_modified_by", Equals("last_modified_by")),
    ("first_name", Equals("first_name")),
    ("last_name", Equals("last_name")),
    ("phone_number", Equals("phone_number")),
    ("alt_phone_1", Equals("alt_phone_1")),
    ("alt_phone_2", Equals("alt_phone_2")),
    ("address1", Equals("address1")),
    ("address2", Equals("address2")),
    ("city", Equals("city")),
    ("state", Equals("state")),
    ("province", Equals("province")),
    ("postal_code", Equals("postal_code")),
    ("country", Equals("country")),
    ("gender", Equals("gender")),
    ("date_of_birth", Equals("date_of_birth")),
    ("std_company_name", Equals("std_company_name")),
    ("std_consumer_number", Equals("std_consumer_number")),
    ("std_account_number", Equals("std_account_number")),
    ("created_at_start_date", From("created_at")),
    ("created_at_end_date", Until("created_at")),
    ("updated_at_start_date", From("modified_at")),
    ("updated_at_end_date", Until("modified_at")),
    ("changed_at_start_date", From("changed_at")),
    ("changed_at_end_date", Until("changed_at")),
    ("deleted_at_start", From("deleted_at")),
    ("deleted_at_end", Until("deleted_at")),
    ("archived_at_start", From("archived_at")),
    ("archived_at_end", Until("archived_at")),
    ("last_call_start_date", From("last_called_at")),
    ("last_call_end_date", Until("last_called_at")),
];

/// Runs a search. `criteria` values are already normalised (range bounds are full timestamps).
///
/// Deleted and archived leads are only found by a search on their `deleted_at_*` /
/// `archived_at_*` range. Results are in id order, or in update order (then id) when an
/// `updated_at_*` range is given, as the live service does; either way paging is stable.
pub fn run(
    conn: &Connection,
    criteria: &[(Filter, String)],
    offset: i64,
    limit: i64,
) -> rusqlite::Result<Page<Lead>> {
    let on = |column: &str| criteria.iter().any(|(f, _)| f.column() == column);
    let mut conditions: Vec<String> = Vec::new();
    for hidden in ["deleted_at", "archived_at"] {
        if !on(hidden) {
            conditions.push(format!("{hidden} IS NULL"));
        }
    }
    let mut args: Vec<Value> = Vec::new();
    for (filter, value) in criteria {
        conditions.push(match filter {
            Id => "CAST(id AS TEXT) = ?".to_string(),
            Equals(c) => format!("{c} = ? COLLATE NOCASE"),
            From(c) => format!("{c} >= ?"),
            Until(c) => format!("{c} <= ?"),
        });
        args.push(Value::Text(value.clone()));
    }
    let order_by = if on("modified_at") {
        "modified_at, id"
    } else {
        "id"
    };
    let filtered = format!("FROM leads WHERE {}", conditions.join(" AND "));
    let total = super::count_then_page(conn, &filtered, &mut args, limit, offset)?;
    let mut stmt = conn.prepare(&format!(
        "{} {filtered} ORDER BY {order_by} LIMIT ? OFFSET ?",
        select_columns()
    ))?;
    let entries = stmt
        .query_map(params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page {
        offset,
        limit,
        total,
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_documented_search_parameter() {
        // leads-api.md lists 40 parameters: these 37 filters plus auth_token, offset and limit.
        assert_eq!(FILTERS.len(), 37);
        for (name, filter) in FILTERS {
            let column = filter.column();
            assert!(
                column == "id"
                    || crate::store::columns::COLUMNS
                        .iter()
                        .any(|c| c.name == column),
                "{name} -> {column}"
            );
        }
    }
}
