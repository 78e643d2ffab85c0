//! `ConvosoClient` for JavaScript: reads the JS arguments, runs the core request flow, sends
//! with `fetch`, and hands back plain JS objects or a `ConvosoError`.

use std::rc::Rc;

use js_sys::{JsString, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use super::errors::to_js;
use super::json::Js;
use super::output::ToJs;
use super::transport::{self, Limits};
use crate::api::delete::Delete;
use crate::api::insert::Insert;
use crate::api::recordings::Recordings;
use crate::api::search::Search;
use crate::api::update::Update;
use crate::api::Endpoint;
use crate::client::{self, malformed_object, CallOptions, Config, Request, DEFAULT_BASE_URL};
use crate::error::Error;
use crate::wire::json::Json;
use crate::wire::lenient::{FlagLike, FromScalar, IntLike, Lenient};
use crate::wire::params::FieldSource;

/// Settings of a client.
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Your Convoso API token. It is sent only in request bodies, never in a URL, and never
    /// appears in an error. Leave it out when `baseUrl` points at your own backend, which adds
    /// it there: a token in a web page is readable by every visitor.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    auth_token: Option<String>,
    /// Base URL of the Leads API (default `https://api.convoso.com/v1`), or of your backend.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    base_url: Option<String>,
    /// Milliseconds to wait for each answer before failing with `ConvosoTimeoutError`
    /// (default: no limit beyond the runtime's own).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    timeout_ms: Option<u32>,
    /// Check requests with the same rules (and codes) as the service before sending, and
    /// reject with `ConvosoValidationError` without sending (default `true`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    validate: Option<bool>,
}

/// Settings of one call, overriding the client's.
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    /// Milliseconds to wait for this call's answer.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    timeout_ms: Option<u32>,
    /// Validate this call before sending (overrides the client's `validate`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    validate: Option<bool>,
    /// Cancels the call; it then rejects with `ConvosoAbortError`.
    #[cfg_attr(feature = "typescript", tsify(optional, type = "AbortSignal"))]
    signal: Option<AbortSignal>,
}

impl ClientOptions {
    const NAMES: &'static [&'static str] = &["authToken", "baseUrl", "timeoutMs", "validate"];

    fn read(value: Option<JsValue>) -> Result<Self, Error> {
        let options = OptionsObject::new("", value, Self::NAMES)?;
        Ok(ClientOptions {
            auth_token: options.get("authToken")?,
            base_url: options.get("baseUrl")?,
            timeout_ms: options.millis("timeoutMs")?,
            validate: options.flag("validate")?,
        })
    }
}

impl RequestOptions {
    const NAMES: &'static [&'static str] = &["timeoutMs", "validate", "signal"];

    fn read(endpoint: &'static str, value: Option<JsValue>) -> Result<Self, Error> {
        let options = OptionsObject::new(endpoint, value, Self::NAMES)?;
        let signal = match options.0.get(&Js::key("signal")) {
            None => None,
            Some(Js(v)) if v.is_null() => None,
            Some(Js(v)) => Some(v.dyn_into::<AbortSignal>().map_err(|_| {
                malformed_object(endpoint, "options.signal", "must be an AbortSignal")
            })?),
        };
        Ok(RequestOptions {
            timeout_ms: options.millis("timeoutMs")?,
            validate: options.flag("validate")?,
            signal,
        })
    }
}

/// An options object being read: absent means all defaults, unknown names are refused (a
/// misspelt `authToken` must not silently make a client without a token).
struct OptionsObject(Js, &'static str);

impl OptionsObject {
    fn new(endpoint: &'static str, value: Option<JsValue>, names: &[&str]) -> Result<Self, Error> {
        let value = match value {
            Some(v) if !v.is_undefined() && !v.is_null() => v,
            _ => Object::new().into(),
        };
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(malformed_object(endpoint, "options", "must be an object"));
        }
        for name in Object::keys(value.unchecked_ref::<Object>()).iter() {
            let name = name.as_string().unwrap_or_default();
            if !names.contains(&name.as_str()) {
                let field = format!("options.{name}");
                return Err(malformed_object(endpoint, &field, "is not an option"));
            }
        }
        Ok(OptionsObject(Js(value), endpoint))
    }

    fn get<T: FromScalar>(&self, name: &'static str) -> Result<Option<T>, Error> {
        self.0.read(name).map_err(|bad| {
            let field = format!("options.{name}");
            malformed_object(self.1, &field, &format!("must be {}", bad.expected))
        })
    }

    fn flag(&self, name: &'static str) -> Result<Option<bool>, Error> {
        match self.get::<FlagLike>(name)? {
            None => Ok(None),
            Some(Lenient::Valid(b)) => Ok(Some(b)),
            Some(Lenient::Invalid(_)) => Err(self.invalid(name, "must be a boolean")),
        }
    }

    fn millis(&self, name: &'static str) -> Result<Option<u32>, Error> {
        match self.get::<IntLike>(name)? {
            None => Ok(None),
            Some(Lenient::Valid(ms)) => u32::try_from(ms)
                .map(Some)
                .map_err(|_| self.invalid(name, "must be a whole number of milliseconds")),
            Some(Lenient::Invalid(_)) => {
                Err(self.invalid(name, "must be a whole number of milliseconds"))
            }
        }
    }

    fn invalid(&self, name: &str, message: &str) -> Error {
        malformed_object(self.1, &format!("options.{name}"), message)
    }
}

/// A client for the Convoso Leads API. Every method returns a promise; failures reject with a
/// `ConvosoError` subclass.
#[wasm_bindgen(js_name = ConvosoClient)]
pub struct ConvosoClient {
    config: Rc<Config>,
}

#[wasm_bindgen(js_class = ConvosoClient)]
impl ConvosoClient {
    /// Creates a client. Throws `ConvosoValidationError` when an option is unknown or has the
    /// wrong type.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "ClientOptions")] options: Option<JsValue>,
    ) -> Result<ConvosoClient, JsValue> {
        let options = ClientOptions::read(options).map_err(|e| to_js(&e))?;
        Ok(ConvosoClient {
            config: Rc::new(Config {
                auth_token: options.auth_token.filter(|t| !t.is_empty()),
                base_url: options
                    .base_url
                    .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned()),
                timeout_ms: options.timeout_ms,
                validate: options.validate.unwrap_or(true),
            }),
        })
    }

    /// Searches leads (`POST /leads/search`): one page of results.
    #[wasm_bindgen(js_name = searchLeads, unchecked_return_type = "Promise<SearchPage<Lead>>")]
    pub fn search_leads(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SearchParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call::<Search>(params, options)
    }

    /// Lists a lead's call recordings (`POST /leads/get-recordings`).
    #[wasm_bindgen(
        js_name = getRecordings,
        unchecked_return_type = "Promise<RecordingsPage<Recording>>"
    )]
    pub fn get_recordings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RecordingsParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call::<Recordings>(params, options)
    }

    /// Inserts a lead (`POST /leads/insert`). Never retried: a repeated insert can duplicate.
    #[wasm_bindgen(js_name = insertLead, unchecked_return_type = "Promise<InsertResult>")]
    pub fn insert_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InsertParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call::<Insert>(params, options)
    }

    /// Updates a lead (`POST /leads/update`).
    #[wasm_bindgen(js_name = updateLead, unchecked_return_type = "Promise<UpdateResult>")]
    pub fn update_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "UpdateParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call::<Update>(params, options)
    }

    /// Deletes a lead (`POST /leads/delete`).
    #[wasm_bindgen(js_name = deleteLead, unchecked_return_type = "Promise<DeleteResult>")]
    pub fn delete_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeleteParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call::<Delete>(params, options)
    }
}

/// Turns an answer into the call's result (generic per endpoint, but synchronous).
type Finish = Box<dyn FnOnce(u16, &JsString) -> Result<JsValue, Error>>;

/// A call that passed every check and is ready to send. Only this part is async, and it is the
/// same for every endpoint, so the async machinery exists once in the binary.
struct Pending {
    endpoint: &'static str,
    request: Request,
    limits: Limits,
    config: Rc<Config>,
    finish: Finish,
}

impl ConvosoClient {
    fn call<E>(&self, params: JsValue, options: Option<JsValue>) -> Promise
    where
        E: Endpoint + 'static,
        E::Output<Js>: ToJs,
    {
        match self.start::<E>(params, options) {
            Ok(pending) => {
                future_to_promise(async move { pending.send().await.map_err(|e| to_js(&e)) })
            }
            Err(error) => Promise::reject(&to_js(&error)),
        }
    }

    /// Everything before the network: options, params, validation, encoding.
    fn start<E>(&self, params: JsValue, options: Option<JsValue>) -> Result<Pending, Error>
    where
        E: Endpoint + 'static,
        E::Output<Js>: ToJs,
    {
        let options = RequestOptions::read(E::PATH, options)?;
        let params = read_params::<E>(params)?;
        let call = CallOptions {
            timeout_ms: options.timeout_ms,
            validate: options.validate,
        };
        let request = client::prepare::<E>(&self.config, &call, &params)?;
        let config = Rc::clone(&self.config);
        Ok(Pending {
            endpoint: E::PATH,
            request,
            limits: Limits {
                timeout_ms: self.config.timeout_ms(&call),
                signal: options.signal,
            },
            config: Rc::clone(&self.config),
            finish: Box::new(move |status, body| {
                Ok(client::finish::<E, Js>(&config, &params, status, body)?.to_js())
            }),
        })
    }
}

impl Pending {
    async fn send(self) -> Result<JsValue, Error> {
        let secret = self.config.auth_token.as_deref();
        let answer = transport::post(self.endpoint, &self.request, self.limits, secret).await?;
        (self.finish)(answer.status, &answer.body)
    }
}

/// Reads a params object: `undefined`/`null` mean no parameters.
fn read_params<E: Endpoint>(value: JsValue) -> Result<E::Params, Error> {
    if value.is_undefined() || value.is_null() {
        return client::read_params::<E>(&Js(Object::new().into()), []);
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(malformed_object(
            E::PATH,
            "params",
            "must be an object of parameters",
        ));
    }
    let names = Object::keys(value.unchecked_ref::<Object>());
    let names = names.iter().filter_map(|n| n.as_string());
    client::read_params::<E>(&Js(value.clone()), names)
}
