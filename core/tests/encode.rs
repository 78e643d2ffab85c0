#![cfg(all(feature = "client", not(target_arch = "wasm32")))]
//! Request encoding: every parameter of every endpoint reaches the form body under its API
//! name, values are spelled the way the service reads them, and the token travels only in the
//! body.

use convoso_leads_core::api::Params;
use convoso_leads_core::api::{
    insert, search, update, DeleteParams, Endpoint, InsertParams, RecordingsParams, SearchParams,
    Typed, UpdateParams,
};
use convoso_leads_core::client::{self, CallOptions, Config, Request};
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
    validate: Some(false),
};

fn params<P: DeserializeOwned>(value: Value) -> P {
    serde_json::from_value(value).expect("params read")
}

/// Prepares a typed request: through the same tables, encoder and rules as a JS object.
fn prepare<P: Typed>(config: &Config, call: &CallOptions, params: &P) -> Result<Request, Error> {
    client::prepare(config, call, &Params::of(params))
}

fn send<P: Typed>(params: &P) -> Request {
    prepare(&config(), &UNCHECKED, params).expect("prepared")
}

fn pairs(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect()
}

/// Sets every parameter to a distinct value and checks the body carries exactly those, in
/// declaration order, after the token. Text given to a number or flag field is kept verbatim
/// (validation is off), so one value shape covers every field.
fn every_parameter<P: Typed + DeserializeOwned>(fields: &[&str]) {
    let given: Map<String, Value> = fields
        .iter()
        .map(|f| (f.to_string(), json!(format!("v {f}&="))))
        .collect();
    let request = send::<P>(&params(Value::Object(given)));
    let mut want = vec![("auth_token".to_owned(), TOKEN.to_owned())];
    want.extend(fields.iter().map(|f| (f.to_string(), format!("v {f}&="))));
    assert_eq!(pairs(&request.body), want);
    assert_eq!(
        request.url,
        format!("http://127.0.0.1:18899/v1{}", P::ENDPOINT.path)
    );
    assert!(!request.url.contains(TOKEN));
}

#[test]
fn search_sends_every_parameter() {
    assert_eq!(SearchParams::FIELDS.len(), 39);
    every_parameter::<SearchParams>(SearchParams::FIELDS);
}

#[test]
fn recordings_sends_every_parameter() {
    assert_eq!(
        RecordingsParams::FIELDS,
        ["lead_id", "start_time", "end_time", "offset", "limit"]
    );
    every_parameter::<RecordingsParams>(RecordingsParams::FIELDS);
}

#[test]
fn insert_sends_every_parameter() {
    assert_eq!(InsertParams::FIELDS.len(), 48);
    every_parameter::<InsertParams>(InsertParams::FIELDS);
}

#[test]
fn update_sends_every_parameter() {
    assert_eq!(UpdateParams::FIELDS.len(), 27);
    every_parameter::<UpdateParams>(UpdateParams::FIELDS);
}

#[test]
fn delete_sends_every_parameter() {
    assert_eq!(DeleteParams::FIELDS, ["lead_id"]);
    every_parameter::<DeleteParams>(DeleteParams::FIELDS);
}

#[test]
fn absent_and_null_parameters_are_left_out() {
    let p: SearchParams = params(json!({"list_id": "333", "status": null, "limit": null}));
    assert_eq!(
        pairs(&send::<SearchParams>(&p).body),
        [("auth_token", TOKEN), ("list_id", "333")].map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
}

#[test]
fn numbers_are_read_from_numbers_and_numeric_strings() {
    let p: SearchParams = params(json!({"offset": "20", "limit": 100.0, "list_id": 333}));
    assert_eq!(p.offset, Some(Lenient::Valid(20)));
    assert_eq!(p.limit, Some(Lenient::Valid(100)));
    assert_eq!(p.list_id.as_deref(), Some("333"));
    let body = pairs(&send::<SearchParams>(&p).body);
    assert!(body.contains(&("offset".into(), "20".into())));
    assert!(body.contains(&("limit".into(), "100".into())));
    assert!(body.contains(&("list_id".into(), "333".into())));
}

#[test]
fn unreadable_numbers_are_kept_verbatim() {
    let p: SearchParams = params(json!({"limit": "ten", "offset": 1.5}));
    assert_eq!(p.limit, Some(Lenient::Invalid("ten".into())));
    assert_eq!(p.offset, Some(Lenient::Invalid("1.5".into())));
    let body = pairs(&send::<SearchParams>(&p).body);
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
    let body = pairs(&send::<InsertParams>(&p).body);
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
    let body = pairs(&send::<UpdateParams>(&p).body);
    assert!(body.contains(&("monthly_revenue".into(), "1200.5".into())));
    assert!(body.contains(&("annual_revenue".into(), "14406".into())));
}

#[test]
fn values_are_percent_encoded() {
    let p: InsertParams =
        params(json!({"list_id": "333", "phone_number": "2015550123", "notes": "a b&c=d+é\n"}));
    let request = send::<InsertParams>(&p);
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
    let request = prepare::<DeleteParams>(&config, &UNCHECKED, &params(json!({"lead_id": "12"})))
        .expect("prepared");
    assert_eq!(request.url, "/api/convoso/leads/delete");
    assert_eq!(request.body, "lead_id=12");
}

#[test]
fn default_base_url_is_the_live_service() {
    let request = prepare::<SearchParams>(&Config::default(), &UNCHECKED, &SearchParams::default())
        .expect("prepared");
    assert_eq!(request.url, "https://api.convoso.com/v1/leads/search");
}

#[test]
fn validation_runs_before_anything_is_encoded() {
    let p: InsertParams = params(json!({"list_id": "333", "phone_number": "12"}));
    match prepare::<InsertParams>(&config(), &CallOptions::default(), &p) {
        Err(Error::Validation { endpoint, errors }) => {
            assert_eq!(endpoint, "/leads/insert");
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, "phone_number");
            assert_eq!(errors[0].code, 6008);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    // Opting out per call sends it anyway, for the service to judge.
    assert!(prepare::<InsertParams>(&config(), &UNCHECKED, &p).is_ok());
    // Opting out per client does too; a call can opt back in.
    let lax = Config {
        validate: false,
        ..config()
    };
    assert!(prepare::<InsertParams>(&lax, &CallOptions::default(), &p).is_ok());
    let strict = CallOptions {
        validate: Some(true),
    };
    assert!(prepare::<InsertParams>(&lax, &strict, &p).is_err());
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
        code(prepare::<DeleteParams>(&cfg, &call, &params(empty.clone()))),
        [6070]
    );
    assert_eq!(
        code(prepare::<UpdateParams>(&cfg, &call, &params(empty.clone()))),
        [6070]
    );
    assert_eq!(
        code(prepare::<RecordingsParams>(
            &cfg,
            &call,
            &params(empty.clone())
        )),
        [6070]
    );
    assert_eq!(
        code(prepare::<InsertParams>(&cfg, &call, &params(empty))),
        [6007, 6007]
    );
    assert!(prepare::<SearchParams>(&cfg, &call, &SearchParams::default()).is_ok());
}

#[test]
fn debug_output_never_shows_the_token() {
    let request = send::<SearchParams>(&SearchParams::default());
    assert!(request.body.contains(TOKEN));
    assert!(!format!("{request:?}").contains(TOKEN));
    assert!(!format!("{:?}", config()).contains(TOKEN));
}

/// The reader the wasm build uses: a JSON (JS) object read by the endpoint's table.
fn read(endpoint: &'static Endpoint, value: Value) -> Result<Params, Error> {
    let names: Vec<String> = value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    client::read_params(endpoint, &value, names)
}

#[test]
fn the_table_reader_reads_what_the_typed_api_reads() {
    let cases = [
        (
            &search::ENDPOINT,
            json!({"offset": "20", "limit": 100.0, "list_id": 333, "status": null}),
        ),
        (&search::ENDPOINT, json!({"limit": "ten", "offset": 1.5})),
        (
            &update::ENDPOINT,
            json!({"lead_id": "1", "monthly_revenue": 1200.5, "annual_revenue": "14406.00"}),
        ),
        (
            &insert::ENDPOINT,
            json!({
                "list_id": 333, "phone_number": "2015550123", "hopper": true,
                "update_if_found": "false", "check_dup_list": 1, "check_dup_archive": "0",
                "check_dnc": "TRUE", "check_wireless": false, "filter_phone_code": "maybe",
                "notes": "a b&c=d+é\n", "hopper_priority": "-3", "annual_revenue": "1e5",
            }),
        ),
    ];
    for (endpoint, value) in cases {
        let generic = read(endpoint, value.clone()).expect("read");
        let body = pairs(
            &client::prepare(&config(), &UNCHECKED, &generic)
                .expect("prepared")
                .body,
        );
        let typed_body = match endpoint.path {
            "/leads/search" => pairs(&send(&params::<SearchParams>(value.clone())).body),
            "/leads/update" => pairs(&send(&params::<UpdateParams>(value.clone())).body),
            _ => pairs(&send(&params::<InsertParams>(value.clone())).body),
        };
        assert_eq!(body, typed_body, "{value}");
    }
}

#[test]
fn the_table_reader_refuses_unknown_names_and_structured_values() {
    let Err(Error::Validation { errors, .. }) = read(
        &insert::ENDPOINT,
        json!({"list_id": {"id": 1}, "phone_numbr": "2015550123", "hopper": [1], "status": true}),
    ) else {
        panic!("a typo and structured values must not pass");
    };
    let got: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.field.to_string(), e.message.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("phone_numbr", "is not a parameter of this endpoint"),
            ("list_id", "must be a string"),
            ("status", "must be a string"),
            ("hopper", "must be a boolean, 0/1 or \"true\"/\"false\""),
        ]
        .map(|(f, m)| (f.to_owned(), m.to_owned()))
    );
    assert!(errors
        .iter()
        .all(|e| e.code == convoso_leads_core::error::MALFORMED_PARAMS));
}
