//! Shared by the wasm-bindgen suites: the two sandboxes (one per response style), its admin
//! API, and readers for JS values.
//!
//! The sandbox URLs are baked in at compile time (the stage scripts export them); a build
//! without them compiles, but every test then fails with a clear message instead of passing
//! without having talked to a server.

#![allow(dead_code)] // Each suite uses its own subset.

use std::sync::Once;

use convoso_leads::api::{delete, insert, recordings, search, update};
use convoso_leads::client::read_params;
use convoso_leads::validate::{validate_request, LeadOptions};
use convoso_leads::wasm::client::ConvosoClient;
use convoso_leads::wasm::json::Js;
use convoso_leads::wasm::rules::use_validators;
use gloo_net::http::Request;
use js_sys::{Array, Object, Promise, Reflect, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The token the sandboxes accept.
pub const TOKEN: &str = "dev-token";

/// One running sandbox and the response style it answers in.
#[derive(Clone, Copy, Debug)]
pub struct Sandbox {
    pub style: &'static str,
    /// e.g. `http://127.0.0.1:18810/v1`
    pub base_url: &'static str,
}

/// Both sandboxes: every endpoint test runs against each style.
pub fn sandboxes() -> [Sandbox; 2] {
    [
        Sandbox {
            style: "live",
            base_url: baked(
                option_env!("SANDBOX_URL"),
                "SANDBOX_URL (a --style live sandbox)",
            ),
        },
        Sandbox {
            style: "documented",
            base_url: baked(
                option_env!("SANDBOX_DOCUMENTED_URL"),
                "SANDBOX_DOCUMENTED_URL (a --style documented sandbox)",
            ),
        },
    ]
}

/// A URL baked in at compile time; without it the test fails rather than passing vacuously.
fn baked(url: Option<&'static str>, what: &str) -> &'static str {
    match url {
        Some(url) => url,
        None => panic!("build the wasm tests with {what}"),
    }
}

impl Sandbox {
    pub fn client(&self) -> ConvosoClient {
        self.client_with(&format!(
            r#"{{"authToken":"{TOKEN}","baseUrl":"{}"}}"#,
            self.base_url
        ))
    }

    /// A client from options written as JSON. These suites check how each answer maps, in Node
    /// and in a browser page, so unless the options say otherwise retries are off (the
    /// resilience suite covers them) and the token is allowed in the page.
    pub fn client_with(&self, options_json: &str) -> ConvosoClient {
        self.client_from(js(options_json))
    }

    /// [`Sandbox::client_with`] for an options object built in JS (one holding a function).
    pub fn client_from(&self, options: JsValue) -> ConvosoClient {
        use_core_rules();
        for (name, value) in [
            ("maxRetries", JsValue::from(0)),
            ("dangerouslyAllowBrowser", JsValue::TRUE),
        ] {
            let key = JsValue::from_str(name);
            if Reflect::get(&options, &key).is_ok_and(|v| v.is_undefined()) {
                Reflect::set(&options, &key, &value).expect("options object");
            }
        }
        ConvosoClient::new(Some(options)).expect("client options accepted")
    }

    /// The HTTP status business errors (6xxx/7xxx) come with: 200 live, and 400 from the
    /// documented sandbox, which scripts/test/wasm-node.sh starts with
    /// `--business-error-status 400` so the client's non-2xx business-error path stays tested
    /// (the sandbox's default is 200 in both styles, as the live service).
    pub fn business_status(&self) -> f64 {
        if self.style == "live" {
            200.0
        } else {
            400.0
        }
    }

    fn admin_url(&self, path: &str) -> String {
        format!("{}/__sandbox/{path}", self.base_url.trim_end_matches("/v1"))
    }

    /// Queues a fault (`{"kind":"html"}` …) for the next request to `endpoint`, after clearing
    /// any fault an earlier test left unconsumed.
    pub async fn fault(&self, endpoint: &str, fault_json: &str) {
        self.faults(endpoint, 1, fault_json).await;
    }

    /// Like [`Sandbox::fault`], for the next `count` requests.
    pub async fn faults(&self, endpoint: &str, count: u32, fault_json: &str) {
        self.clear_faults().await;
        let body = format!(r#"{{"endpoint":"{endpoint}","count":{count},"fault":{fault_json}}}"#);
        let response = Request::post(&self.admin_url("faults"))
            .body(body)
            .expect("fault body")
            .send()
            .await
            .expect("sandbox admin reachable");
        assert!(response.ok(), "fault refused: {:?}", response.text().await);
    }

    /// Drops every queued fault.
    pub async fn clear_faults(&self) {
        Request::delete(&self.admin_url("faults"))
            .send()
            .await
            .expect("sandbox admin reachable");
    }

    /// Requests the sandbox has received for `endpoint` (e.g. `insert`).
    pub async fn requests(&self, endpoint: &str) -> f64 {
        let response = Request::get(&self.admin_url("stats"))
            .send()
            .await
            .expect("sandbox admin reachable");
        let stats = js(&response.text().await.expect("stats body"));
        get(&get(&stats, "requests"), endpoint)
            .as_f64()
            .unwrap_or(0.0)
    }

    /// A phone number no other test (or earlier run against the same sandbox) uses.
    /// A valid NANP number: area code 201, exchange 220-299 (never N11), random line.
    pub fn fresh_phone(&self) -> String {
        let exchange = 220 + (js_sys::Math::random() * 80.0) as u32;
        let line = (js_sys::Math::random() * 10_000.0) as u32;
        format!("201{exchange}{line:04}")
    }
}

/// Waits `ms` milliseconds (the global `setTimeout`: browsers and Node alike).
pub async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let set_timeout = Reflect::get(&js_sys::global(), &"setTimeout".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .expect("setTimeout");
        set_timeout
            .call2(&JsValue::NULL, &resolve, &ms.into())
            .expect("setTimeout call");
    });
    JsFuture::from(promise).await.expect("timer");
}

/// A JS value from JSON text.
pub fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap_or_else(|_| panic!("test JSON is valid: {json}"))
}

pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn string(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string in {}", stringify(value)))
}

pub fn number(value: &JsValue, key: &str) -> f64 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number in {}", stringify(value)))
}

pub fn stringify(value: &JsValue) -> String {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

pub fn items(value: &JsValue, key: &str) -> Vec<JsValue> {
    let list = get(value, key);
    assert!(
        js_sys::Array::is_array(&list),
        "{key} is not an array in {}",
        stringify(value)
    );
    js_sys::Array::from(&list).iter().collect()
}

/// Awaits a client promise.
pub async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// Awaits a call that must fail, returning the rejection.
pub async fn rejection(promise: Promise, what: &str) -> JsValue {
    match settle(promise).await {
        Ok(value) => panic!("{what}: expected a rejection, got {}", stringify(&value)),
        Err(error) => error,
    }
}

/// Checks a rejection's class (by `instanceof` against the package's own classes), `kind`
/// and `name`, and that the token appears nowhere in it.
pub fn assert_error<C: JsCast>(error: &JsValue, kind: &str, name: &str) {
    use convoso_leads::wasm::errors::ConvosoError;
    assert!(
        error.is_instance_of::<C>(),
        "not a {name}: {}",
        describe(error)
    );
    assert!(
        error.is_instance_of::<ConvosoError>(),
        "not a ConvosoError: {}",
        describe(error)
    );
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {}",
        describe(error)
    );
    assert_eq!(string(error, "kind"), kind, "{}", describe(error));
    assert_eq!(string(error, "name"), name);
    assert_no_token(error);
}

/// The token must not be in the message, `toString()`, the cause or any field.
pub fn assert_no_token(error: &JsValue) {
    let text = describe(error);
    assert!(!text.contains(TOKEN), "token leaked: {text}");
    assert!(
        get(error, "cause").is_undefined(),
        "errors carry no cause: {text}"
    );
}

/// Everything an error shows: `toString()`, message and its JSON fields.
pub fn describe(error: &JsValue) -> String {
    let shown = js_sys::Object::from(error.clone())
        .to_string()
        .as_string()
        .unwrap_or_default();
    format!("{shown} {}", stringify(error))
}

/// Gives the client its request check, as the package does at import with the validation
/// module's: here the core's own rules over the same params object (these suites test the
/// bindings; the package's wiring is tested from the tarball).
pub fn use_core_rules() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let check =
            Closure::<dyn Fn(u32, JsValue) -> JsValue>::new(|kind: u32, params: JsValue| {
                let endpoint = match kind {
                    0 => &insert::ENDPOINT,
                    1 => &update::ENDPOINT,
                    2 => &search::ENDPOINT,
                    3 => &recordings::ENDPOINT,
                    _ => &delete::ENDPOINT,
                };
                let keys = Object::keys(params.unchecked_ref::<Object>());
                let names = keys.iter().filter_map(|k| k.as_string());
                let Ok(read) = read_params(endpoint, &Js(params), names) else {
                    return JsValue::UNDEFINED;
                };
                let errors = validate_request(endpoint.rules, &read, &LeadOptions::default());
                if errors.is_empty() {
                    return JsValue::UNDEFINED;
                }
                let list = Array::new();
                for error in errors {
                    let found = Object::new();
                    let set = |key: &str, value: JsValue| {
                        Reflect::set(&found, &JsValue::from_str(key), &value)
                            .expect("plain object");
                    };
                    set("field", JsValue::from_str(&error.field));
                    set("code", JsValue::from(error.code));
                    set("message", JsValue::from_str(&error.message));
                    if let Some(index) = error.index {
                        set("index", JsValue::from(index));
                    }
                    list.push(&found);
                }
                list.into()
            });
        use_validators(check.into_js_value().unchecked_into());
    });
}
