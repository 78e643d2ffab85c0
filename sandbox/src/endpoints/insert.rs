//! `POST /leads/insert`: checks, duplicate rules, `update_if_found`, hopper and carrier
//! options.
//!
//! Everything that needs no storage is checked first (in this order: 6007, 6002, 6006,
//! 6023, formats, options, phone rejections); the duplicate search and the write then run in
//! one transaction, so two concurrent inserts cannot both pass the duplicate check.

use chrono::Duration;

use super::fields::{read_columns, read_custom, set_carrier, stamp_changes};
use crate::app::App;
use crate::blueink;
use crate::carrier::{self, CarrierType};
use crate::catalog::Catalog;
use crate::error::{ApiError, Code};
use crate::params::Params;
use crate::render::Reply;
use crate::store::columns::SetBy;
use crate::store::leads::{self, CalledOrder, Custom, DupScope, ListScope, Values};
use crate::store::{now, Lead};
use crate::validate;

pub async fn run(app: &App, params: Params) -> Result<Reply, ApiError> {
    let params = split_phone_code(params, &app.catalog)?;
    let insert = Insert::read(&params, &app.catalog)?;
    app.db(move |conn| insert.apply(conn)).await
}

/// A checked insert request.
struct Insert {
    /// Column values from the parameters.
    given: Values,
    custom: Custom,
    /// Hopper columns, written on insert and on update-if-found alike.
    hopper: Values,
    /// The primary number, then the alternates: what duplicate level 4 compares.
    numbers: Vec<String>,
    dup: DupScope,
    update_if_found: Option<UpdateIfFound>,
}

struct UpdateIfFound {
    lead_id: Option<i64>,
    /// Lists searched for a lead with the same number.
    lists: Vec<String>,
    order: Option<CalledOrder>,
}

impl Insert {
    fn read(params: &Params, catalog: &Catalog) -> Result<Insert, ApiError> {
        // The live service looks the number up with Blue Ink Digital when only a token is sent.
        let fetched = match (
            params.get("phone_number"),
            params.get("blueinkdigital_token"),
        ) {
            (None, Some(token)) => Some(blueink::phone_for(token)),
            _ => None,
        };
        let has_phone = params.get("phone_number").is_some() || fetched.is_some();
        let Some(list_id) = params.get("list_id").filter(|_| has_phone) else {
            return Err(ApiError::coded(Code::PhoneAndListRequired));
        };
        let list = catalog
            .lists
            .get(list_id)
            .ok_or_else(|| ApiError::coded(Code::NoSuchList))?;
        if let Some(owner) = params.get("owner_id") {
            if !catalog.users.contains_key(owner) {
                return Err(ApiError::coded(Code::NoSuchUser));
            }
        }
        let missing: Vec<&str> = list
            .required_fields
            .iter()
            .map(String::as_str)
            .filter(|field| params.get(field).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(ApiError::coded_with(
                Code::RequiredFieldsMissing,
                missing.join(", "),
            ));
        }

        let mut given = read_columns(params, |s| s != SetBy::System, "1")?;
        if let Some(phone) = fetched {
            given.insert("phone_number", phone);
        }
        let phone = given.get("phone_number").cloned().unwrap_or_default();
        reject_phone(params, catalog, &phone)?;

        let numbers = ["phone_number", "alt_phone_1", "alt_phone_2"]
            .iter()
            .filter_map(|c| given.get(c).cloned())
            .collect();
        Ok(Insert {
            custom: read_custom(params),
            hopper: hopper(params)?,
            numbers,
            dup: dup_scope(params, list_id)?,
            update_if_found: update_if_found(params, catalog, list_id)?,
            given,
        })
    }

    fn apply(self, conn: &mut rusqlite::Connection) -> Result<Reply, ApiError> {
        let tx = conn.transaction()?;
        let now = now();
        if let Some(existing) = self.existing_lead(&tx)? {
            let mut changes = self.given.clone();
            // The found lead stays in its own list.
            changes.remove("list_id");
            changes.extend(self.hopper.clone());
            stamp_changes(&mut changes, &existing, &now);
            leads::update(&tx, &existing, &changes, &self.custom)?;
            tx.commit()?;
            return Ok(Reply::Inserted(existing.id));
        }
        if leads::find_duplicate(&tx, &self.numbers, &self.dup)?.is_some() {
            return Err(ApiError::coded(Code::PhoneExists));
        }
        let mut values = self.given;
        values.extend(self.hopper);
        for (column, default) in [("status", "NEW"), ("phone_code", "1"), ("source_id", "1")] {
            values.entry(column).or_insert_with(|| default.to_string());
        }
        if let Some(owner) = values.get("owner_id").cloned() {
            values.insert("user_id", owner);
        }
        if let Some(phone) = values.get("phone_number").cloned() {
            set_carrier(&mut values, &phone);
        }
        for column in ["created_at", "modified_at", "changed_at"] {
            values.insert(column, now.clone());
        }
        values.insert("called_count", "0".into());
        let id = leads::insert(&tx, None, &values, &self.custom)?;
        tx.commit()?;
        Ok(Reply::Inserted(id))
    }

    /// The lead `update_if_found` updates: the one named by `lead_id`, else the first with
    /// the same number in the searched lists.
    fn existing_lead(&self, tx: &rusqlite::Connection) -> Result<Option<Lead>, ApiError> {
        let Some(update) = &self.update_if_found else {
            return Ok(None);
        };
        if let Some(id) = update.lead_id {
            if let Some(lead) = leads::find(tx, id, false)? {
                return Ok(Some(lead));
            }
        }
        let phone = self.numbers.first().map(String::as_str).unwrap_or_default();
        Ok(leads::find_to_update(
            tx,
            phone,
            &update.lists,
            update.order,
        )?)
    }
}

/// `filter_phone_code`: a number typed with its country code in front is split into
/// `phone_code` and the national number, as public client docs describe the option
/// (`12135550161` → `1` + `2135550161`; a leading `+` is allowed). With a `phone_code` given,
/// only that code is split off; without one, a number already valid for the default code 1
/// is kept, else the configured `phone_codes` are tried, longest first. The split is made
/// only when what is left is a valid number for the code; anything else is left as sent
/// (and checked as usual).
fn split_phone_code(mut params: Params, catalog: &Catalog) -> Result<Params, ApiError> {
    if !params.flag("filter_phone_code")? {
        return Ok(params);
    }
    let Some(raw) = params.get("phone_number") else {
        return Ok(params);
    };
    let typed = validate::without_punctuation(raw);
    let digits = typed.strip_prefix('+').unwrap_or(&typed);
    let mut codes: Vec<&str> = match params.get("phone_code") {
        Some(code) => vec![code],
        None if validate::phone(raw, "1").is_some() => Vec::new(),
        None => catalog.phone_codes.iter().map(String::as_str).collect(),
    };
    codes.sort_by_key(|code| std::cmp::Reverse(code.len()));
    let split = codes.into_iter().find_map(|code| {
        let number = validate::phone(digits.strip_prefix(code)?, code)?;
        Some((code.to_string(), number))
    });
    if let Some((code, number)) = split {
        params.set("phone_code", code);
        params.set("phone_number", number);
    }
    Ok(params)
}

/// Account-level refusals of a valid number, all reported as 6008 with the reason.
fn reject_phone(params: &Params, catalog: &Catalog, phone: &str) -> Result<(), ApiError> {
    if params.flag("check_dnc")? && catalog.dnc.contains(phone) {
        return Err(ApiError::coded_with(
            Code::PhoneInvalid,
            "number is on the do-not-call list",
        ));
    }
    let mut rejected = Vec::new();
    if params.flag("check_wireless")? {
        rejected.push(CarrierType::Wireless);
    }
    for name in params
        .get("reject_by_carrier_type")
        .unwrap_or_default()
        .split(',')
    {
        if name.trim().is_empty() {
            continue;
        }
        rejected.push(CarrierType::from_reject_name(name).ok_or_else(|| {
            ApiError::bad_param(
                "reject_by_carrier_type",
                "MOBILE, VOIP or LANDLINE, comma-separated",
            )
        })?);
    }
    let (_, kind) = carrier::lookup(phone);
    if rejected.contains(&kind) {
        return Err(ApiError::coded_with(
            Code::PhoneInvalid,
            format!("carrier type {} rejected", kind.as_str()),
        ));
    }
    Ok(())
}

/// `check_dup` levels 0–4 (none, this list, all lists, all lists and archive, complete =
/// also alternate numbers), widened by `check_dup_list` and `check_dup_archive`.
fn dup_scope(params: &Params, list_id: &str) -> Result<DupScope, ApiError> {
    let level = params
        .int_in("check_dup", 0..=4, || {
            ApiError::bad_param("check_dup", "a level from 0 to 4")
        })?
        .unwrap_or(0);
    let mut lists = match level {
        0 => ListScope::None,
        1 => ListScope::One(list_id.to_string()),
        _ => ListScope::All,
    };
    if lists == ListScope::None && params.flag("check_dup_list")? {
        lists = ListScope::One(list_id.to_string());
    }
    Ok(DupScope {
        lists,
        archive: level >= 3 || params.flag("check_dup_archive")?,
        alt_phones: level == 4,
    })
}

/// `hopper` (default priority 99), `hopper_priority` 0–99, `hopper_expires_in` 1–300 minutes.
fn hopper(params: &Params) -> Result<Values, ApiError> {
    let priority = params.int_in("hopper_priority", 0..=99, || {
        ApiError::bad_param("hopper_priority", "a whole number from 0 to 99")
    })?;
    let expires_in = params.int_in("hopper_expires_in", 1..=300, || {
        ApiError::bad_param(
            "hopper_expires_in",
            "a whole number of minutes from 1 to 300",
        )
    })?;
    let mut values = Values::new();
    if !params.flag("hopper")? {
        return Ok(values);
    }
    values.insert("hopper", "1".into());
    values.insert("hopper_priority", priority.unwrap_or(99).to_string());
    if let Some(minutes) = expires_in {
        let at = chrono::Utc::now().naive_utc() + Duration::minutes(minutes);
        values.insert(
            "hopper_expires_at",
            at.format(validate::TIMESTAMP_FORMAT).to_string(),
        );
    }
    Ok(values)
}

/// `update_if_found` with its search scope: `search_list_id`, else `search_campaign_id`'s
/// lists, else the list being inserted into.
fn update_if_found(
    params: &Params,
    catalog: &Catalog,
    list_id: &str,
) -> Result<Option<UpdateIfFound>, ApiError> {
    let whole = |name: &'static str| move || ApiError::bad_param(name, "a whole number");
    let search_list = params.int("search_list_id", whole("search_list_id"))?;
    let search_campaign = params.int("search_campaign_id", whole("search_campaign_id"))?;
    let lead_id = params.int("lead_id", whole("lead_id"))?;
    let order = match params.get("update_order_by_last_called_time") {
        None => None,
        Some(v) if v.eq_ignore_ascii_case("asc") => Some(CalledOrder::Asc),
        Some(v) if v.eq_ignore_ascii_case("desc") => Some(CalledOrder::Desc),
        Some(_) => {
            return Err(ApiError::bad_param(
                "update_order_by_last_called_time",
                "ASC or DESC",
            ))
        }
    };
    if !params.flag("update_if_found")? {
        return Ok(None);
    }
    let lists = match (search_list, search_campaign) {
        (Some(list), _) => {
            let list = list.to_string();
            if !catalog.lists.contains_key(&list) {
                return Err(ApiError::coded(Code::NoSuchList));
            }
            vec![list]
        }
        (None, Some(campaign)) => catalog.lists_of_campaign(&campaign.to_string()),
        (None, None) => vec![list_id.to_string()],
    };
    Ok(Some(UpdateIfFound {
        lead_id,
        lists,
        order,
    }))
}
