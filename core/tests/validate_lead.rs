//! Whole-request validation: the codes and fields reported for insert, update, search and
//! get-recordings requests (the typed API, native only).
#![cfg(not(target_arch = "wasm32"))]

use convoso_leads_core::api::insert::RULES as INSERT;
use convoso_leads_core::api::recordings::RULES as RECORDINGS;
use convoso_leads_core::api::search::RULES as SEARCH;
use convoso_leads_core::api::update::RULES as UPDATE;
use convoso_leads_core::api::{
    validate_insert, validate_recordings, validate_search, validate_update,
};
use convoso_leads_core::api::{InsertParams, RecordingsParams, SearchParams, UpdateParams};
use convoso_leads_core::validate::codes::{self, *};
use convoso_leads_core::validate::fields::Value as FieldValue;
use convoso_leads_core::validate::lead::validate_request;
use convoso_leads_core::validate::numbers::{check_int, is_decimal, IntError};
use convoso_leads_core::validate::{FieldError, LeadOptions};
use serde_json::{json, Value};

fn params<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("params decode")
}

/// `(field, code, index)` of every error.
fn summary(errors: &[FieldError]) -> Vec<(String, u32, Option<u32>)> {
    errors
        .iter()
        .map(|e| (e.field.to_string(), e.code, e.index))
        .collect()
}

fn insert(value: Value) -> Vec<(String, u32, Option<u32>)> {
    summary(&validate_insert(&params(value)))
}

fn one(field: &str, code: u32) -> Vec<(String, u32, Option<u32>)> {
    vec![(field.to_string(), code, None)]
}

/// A valid insert with `extra` merged in.
fn lead(extra: Value) -> Value {
    let mut base = json!({ "list_id": "333", "phone_number": "5551234567" });
    if let (Some(base), Some(extra)) = (base.as_object_mut(), extra.as_object()) {
        base.extend(extra.clone());
    }
    base
}

#[test]
fn the_issue_example() {
    let errors = validate_insert(&params(json!({ "list_id": "333", "phone_number": "12" })));
    assert_eq!(summary(&errors), one("phone_number", INVALID_PHONE));
    assert!(!errors[0].message.is_empty());
}

#[test]
fn the_spec_examples_are_valid() {
    let examples = [
        json!({ "list_id": "333", "phone_number": "5551234567", "first_name": "John",
                "last_name": "Doe", "email": "john@example.com", "status": "ACTIVE" }),
        json!({ "list_id": 17257, "phone_number": "8182345678", "first_name": "John", "last_name": "Test" }),
        json!({ "list_id": "333", "phone_number": "5551234568", "first_name": "Jane", "last_name": "Smith" }),
        json!({ "list_id": "333", "phone_number": "5551234567", "alt_phone_1": "5559876543",
                "address1": "123 Main St", "city": "Anytown", "state": "CA", "postal_code": "90210",
                "country": "US" }),
    ];
    for example in examples {
        assert_eq!(insert(example.clone()), vec![], "{example}");
    }
}

#[test]
fn the_php_example_breaks_the_exchange_rule() {
    // The documentation's PHP sample uses 818-123-4560: exchange 123 starts with 1, which no
    // NANP number can, so it is rejected like any other (unlike the reserved area code 555).
    assert_eq!(
        insert(json!({ "list_id": 17257, "phone_number": "8181234560" })),
        one("phone_number", INVALID_PHONE)
    );
}

#[test]
fn list_id_and_phone_number_are_required() {
    assert_eq!(
        insert(json!({})),
        vec![
            ("list_id".into(), LIST_AND_PHONE_REQUIRED, None),
            ("phone_number".into(), LIST_AND_PHONE_REQUIRED, None)
        ]
    );
    assert_eq!(
        insert(json!({ "list_id": " ", "phone_number": "2015550123" })),
        one("list_id", LIST_AND_PHONE_REQUIRED)
    );
    assert_eq!(
        insert(json!({ "list_id": "1", "phone_number": "" })),
        one("phone_number", LIST_AND_PHONE_REQUIRED)
    );
}

#[test]
fn every_insert_field_rule() {
    let cases: &[(Value, &str, u32)] = &[
        (
            json!({ "alt_phone_1": "201-155-0123" }),
            "alt_phone_1",
            INVALID_PHONE,
        ),
        (
            json!({ "alt_phone_2": "call me" }),
            "alt_phone_2",
            INVALID_PHONE,
        ),
        (
            json!({ "phone_code": "999" }),
            "phone_code",
            INVALID_PHONE_CODE,
        ),
        (
            json!({ "date_of_birth": "1990-02-30" }),
            "date_of_birth",
            INVALID_DATE,
        ),
        (
            json!({ "date_of_birth": "02/03/1990" }),
            "date_of_birth",
            INVALID_DATE,
        ),
        (
            json!({ "start_date": "2026-3-1" }),
            "start_date",
            INVALID_DATE,
        ),
        (json!({ "check_dup": 5 }), "check_dup", INVALID_CHECK_DUP),
        (json!({ "check_dup": "-1" }), "check_dup", INVALID_CHECK_DUP),
        (
            json!({ "check_dup": "two" }),
            "check_dup",
            INVALID_CHECK_DUP,
        ),
        (json!({ "check_dup": 2.5 }), "check_dup", INVALID_CHECK_DUP),
        (
            json!({ "hopper_priority": 100 }),
            "hopper_priority",
            INVALID_HOPPER_PRIORITY,
        ),
        (
            json!({ "hopper_priority": -1 }),
            "hopper_priority",
            INVALID_HOPPER_PRIORITY,
        ),
        (
            json!({ "hopper_expires_in": 301 }),
            "hopper_expires_in",
            INVALID_HOPPER_EXPIRES_IN,
        ),
        (
            json!({ "hopper_expires_in": "-5" }),
            "hopper_expires_in",
            INVALID_HOPPER_EXPIRES_IN,
        ),
        (
            json!({ "reject_by_carrier_type": "MOBILE,CELL" }),
            "reject_by_carrier_type",
            INVALID_CARRIER_TYPE,
        ),
        (
            json!({ "reject_by_carrier_type": "mobile" }),
            "reject_by_carrier_type",
            INVALID_CARRIER_TYPE,
        ),
        (
            json!({ "reject_by_carrier_type": "MOBILE,,VOIP" }),
            "reject_by_carrier_type",
            INVALID_CARRIER_TYPE,
        ),
        (
            json!({ "monthly_revenue": "1,200" }),
            "monthly_revenue",
            INVALID_NUMBER,
        ),
        (
            json!({ "annual_revenue": "$5000" }),
            "annual_revenue",
            INVALID_NUMBER,
        ),
        (
            json!({ "annual_revenue": "1e6" }),
            "annual_revenue",
            INVALID_NUMBER,
        ),
        (json!({ "country": "USA" }), "country", INVALID_COUNTRY),
        (json!({ "country": "XX" }), "country", INVALID_COUNTRY),
        (
            json!({ "country": "US", "state": "ON" }),
            "state",
            INVALID_STATE,
        ),
        (
            json!({ "country": "CA", "state": "NY" }),
            "state",
            INVALID_STATE,
        ),
        (json!({ "state": "California" }), "state", INVALID_STATE),
        (
            json!({ "country": "US", "postal_code": "K1A 0B1" }),
            "postal_code",
            INVALID_POSTAL_CODE,
        ),
        (
            json!({ "country": "CA", "postal_code": "90210" }),
            "postal_code",
            INVALID_POSTAL_CODE,
        ),
        (
            json!({ "postal_code": "9021" }),
            "postal_code",
            INVALID_POSTAL_CODE,
        ),
        (
            json!({ "postal_code": "D1A 0B1" }),
            "postal_code",
            INVALID_POSTAL_CODE,
        ),
        (
            json!({ "search_list_id": "-3" }),
            "search_list_id",
            INVALID_ID,
        ),
        (
            json!({ "search_campaign_id": "x" }),
            "search_campaign_id",
            INVALID_ID,
        ),
        (json!({ "lead_id": "12a" }), "lead_id", INVALID_ID),
        (
            json!({ "update_order_by_last_called_time": "asc" }),
            "update_order_by_last_called_time",
            INVALID_CHOICE,
        ),
    ];
    for (extra, field, code) in cases {
        assert_eq!(insert(lead(extra.clone())), one(field, *code), "{extra}");
    }
}

#[test]
fn valid_values_of_every_checked_insert_field() {
    let all = lead(json!({
        "phone_code": "1", "alt_phone_1": "(416) 555-0199", "alt_phone_2": 2125550123_i64,
        "email": "a@b.com; c@d.org", "date_of_birth": "1990-02-28", "start_date": "2024-02-29",
        "country": "ca", "state": "qc", "postal_code": "h2x-1y4", "check_dup": "4",
        "hopper_priority": 0, "hopper_expires_in": 300, "reject_by_carrier_type": "MOBILE, VOIP,LANDLINE",
        "monthly_revenue": "1200.50", "annual_revenue": -3.25, "search_campaign_id": 7,
        "search_list_id": "8", "update_order_by_last_called_time": "DESC", "lead_id": 99,
        "gender": "Other", "notes": "anything",
    }));
    assert_eq!(insert(all), vec![]);
    for state in ["DC", "PR", "AE", "ny"] {
        assert_eq!(
            insert(lead(json!({ "country": "US", "state": state }))),
            vec![],
            "{state}"
        );
    }
    // Other countries' states and postal codes are free text.
    assert_eq!(
        insert(lead(
            json!({ "country": "DE", "state": "Bayern", "postal_code": "80331" })
        )),
        vec![]
    );
}

#[test]
fn emails_are_reported_per_address() {
    let errors = validate_insert(&params(lead(
        json!({ "email": "a@b.com, nope; c@[1.2.3.4]" }),
    )));
    assert_eq!(
        summary(&errors),
        vec![
            ("email".into(), INVALID_EMAIL, Some(1)),
            ("email".into(), INVALID_EMAIL, Some(2))
        ]
    );
    assert_ne!(errors[0].message, errors[1].message);
}

#[test]
fn phone_code_governs_every_phone_and_an_invalid_one_stops_phone_checks() {
    assert_eq!(
        insert(json!({ "list_id": 1, "phone_number": "20 7946 0958", "phone_code": "44" })),
        vec![]
    );
    assert_eq!(
        insert(json!({ "list_id": 1, "phone_number": "+44 20 7946 0958" })),
        one("phone_number", INVALID_PHONE),
        "without phone_code the service assumes 1"
    );
    assert_eq!(
        insert(json!({ "list_id": 1, "phone_number": "garbage", "phone_code": "0" })),
        one("phone_code", INVALID_PHONE_CODE)
    );
    assert_eq!(
        insert(json!({ "list_id": 1, "phone_number": "2015550123", "phone_code": 1 })),
        vec![]
    );
}

#[test]
fn blank_phone_code_and_country_count_as_not_given() {
    assert_eq!(
        insert(json!({ "list_id": 1, "phone_number": "2015550123", "phone_code": " " })),
        vec![]
    );
    assert_eq!(
        insert(json!({ "list_id": 1, "phone_number": "+44 20 7946 0958", "phone_code": "" })),
        one("phone_number", INVALID_PHONE)
    );
    assert_eq!(
        insert(lead(json!({ "country": "", "state": "Bavaria" }))),
        one("state", INVALID_STATE)
    );
}

#[test]
fn options_add_required_fields_and_assigned_area_codes() {
    let options = LeadOptions {
        assigned_area_codes_only: true,
        required: vec!["first_name".into(), "list_id".into(), "email".into()],
    };
    let p: InsertParams = params(json!({ "phone_number": "5551234567", "email": "x@y.com" }));
    assert_eq!(
        summary(&validate_request(&INSERT, &p, &options)),
        vec![
            ("list_id".into(), LIST_AND_PHONE_REQUIRED, None),
            ("phone_number".into(), INVALID_PHONE, None),
            ("first_name".into(), REQUIRED_FIELD, None),
        ]
    );
}

#[test]
fn a_required_name_the_endpoint_does_not_take_is_reported_not_required() {
    let options = LeadOptions {
        required: vec!["frist_name".into(), "notes".into()],
        ..LeadOptions::default()
    };
    let p: InsertParams = params(json!({ "list_id": "333", "phone_number": "2015550123" }));
    let errors = validate_request(&INSERT, &p, &options);
    assert_eq!(
        summary(&errors),
        vec![
            ("frist_name".into(), codes::UNKNOWN_FIELD, None),
            ("notes".into(), REQUIRED_FIELD, None),
        ]
    );
    assert_eq!(errors[0].message, "Not a field of this form");
    assert_eq!(errors[1].message, "Fill in this field");
}

#[test]
fn insert_names_each_missing_field_in_its_own_words() {
    let errors = validate_request(
        &INSERT,
        &params::<InsertParams>(json!({})),
        &LeadOptions::default(),
    );
    let messages: Vec<_> = errors
        .iter()
        .map(|e| (e.field.as_ref(), e.message.as_ref()))
        .collect();
    assert_eq!(
        messages,
        [
            ("list_id", "Enter the list ID"),
            ("phone_number", "Enter a phone number")
        ]
    );
}

#[test]
fn update_requires_a_lead_id() {
    let update = |v| summary(&validate_update(&params::<UpdateParams>(v)));
    assert_eq!(
        update(json!({ "status": "COMPLETED" })),
        one("lead_id", INVALID_LEAD_ID)
    );
    assert_eq!(
        update(json!({ "lead_id": "12x45" })),
        one("lead_id", INVALID_LEAD_ID)
    );
    assert_eq!(
        update(
            json!({ "lead_id": "12345", "status": "COMPLETED", "email": "newemail@example.com" })
        ),
        vec![]
    );
    assert_eq!(
        update(json!({ "lead_id": 12345, "phone_number": "201-155-0123" })),
        one("phone_number", INVALID_PHONE)
    );
    assert_eq!(
        update(json!({ "lead_id": 1, "monthly_revenue": "ten" })),
        one("monthly_revenue", INVALID_NUMBER)
    );
}

#[test]
fn search_limits_offsets_and_dates() {
    let search = |v| summary(&validate_search(&params::<SearchParams>(v)));
    assert_eq!(
        search(json!({ "list_id": "333", "limit": 100, "offset": 200 })),
        vec![]
    );
    assert_eq!(search(json!({ "limit": 2000, "offset": "0" })), vec![]);
    assert_eq!(search(json!({ "limit": 0 })), one("limit", INVALID_LIMIT));
    assert_eq!(
        search(json!({ "limit": "2001" })),
        one("limit", INVALID_LIMIT)
    );
    assert_eq!(
        search(json!({ "limit": "ten" })),
        one("limit", INVALID_LIMIT)
    );
    assert_eq!(
        search(json!({ "offset": -1 })),
        one("offset", INVALID_OFFSET)
    );
    assert_eq!(
        search(json!({ "date_of_birth": "1990-01-01 00:00:00" })),
        one("date_of_birth", INVALID_DATE)
    );
    assert_eq!(
        search(
            json!({ "created_at_start_date": "2026-03-01", "created_at_end_date": "2026-03-03 17:00:00" })
        ),
        vec![]
    );
    assert_eq!(
        search(json!({ "updated_at_end_date": "2026-02-30" })),
        one("updated_at_end_date", INVALID_DATE)
    );
    assert_eq!(
        search(json!({ "last_call_start_date": "2026-03-05", "last_call_end_date": "2026-03-01" })),
        one("last_call_end_date", REVERSED_RANGE)
    );
}

#[test]
fn numbers_written_as_text() {
    let search = |v| summary(&validate_search(&params::<SearchParams>(v)));
    // Whole numbers: an optional sign and ASCII digits, ASCII spaces around. Digits past
    // i64 read as the largest (or smallest) i64: out of any small range, within `offset`'s.
    for offset in ["+7", "-0", " 12 ", "007", "99999999999999999999999"] {
        assert_eq!(search(json!({ "offset": offset })), vec![], "{offset}");
    }
    for offset in ["-99999999999999999999999", "1.0", "+-1", "--1", "1 2", "٣"] {
        assert_eq!(
            search(json!({ "offset": offset })),
            one("offset", INVALID_OFFSET),
            "{offset}"
        );
    }
    let errors = validate_search(&params(json!({ "limit": "99999999999999999999999" })));
    assert_eq!(summary(&errors), one("limit", INVALID_LIMIT));
    assert_eq!(
        errors[0].message, "Use 1 to 2000",
        "a whole number, out of range"
    );
    // Decimals: an optional `-`, digits, and an optional `.` with digits after it.
    for revenue in ["0", "-1.50", " 7.25 ", "0.5", "12345678901234567890.1"] {
        assert_eq!(
            insert(lead(json!({ "monthly_revenue": revenue }))),
            vec![],
            "{revenue}"
        );
    }
    for revenue in ["1.2.3", "5.", ".5", "-", "--1", "1. 5", "1.-5"] {
        assert_eq!(
            insert(lead(json!({ "monthly_revenue": revenue }))),
            one("monthly_revenue", INVALID_NUMBER),
            "{revenue}"
        );
    }
}

#[test]
fn number_text_as_the_wasm_passes_it() {
    // The wasm build hands text to the checks as it is (natively the params decoder reads
    // number text first). A `+` is accepted for decimals as for whole numbers, as that
    // decoder does.
    let text = FieldValue::Text;
    for t in ["+1.5", "-1.5", " +12 ", "0.25"] {
        assert!(is_decimal(&text(t)), "{t}");
    }
    for t in ["+-1", "+", "+.5", "1e6", "١٢"] {
        assert!(!is_decimal(&text(t)), "{t}");
    }
    assert_eq!(check_int(&text("+4"), 0, 4), Ok(()));
    assert_eq!(check_int(&text("+1.0"), 0, 4), Err(IntError::NotWhole));
    assert_eq!(check_int(&FieldValue::Float(4.0), 0, 4), Ok(()));
    assert_eq!(
        check_int(&FieldValue::Float(4.5), 0, 9),
        Err(IntError::NotWhole)
    );
    assert_eq!(check_int(&text("5"), 0, 4), Err(IntError::OutOfRange));
}

#[test]
fn recordings_requests() {
    let recordings = |v| summary(&validate_recordings(&params::<RecordingsParams>(v)));
    assert_eq!(
        recordings(
            json!({ "lead_id": "12345", "start_time": "2026-03-01 08:00:00", "end_time": "2026-03-03 17:00:00" })
        ),
        vec![]
    );
    assert_eq!(recordings(json!({})), one("lead_id", INVALID_LEAD_ID));
    assert_eq!(
        recordings(json!({ "lead_id": "1", "limit": 101 })),
        one("limit", INVALID_LIMIT)
    );
    assert_eq!(
        recordings(json!({ "lead_id": "1", "limit": 100, "offset": 0 })),
        vec![]
    );
    assert_eq!(
        recordings(json!({ "lead_id": "1", "offset": "-10" })),
        one("offset", INVALID_OFFSET)
    );
    assert_eq!(
        recordings(json!({ "lead_id": "1", "start_time": "2026-03-01" })),
        one("start_time", INVALID_DATETIME)
    );
    assert_eq!(
        recordings(
            json!({ "lead_id": "1", "start_time": "2026-03-03 08:00:00", "end_time": "2026-03-01 08:00:00" })
        ),
        one("end_time", REVERSED_RANGE)
    );
}

#[test]
fn every_rule_names_a_field_of_its_params_type() {
    let tables = [
        (&INSERT, InsertParams::FIELDS),
        (&UPDATE, UpdateParams::FIELDS),
        (&SEARCH, SearchParams::FIELDS),
        (&RECORDINGS, RecordingsParams::FIELDS),
    ];
    for (request, fields) in tables {
        // Every parameter once, those with a rule first (one name per rule).
        assert_eq!(request.fields().count(), fields.len());
        assert!(request.rules.len() <= fields.len());
        for field in request.fields() {
            assert!(fields.contains(&field), "{field}");
        }
        let ruled = || request.fields().take(request.rules.len());
        for (start, end) in request.ranges() {
            assert!(ruled().any(|f| f == start) && ruled().any(|f| f == end));
        }
    }
}

#[test]
fn field_errors_serialise_as_the_js_shape() {
    let errors = validate_insert(&params(lead(
        json!({ "email": "a@b.com nope", "check_dup": 9 }),
    )));
    let json = serde_json::to_value(&errors).expect("serialise");
    assert_eq!(json[0]["field"], "email");
    assert_eq!(json[0]["code"], 6079);
    assert_eq!(json[0]["index"], 1);
    assert!(
        json[1].get("index").is_none(),
        "index only on multi-value fields: {json}"
    );
    let back: Vec<FieldError> = serde_json::from_value(json).expect("deserialise");
    assert_eq!(back, errors);
}

#[test]
fn codes_are_unique_and_client_codes_stay_in_their_range() {
    let mut seen = std::collections::HashSet::new();
    for (code, meaning) in codes::ALL {
        assert!(seen.insert(code), "duplicate {code}");
        assert!(!meaning.is_empty());
        assert!(
            codes::CLIENT_RANGE.contains(code)
                || *code == codes::UNKNOWN_FIELD
                || (5000..8000).contains(code),
            "{code}"
        );
    }
}

#[test]
fn an_email_error_says_which_address() {
    let p: InsertParams =
        params(json!({ "list_id": "333", "phone_number": "2015550123", "email": "a@b.com, bad@" }));
    let errors = validate_request(&INSERT, &p, &LeadOptions::default());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].index, Some(1));
    assert_eq!(errors[0].message, "“bad@” needs a domain after the @");
    assert!(errors[0].incomplete);
}
