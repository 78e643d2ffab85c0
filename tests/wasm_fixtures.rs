#![cfg(target_arch = "wasm32")]
//! The response corpus (tests/fixtures/responses) decoded the way the package decodes in
//! browsers and Node: parsed by `JSON.parse`, normalised in place through the JS value view and
//! its bulk scan (src/wasm/decode.js), with params read from a JS object. Expectations are the
//! same files the native test checks; `decode_fixtures::wasm_corpus_lists_every_fixture`
//! keeps the list below complete.

use convoso_leads::api::{delete, insert, recordings, search, update, Endpoint};
use convoso_leads::client::{finish, read_params, Config};
use convoso_leads::wasm::json::Js;
use convoso_leads::wasm::output::ToJs;
use js_sys::{JsString, Object, JSON};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

macro_rules! corpus {
    ($(($endpoint:literal, $stem:literal, $ext:literal),)*) => {
        /// (endpoint, name, body, expectation)
        const CORPUS: &[(&str, &str, &str, &str)] = &[$((
            $endpoint,
            $stem,
            include_str!(concat!("fixtures/responses/", $endpoint, "/", $stem, ".", $ext)),
            include_str!(concat!("fixtures/responses/", $endpoint, "/", $stem, ".expect.json")),
        ),)*];
    };
}

corpus! {
    ("delete", "documented", "json"),
    ("delete", "fail-6001", "json"),
    ("delete", "fail-documented", "json"),
    ("delete", "http-500-html", "html"),
    ("delete", "live-envelope", "json"),
    ("insert", "documented", "json"),
    ("insert", "fail-6008", "json"),
    ("insert", "fail-6009", "json"),
    ("insert", "fail-documented-list", "json"),
    ("insert", "fail-message-echoes-token", "json"),
    ("insert", "http-429-text", "txt"),
    ("insert", "live-number-id", "json"),
    ("insert", "no-id", "json"),
    ("insert", "top-level-id", "json"),
    ("recordings", "bad-seconds", "json"),
    ("recordings", "documented", "json"),
    ("recordings", "fail-6005", "json"),
    ("recordings", "http-404-html", "html"),
    ("recordings", "live-empty-values", "json"),
    ("recordings", "live-envelope", "json"),
    ("recordings", "truncated", "json"),
    ("search", "documented-not-found-defaults", "json"),
    ("search", "documented-not-found", "json"),
    ("search", "documented", "json"),
    ("search", "empty-200", "txt"),
    ("search", "fail-401-json", "json"),
    ("search", "fail-403-code-text", "json"),
    ("search", "fail-code-only", "json"),
    ("search", "fail-documented-auth", "json"),
    ("search", "fail-live-auth", "json"),
    ("search", "fail-live-limit-code-string", "json"),
    ("search", "fail-nothing", "json"),
    ("search", "html-200", "html"),
    ("search", "http-401-html", "html"),
    ("search", "http-500-text", "txt"),
    ("search", "http-502-html-echoes-token", "html"),
    ("search", "http-503-json-no-failure", "json"),
    ("search", "lead-object-field", "json"),
    ("search", "lead-without-id", "json"),
    ("search", "live-boolean-text", "json"),
    ("search", "live-empty-total-string", "json"),
    ("search", "live-envelope", "json"),
    ("search", "live-mixed-counts", "json"),
    ("search", "live-results-in-data", "json"),
    ("search", "negative-total", "json"),
    ("search", "no-list", "json"),
    ("search", "not-object", "json"),
    ("search", "success-string-true", "json"),
    ("search", "truncated", "json"),
    ("update", "bare-success", "json"),
    ("update", "documented", "json"),
    ("update", "fail-6070-no-text", "json"),
    ("update", "fail-6071", "json"),
    ("update", "live-number-id", "json"),
}

/// Decodes one case through the JS view and returns what the native test compares.
fn decode(endpoint: &'static Endpoint, body: &str, expect: &Value) -> Value {
    let params_json = expect
        .get("params")
        .map_or("{}".to_owned(), Value::to_string);
    let params_js = JSON::parse(&params_json).expect("params JSON");
    let names = Object::keys(params_js.unchecked_ref::<Object>());
    let params = read_params(
        endpoint,
        &Js(params_js),
        names.iter().filter_map(|n| n.as_string()),
    )
    .expect("fixture params are valid");
    let config = Config {
        auth_token: expect["auth_token"].as_str().map(str::to_owned),
        ..Config::default()
    };
    let status = expect["status"].as_u64().expect("status") as u16;
    match finish::<Js>(&config, &params, status, &JsString::from(body)) {
        Ok(result) => {
            let js = result.to_js();
            let text: String = JSON::stringify(&js).expect("stringify").into();
            json!({ "result": serde_json::from_str::<Value>(&text).expect("result JSON") })
        }
        Err(error) => json!({ "error": {
            "kind": error.kind(),
            "status": error.status(),
            "code": error.code(),
            "message": error.to_string(),
        }}),
    }
}

#[wasm_bindgen_test]
fn every_fixture_decodes_as_natively() {
    assert!(CORPUS.len() >= 50);
    for (endpoint, name, body, expect) in CORPUS {
        let expect: Value = serde_json::from_str(expect).expect("expectation JSON");
        let got = match *endpoint {
            "search" => decode(&search::ENDPOINT, body, &expect),
            "recordings" => decode(&recordings::ENDPOINT, body, &expect),
            "insert" => decode(&insert::ENDPOINT, body, &expect),
            "update" => decode(&update::ENDPOINT, body, &expect),
            "delete" => decode(&delete::ENDPOINT, body, &expect),
            other => panic!("unknown endpoint directory {other}"),
        };
        let want = match (expect.get("result"), expect.get("error")) {
            (Some(result), None) => json!({ "result": result }),
            (None, Some(error)) => json!({ "error": error }),
            _ => panic!("{endpoint}/{name}: expectation needs result or error"),
        };
        assert_eq!(got, want, "{endpoint}/{name}");
    }
}
