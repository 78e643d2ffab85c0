#![cfg(all(feature = "client", not(target_arch = "wasm32")))]
//! Request encoding: every parameter of every endpoint reaches the form body under its API
//! name, values are spelled the way the service reads them, and the token travels only in the
//! body.

use convoso_leads_core::api::delete::Delete;
use convoso_leads_core::api::insert::{Insert, InsertParams};
use convoso_leads_core::api::recordings::{Recordings, RecordingsParams};
use convoso_leads_core::api::search::{Search, SearchParams};
use convoso_leads_core::api::update::{Update, UpdateParams};
use convoso_leads_core::api::{DeleteParams, Endpoint};
use convoso_leads_core::client::{prepare, CallOptions, Config, Request};
use convoso_leads_core::error::Error;
use convoso_leads_core::wire::lenient::Lenient;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

const TOKEN: &str = "sekret-token-0042";

fn config() -> Config {
    Config {
        auth_token: Some(TOKEN.to_owned()),
        base_url: "http://127.0.0.1:18899/v1/".to_owned(),
        ..Config::default()
    }
}

const UNCHECKED: CallOptions = CallOptions {
    timeout_ms: None,
    validate: Some(false),
};

fn params<P: DeserializeOwned>(value: Value) -> P {
    serde_json::from_value(value).expect("params read")
}

fn send<E: Endpoint>(params: &E::Params) -> Request {
    prepare::<E>(&config(), &UNCHECKED, params).expect("prepared")
}

fn pairs(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect()
}

/// Sets every parameter to a distinct value and checks the body carries exactly those, in
/// declaration order, after the token. Text given to a number or flag field is kept verbatim
/// (validation is off), so one value shape covers every field.
fn every_parameter<E: Endpoint>(fields: &[&str])
where
    E::Params: DeserializeOwned,
{
    let given: Map<String, Value> = fields
        .iter()
        .map(|f| (f.to_string(), json!(format!("v {f}&="))))
        .collect();
    let request = send::<E>(&params(Value::Object(given)));
    let mut want = vec![("auth_token".to_owned(), TOKEN.to_owned())];
    want.extend(fields.iter().map(|f| (f.to_string(), format!("v {f}&="))));
    assert_eq!(pairs(&request.body), want);
    assert_eq!(request.url, format!("http://127.0.0.1:18899/v1{}", E::PATH));
    assert!(!request.url.contains(TOKEN));
}

#[test]
fn search_sends_every_parameter() {
    assert_eq!(SearchParams::FIELDS.len(), 39);
    every_parameter::<Search>(SearchParams::FIELDS);
}

#[test]
fn recordings_sends_every_parameter() {
    assert_eq!(
        RecordingsParams::FIELDS,
        ["lead_id", "start_time", "end_time", "offset", "limit"]
    );
    every_parameter::<Recordings>(RecordingsParams::FIELDS);
}

#[test]
fn insert_sends_every_parameter() {
    assert_eq!(InsertParams::FIELDS.len(), 48);
    every_parameter::<Insert>(InsertParams::FIELDS);
}

#[test]
fn update_sends_every_parameter() {
    assert_eq!(UpdateParams::FIELDS.len(), 27);
    every_parameter::<Update>(UpdateParams::FIELDS);
}

#[test]
fn delete_sends_every_parameter() {
    assert_eq!(DeleteParams::FIELDS, ["lead_id"]);
    every_parameter::<Delete>(DeleteParams::FIELDS);
}

#[test]
fn absent_and_null_parameters_are_left_out() {
    let p: SearchParams = params(json!({"list_id": "333", "status": null, "limit": null}));
    assert_eq!(
        pairs(&send::<Search>(&p).body),
        [("auth_token", TOKEN), ("list_id", "333")].map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
}

#[test]
fn numbers_are_read_from_numbers_and_numeric_strings() {
    let p: SearchParams = params(json!({"offset": "20", "limit": 100.0, "list_id": 333}));
    assert_eq!(p.offset, Some(Lenient::Valid(20)));
    assert_eq!(p.limit, Some(Lenient::Valid(100)));
    assert_eq!(p.list_id.as_deref(), Some("333"));
    let body = pairs(&send::<Search>(&p).body);
    assert!(body.contains(&("offset".into(), "20".into())));
    assert!(body.contains(&("limit".into(), "100".into())));
    assert!(body.contains(&("list_id".into(), "333".into())));
}

#[test]
fn unreadable_numbers_are_kept_verbatim() {
    let p: SearchParams = params(json!({"limit": "ten", "offset": 1.5}));
    assert_eq!(p.limit, Some(Lenient::Invalid("ten".into())));
    assert_eq!(p.offset, Some(Lenient::Invalid("1.5".into())));
    let body = pairs(&send::<Search>(&p).body);
    assert!(body.contains(&("limit".into(), "ten".into())));
    assert!(body.contains(&("offset".into(), "1.5".into())));
}

#[test]
fn flags_are_sent_as_one_and_zero() {
    let p: InsertParams = params(json!({
        "hopper": true, "update_if_found": "false", "check_dup_list": 1, "check_dup_archive": "0",
        "check_dnc": "TRUE", "check_wireless": false, "filter_phone_code": "maybe",
    }));
    assert_eq!(p.filter_phone_code, Some(Lenient::Invalid("maybe".into())));
    let body = pairs(&send::<Insert>(&p).body);
    let flag = |name: &str| {
        body.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(flag("hopper"), Some("1"));
    assert_eq!(flag("update_if_found"), Some("0"));
    assert_eq!(flag("check_dup_list"), Some("1"));
    assert_eq!(flag("check_dup_archive"), Some("0"));
    assert_eq!(flag("check_dnc"), Some("1"));
    assert_eq!(flag("check_wireless"), Some("0"));
    assert_eq!(flag("filter_phone_code"), Some("maybe"));
}

#[test]
fn decimals_are_sent_in_plain_notation() {
    let p: UpdateParams =
        params(json!({"lead_id": "1", "monthly_revenue": 1200.5, "annual_revenue": "14406.00"}));
    assert_eq!(p.annual_revenue, Some(Lenient::Valid(14406.0)));
    let body = pairs(&send::<Update>(&p).body);
    assert!(body.contains(&("monthly_revenue".into(), "1200.5".into())));
    assert!(body.contains(&("annual_revenue".into(), "14406".into())));
}

#[test]
fn values_are_percent_encoded() {
    let p: InsertParams =
        params(json!({"list_id": "333", "phone_number": "2015550123", "notes": "a b&c=d+é\n"}));
    let request = send::<Insert>(&p);
    assert!(
        request.body.ends_with("&notes=a+b%26c%3Dd%2B%C3%A9%0A"),
        "{}",
        request.body
    );
}

#[test]
fn unknown_parameters_are_rejected_not_dropped() {
    let err = serde_json::from_value::<InsertParams>(
        json!({"list_id": "1", "phone_numbr": "2015550123"}),
    )
    .expect_err("a typo must not pass silently");
    assert!(err.to_string().contains("phone_numbr"), "{err}");
}

#[test]
fn structured_values_are_rejected() {
    let err =
        serde_json::from_value::<SearchParams>(json!({"list_id": {"id": 1}})).expect_err("object");
    assert!(err.to_string().contains("a string"), "{err}");
    assert!(serde_json::from_value::<SearchParams>(json!({"limit": [1]})).is_err());
    assert!(serde_json::from_value::<SearchParams>(json!({"status": true})).is_err());
}

#[test]
fn a_client_without_token_sends_none() {
    let config = Config {
        base_url: "/api/convoso".into(),
        ..Config::default()
    };
    let request = prepare::<Delete>(&config, &UNCHECKED, &params(json!({"lead_id": "12"})))
        .expect("prepared");
    assert_eq!(request.url, "/api/convoso/leads/delete");
    assert_eq!(request.body, "lead_id=12");
}

#[test]
fn default_base_url_is_the_live_service() {
    let request = prepare::<Search>(&Config::default(), &UNCHECKED, &SearchParams::default())
        .expect("prepared");
    assert_eq!(request.url, "https://api.convoso.com/v1/leads/search");
}

#[test]
fn validation_runs_before_anything_is_encoded() {
    let p: InsertParams = params(json!({"list_id": "333", "phone_number": "12"}));
    match prepare::<Insert>(&config(), &CallOptions::default(), &p) {
        Err(Error::Validation { endpoint, errors }) => {
            assert_eq!(endpoint, "/leads/insert");
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, "phone_number");
            assert_eq!(errors[0].code, 6008);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    // Opting out per call sends it anyway, for the service to judge.
    assert!(prepare::<Insert>(&config(), &UNCHECKED, &p).is_ok());
    // Opting out per client does too; a call can opt back in.
    let lax = Config {
        validate: false,
        ..config()
    };
    assert!(prepare::<Insert>(&lax, &CallOptions::default(), &p).is_ok());
    let strict = CallOptions {
        validate: Some(true),
        ..CallOptions::default()
    };
    assert!(prepare::<Insert>(&lax, &strict, &p).is_err());
}

#[test]
fn every_endpoint_validates_its_required_lead_id() {
    let empty = json!({});
    let code = |r: Result<Request, Error>| match r {
        Err(Error::Validation { errors, .. }) => errors.iter().map(|e| e.code).collect::<Vec<_>>(),
        other => panic!("expected a validation error, got {other:?}"),
    };
    let cfg = config();
    let call = CallOptions::default();
    assert_eq!(
        code(prepare::<Delete>(&cfg, &call, &params(empty.clone()))),
        [6070]
    );
    assert_eq!(
        code(prepare::<Update>(&cfg, &call, &params(empty.clone()))),
        [6070]
    );
    assert_eq!(
        code(prepare::<Recordings>(&cfg, &call, &params(empty.clone()))),
        [6070]
    );
    assert_eq!(
        code(prepare::<Insert>(&cfg, &call, &params(empty))),
        [6007, 6007]
    );
    assert!(prepare::<Search>(&cfg, &call, &SearchParams::default()).is_ok());
}

#[test]
fn debug_output_never_shows_the_token() {
    let request = send::<Search>(&SearchParams::default());
    assert!(request.body.contains(TOKEN));
    assert!(!format!("{request:?}").contains(TOKEN));
    assert!(!format!("{:?}", config()).contains(TOKEN));
}
