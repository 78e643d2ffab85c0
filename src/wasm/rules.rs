//! How the client checks a request before sending it: with the validation module, the one
//! behind `convoso-leads/validate`. The client build carries no rules of its own, so an app
//! that imports both entries downloads the validators once. The package wires the module's
//! checker in at import (`useValidators`, called by the client's glue; see
//! scripts/pkg-assemble.mjs); a checker is any function `(kind, params) => errors | undefined`
//! that judges the caller's own params object as `validateLead` & co. do.

use std::cell::RefCell;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;

use crate::api::{Answer, Endpoint};
use crate::client::malformed_object;
use crate::error::Error;
use crate::validate::FieldError;

thread_local! {
    static CHECKER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Makes `check` the function requests are checked with. Called once, by the package itself.
#[wasm_bindgen(js_name = useValidators, skip_typescript)]
pub fn use_validators(check: Function) {
    CHECKER.with(|checker| *checker.borrow_mut() = Some(check));
}

/// The validation module's number for an endpoint's rules (`v_request`'s `kind`).
fn kind(endpoint: &Endpoint) -> u32 {
    match endpoint.answer {
        Answer::Insert => 0,
        Answer::Update => 1,
        Answer::Search => 2,
        Answer::Recordings => 3,
        Answer::Delete => 4,
    }
}

/// The problems with `params` (the caller's object) as the service would see them.
pub fn errors(endpoint: &'static Endpoint, params: &JsValue) -> Result<Vec<FieldError>, Error> {
    let checker = CHECKER.with(|checker| checker.borrow().clone());
    let Some(checker) = checker else {
        return Err(malformed_object(
            endpoint.path,
            "params",
            "cannot be checked: the validators are not loaded",
        ));
    };
    let found = checker
        .call2(&JsValue::UNDEFINED, &JsValue::from(kind(endpoint)), params)
        .unwrap_or(JsValue::UNDEFINED);
    if !Array::is_array(&found) {
        return Ok(Vec::new());
    }
    Ok(Array::from(&found)
        .iter()
        .map(|e| field_error(&e))
        .collect())
}

/// Rejects `params` with every problem found, or lets it through.
pub fn check(endpoint: &'static Endpoint, params: &JsValue) -> Result<(), Error> {
    let errors = errors(endpoint, params)?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation {
            endpoint: endpoint.path,
            errors,
        })
    }
}

/// One `{ field, code, message, index? }` finding.
fn field_error(found: &JsValue) -> FieldError {
    let get =
        |key: &str| Reflect::get(found, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    FieldError {
        field: get("field").as_string().unwrap_or_default().into(),
        code: get("code").as_f64().map_or(0, |code| code as u32),
        message: get("message").as_string().unwrap_or_default().into(),
        index: get("index").as_f64().map(|index| index as u32),
        incomplete: get("incomplete").is_truthy(),
    }
}
