//! Parameter values → column values, shared by insert, update, search and recordings.

use crate::carrier;
use crate::error::{ApiError, Code};
use crate::params::Params;
use crate::store::columns::{is_custom_field, Check, SetBy, COLUMNS};
use crate::store::leads::{Custom, Values};
use crate::store::Lead;
use crate::validate;

/// `limit` (1..=`max_limit`, else 7258) and `offset` (≥ 0, else 7231), with the documented
/// defaults: the paging both list endpoints share.
pub fn paging(params: &Params, default_limit: i64, max_limit: i64) -> Result<(i64, i64), ApiError> {
    let limit = params
        .int_in("limit", 1..=max_limit, || {
            ApiError::coded(Code::InvalidLimit)
        })?
        .unwrap_or(default_limit);
    let offset = params
        .int_in("offset", 0..=i64::MAX, || {
            ApiError::coded(Code::InvalidOffset)
        })?
        .unwrap_or(0);
    Ok((limit, offset))
}

/// The column parameters an endpoint may set (`may_set`), each checked for its format.
/// `phone_code` is the code the phone numbers are read for when the request gives none.
pub fn read_columns(
    params: &Params,
    may_set: impl Fn(SetBy) -> bool,
    phone_code: &str,
) -> Result<Values, ApiError> {
    let phone_code = params.get("phone_code").unwrap_or(phone_code);
    let mut values = Values::new();
    for column in COLUMNS.iter().filter(|c| may_set(c.set_by)) {
        let Some(raw) = params.get(column.name) else {
            continue;
        };
        let value = match column.check {
            Check::Text => raw.to_string(),
            Check::Phone => validate::phone(raw, phone_code)
                .ok_or_else(|| ApiError::coded(Code::PhoneInvalid))?,
            Check::AltPhone => validate::phone(raw, phone_code)
                .ok_or_else(|| ApiError::coded_with(Code::PhoneInvalid, column.name))?,
            Check::PhoneCode if validate::phone_code(raw) => raw.to_string(),
            Check::PhoneCode => {
                return Err(ApiError::bad_param(
                    column.name,
                    "a calling code of 1 to 3 digits",
                ))
            }
            Check::Email if validate::emails(raw) => raw.to_string(),
            Check::Email => return Err(ApiError::coded(Code::InvalidEmail)),
            Check::Date if validate::date(raw).is_some() => raw.to_string(),
            Check::Date => return Err(ApiError::bad_param(column.name, "a date YYYY-MM-DD")),
            Check::Number if validate::number(raw) => raw.to_string(),
            Check::Number => return Err(ApiError::bad_param(column.name, "a decimal number")),
        };
        values.insert(column.name, value);
    }
    Ok(values)
}

/// Custom `field_N` parameters, kept as given (the live service returns them on leads).
pub fn read_custom(params: &Params) -> Custom {
    params
        .names()
        .filter(|name| is_custom_field(name))
        .filter_map(|name| Some((name.to_string(), params.get(name)?.to_string())))
        .collect()
}

/// Which end of a date range a parameter is.
#[derive(Clone, Copy)]
pub enum Bound {
    Start,
    End,
}

/// A range parameter as a full timestamp: a bare date covers its whole day.
pub fn range_bound(name: &str, raw: &str, bound: Bound) -> Result<String, ApiError> {
    if validate::date(raw).is_some() {
        let time = match bound {
            Bound::Start => "00:00:00",
            Bound::End => "23:59:59",
        };
        Ok(format!("{raw} {time}"))
    } else if validate::timestamp(raw).is_some() {
        Ok(raw.to_string())
    } else {
        Err(ApiError::bad_param(
            name,
            "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS",
        ))
    }
}

/// The columns every write to an existing lead also changes: the modification time, the
/// status-change time when the status changes, and the carrier when the number changes.
pub fn stamp_changes(changes: &mut Values, before: &Lead, now: &str) {
    changes.insert("modified_at", now.to_string());
    if changes
        .get("status")
        .is_some_and(|s| Some(s.as_str()) != before.get("status"))
    {
        changes.insert("changed_at", now.to_string());
    }
    if let Some(phone) = changes.get("phone_number").cloned() {
        set_carrier(changes, &phone);
    }
}

pub fn set_carrier(values: &mut Values, phone: &str) {
    let (name, kind) = carrier::lookup(phone);
    values.insert("carrier_name", name.to_string());
    values.insert("carrier_type", kind.as_str().to_string());
}
