#![cfg(target_arch = "wasm32")]
//! The `fetch` option: every attempt goes through the caller's function, which gets a real
//! `Request` with the token in its body only; a function that throws, resolves to something
//! that is not a Response, or never settles fails as a typed error, never a trap.

mod wasm_support;

use convoso_leads::wasm::client::ConvosoClient;
use convoso_leads::wasm::errors::{
    ConvosoAbortError, ConvosoNetworkError, ConvosoTimeoutError, ConvosoValidationError,
};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_support::*;

/// A JS function `(request) => …` with `body`; `log` (an array) is its first bound argument.
fn fetch_fn(log: &JsValue, body: &str) -> Function {
    let bound: JsValue = Function::new_with_args("log, request", body)
        .bind1(&JsValue::NULL, log)
        .into();
    bound.unchecked_into()
}

fn client(sandbox: &Sandbox, fetch: &Function, extra_json: &str) -> ConvosoClient {
    let options = js(&format!(
        r#"{{"authToken":"{TOKEN}","baseUrl":"{}"{extra_json}}}"#,
        sandbox.base_url
    ));
    Reflect::set(&options, &"fetch".into(), fetch).expect("options object");
    sandbox.client_from(options)
}

fn log() -> JsValue {
    js_sys::Array::new().into()
}

/// Records what each request looked like, then lets the global fetch send it.
const RECORD_AND_SEND: &str = "return request.clone().text().then((body) => {
    log.push({ isRequest: request instanceof Request, method: request.method, url: request.url,
        tokenInBody: body.includes('dev-token'), type: request.headers.get('content-type') });
    return fetch(request);
});";

#[wasm_bindgen_test]
async fn every_attempt_goes_through_the_callers_fetch() {
    for sandbox in sandboxes() {
        let seen = log();
        let client = client(&sandbox, &fetch_fn(&seen, RECORD_AND_SEND), "");
        let before = sandbox.requests("search").await;
        let page = settle(client.search_leads(js(r#"{"limit":1}"#), None))
            .await
            .expect("search through the caller's fetch");
        assert!(number(&page, "limit") >= 1.0);
        assert_eq!(sandbox.requests("search").await, before + 1.0);
        let calls = js_sys::Array::from(&seen);
        assert_eq!(calls.length(), 1, "{}", stringify(&seen));
        let call = calls.get(0);
        assert_eq!(get(&call, "isRequest"), JsValue::TRUE);
        assert_eq!(string(&call, "method"), "POST");
        assert!(string(&call, "url").ends_with("/leads/search"));
        assert!(!string(&call, "url").contains(TOKEN), "token in the URL");
        assert_eq!(get(&call, "tokenInBody"), JsValue::TRUE);
        assert_eq!(string(&call, "type"), "application/x-www-form-urlencoded");
    }
}

#[wasm_bindgen_test]
async fn retries_and_every_endpoint_use_it_too() {
    let sandbox = &sandboxes()[0];
    let seen = log();
    // The first call fails as a network error would; the retry is sent for real.
    let flaky = fetch_fn(
        &seen,
        "log.push(request.url); if (log.length === 1) throw new TypeError('offline'); return fetch(request);",
    );
    let client = client(sandbox, &flaky, r#","maxRetries":1"#);
    settle(client.search_leads(js("{}"), None))
        .await
        .expect("the retry succeeds");
    let phone = sandbox.fresh_phone();
    let inserted = settle(client.insert_lead(
        js(&format!(r#"{{"list_id":"333","phone_number":"{phone}"}}"#)),
        None,
    ))
    .await
    .expect("insert");
    let id = string(&inserted, "lead_id");
    // One after another: the delete must not overtake the update.
    let recordings = client.get_recordings(js(&format!(r#"{{"lead_id":"{id}"}}"#)), None);
    settle(recordings).await.expect("recordings");
    let update = client.update_lead(
        js(&format!(r#"{{"lead_id":"{id}","first_name":"Ada"}}"#)),
        None,
    );
    settle(update).await.expect("update");
    let delete = client.delete_lead(js(&format!(r#"{{"lead_id":"{id}"}}"#)), None);
    settle(delete).await.expect("delete");
    let urls: Vec<String> = js_sys::Array::from(&seen)
        .iter()
        .filter_map(|u| u.as_string())
        .map(|u| u.rsplit('/').next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        urls,
        [
            "search",
            "search",
            "insert",
            "get-recordings",
            "update",
            "delete"
        ]
    );
}

#[wasm_bindgen_test]
async fn a_response_of_another_realm_is_read_through_its_members() {
    let sandbox = &sandboxes()[0];
    let foreign = fetch_fn(
        &log(),
        "return fetch(request).then((r) => ({ status: r.status, headers: { get: (n) => r.headers.get(n) }, text: () => r.text() }));",
    );
    let page = settle(client(sandbox, &foreign, "").search_leads(js(r#"{"limit":2}"#), None))
        .await
        .expect("a Response-like answer is read");
    assert!(number(&page, "limit") >= 1.0);
}

#[wasm_bindgen_test]
async fn a_fetch_that_throws_or_answers_garbage_is_a_network_error() {
    let sandbox = &sandboxes()[0];
    for (what, body) in [
        (
            "throws",
            "throw new Error('no route to host, token dev-token');",
        ),
        ("throws a string", "throw 'nope';"),
        (
            "rejects",
            "return Promise.reject(new TypeError('socket hang up'));",
        ),
        ("rejects with undefined", "return Promise.reject();"),
        ("returns a number", "return 42;"),
        ("resolves to null", "return Promise.resolve(null);"),
        ("resolves to a plain object", "return { ok: true };"),
        (
            "has a status but no text()",
            "return { status: 200, headers: new Headers() };",
        ),
        (
            "has a text() that throws",
            "return { status: 200, headers: new Headers(), text() { throw new Error('x'); } };",
        ),
        (
            "a getter that throws",
            "return { get status() { throw new Error('trap'); } };",
        ),
    ] {
        let client = client(sandbox, &fetch_fn(&log(), body), "");
        let error = rejection(client.search_leads(js("{}"), None), what).await;
        assert_error::<ConvosoNetworkError>(&error, "network", "ConvosoNetworkError");
        assert_eq!(string(&error, "endpoint"), "/leads/search", "{what}");
    }
    // The module is still whole: the same client shape works afterwards.
    let ok = client(sandbox, &fetch_fn(&log(), "return fetch(request);"), "");
    settle(ok.search_leads(js("{}"), None))
        .await
        .expect("later calls still work");
}

#[wasm_bindgen_test]
async fn a_fetch_that_never_settles_meets_the_timeout_and_the_signal() {
    let sandbox = &sandboxes()[0];
    let never = fetch_fn(&log(), "return new Promise(() => {});");
    let timed = client(sandbox, &never, r#","timeoutMs":50"#);
    let error = rejection(timed.search_leads(js("{}"), None), "timeout").await;
    assert_error::<ConvosoTimeoutError>(&error, "timeout", "ConvosoTimeoutError");

    let untimed = client(sandbox, &never, "");
    let controller = web_sys::AbortController::new().expect("AbortController");
    let options = js("{}");
    Reflect::set(&options, &"signal".into(), &controller.signal()).expect("options");
    let pending = untimed.search_leads(js("{}"), Some(options));
    sleep(20).await;
    controller.abort();
    let error = rejection(pending, "abort").await;
    assert_error::<ConvosoAbortError>(&error, "abort", "ConvosoAbortError");
}

#[wasm_bindgen_test]
fn a_fetch_option_that_is_not_a_function_is_refused() {
    let sandbox = &sandboxes()[0];
    let options = js(&format!(
        r#"{{"baseUrl":"{}","fetch":42}}"#,
        sandbox.base_url
    ));
    let error = match ConvosoClient::new(Some(options)) {
        Ok(_) => panic!("fetch: 42 accepted"),
        Err(error) => error,
    };
    assert_error::<ConvosoValidationError>(&error, "validation", "ConvosoValidationError");
    assert!(
        describe(&error).contains("options.fetch"),
        "{}",
        describe(&error)
    );
}
