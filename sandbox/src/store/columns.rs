//! The lead record, declared once: which parameters may set each column, how a value is
//! checked, and which response style shows it. Schema, inserts, updates and rendering are all
//! driven from this table.

/// Who may write a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetBy {
    /// The sandbox itself (timestamps, carrier lookup, hopper options, seeding).
    System,
    /// An insert parameter only.
    Insert,
    /// An insert or update parameter.
    InsertUpdate,
}

/// Which responses show a column. Each level includes the ones before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shown {
    /// leads-api.md's "Lead Object" (and so every style).
    Documented,
    /// The extra fields the live service sends.
    Live,
    /// Only the admin API's full view of a lead.
    Admin,
}

/// The format a parameter value must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    Text,
    /// The primary number: code 6008 when invalid.
    Phone,
    /// Alternate numbers: digits after punctuation is dropped, code 6008 when not.
    AltPhone,
    PhoneCode,
    /// One or more addresses: code 6079 when invalid.
    Email,
    Date,
    Number,
}

#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub name: &'static str,
    pub set_by: SetBy,
    pub shown: Shown,
    pub check: Check,
}

const fn col(name: &'static str, set_by: SetBy, shown: Shown, check: Check) -> Column {
    Column {
        name,
        set_by,
        shown,
        check,
    }
}

use Check::*;
use SetBy::*;
use Shown::*;

/// Every lead column except the integer `id` and the `custom` field map.
pub const COLUMNS: &[Column] = &[
    col("created_at", System, Documented, Text),
    col("modified_at", System, Documented, Text),
    col("first_name", InsertUpdate, Documented, Text),
    col("last_name", InsertUpdate, Documented, Text),
    col("email", InsertUpdate, Documented, Email),
    col("status", InsertUpdate, Documented, Text),
    col("owner_id", Insert, Documented, Text),
    col("source_id", System, Documented, Text),
    col("list_id", InsertUpdate, Documented, Text),
    col("phone_number", InsertUpdate, Documented, Phone),
    col("alt_phone_1", InsertUpdate, Documented, AltPhone),
    col("alt_phone_2", InsertUpdate, Documented, AltPhone),
    col("address1", InsertUpdate, Documented, Text),
    col("address2", InsertUpdate, Documented, Text),
    col("city", InsertUpdate, Documented, Text),
    col("state", InsertUpdate, Documented, Text),
    col("postal_code", InsertUpdate, Documented, Text),
    col("country", InsertUpdate, Documented, Text),
    col("gender", Insert, Documented, Text),
    col("date_of_birth", Insert, Documented, Date),
    col("carrier_name", System, Documented, Text),
    col("carrier_type", System, Documented, Text),
    col("user_id", System, Live, Text),
    col("phone_code", InsertUpdate, Live, PhoneCode),
    col("province", Insert, Live, Text),
    col("created_by", Insert, Live, Text),
    col("last_modified_by", Insert, Live, Text),
    col("changed_at", System, Live, Text),
    col("last_called_at", System, Live, Text),
    col("called_count", System, Live, Text),
    col("deleted_at", System, Live, Text),
    col("archived_at", System, Live, Text),
    col("date_notes_last_updated", System, Live, Text),
    col("std_company_name", InsertUpdate, Live, Text),
    col("std_consumer_number", InsertUpdate, Live, Text),
    col("std_account_number", InsertUpdate, Live, Text),
    col("notes", InsertUpdate, Live, Text),
    col("monthly_revenue", InsertUpdate, Live, Number),
    col("annual_revenue", InsertUpdate, Live, Number),
    col("title", InsertUpdate, Live, Text),
    col("business_name", InsertUpdate, Live, Text),
    col("dba", InsertUpdate, Live, Text),
    col("industry", InsertUpdate, Live, Text),
    col("start_date", InsertUpdate, Live, Date),
    col("hopper", System, Admin, Text),
    col("hopper_priority", System, Admin, Text),
    col("hopper_expires_at", System, Admin, Text),
];

/// Comma-separated column names, for SELECT and INSERT statements.
pub fn column_list() -> String {
    COLUMNS
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A custom field parameter: `field_` followed by 1 to 3 digits, as the live service names them.
pub fn is_custom_field(name: &str) -> bool {
    name.strip_prefix("field_")
        .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = COLUMNS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len());
    }

    #[test]
    fn custom_field_names() {
        assert!(is_custom_field("field_1") && is_custom_field("field_123"));
        assert!(
            !is_custom_field("field_")
                && !is_custom_field("field_1234")
                && !is_custom_field("field_x")
        );
    }
}
