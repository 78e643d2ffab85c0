//! `ConvosoClient` for JavaScript: reads the JS arguments (`options.rs`), runs the core request
//! flow to prepare a call, and hands it to the one send path (`pending.rs`).

use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

use super::browser;
use super::errors::to_js;
use super::hooks::Hooks;
use super::options::{read_params, ClientOptions, RequestOptions};
use super::pending::{settle, Pending};
use super::recheck::{Recheck, Sending};
use super::retrying::RetrySettings;
use super::rules;
use crate::api::{delete, insert, recordings, search, update, Endpoint, Params};
use crate::client::{self, Config, DEFAULT_BASE_URL};
use crate::error::Error;
use crate::retry::InsertRetry;

/// A client for the Convoso Leads API. Every method returns a promise; failures reject with a
/// `ConvosoError` subclass.
#[wasm_bindgen(js_name = ConvosoClient)]
#[derive(Clone)]
pub struct ConvosoClient {
    config: Rc<Config>,
    retry: RetrySettings,
    hooks: Rc<Hooks>,
    fetch: Option<Function>,
}

#[wasm_bindgen(js_class = ConvosoClient)]
impl ConvosoClient {
    /// Creates a client. Throws `ConvosoValidationError` when an option is unknown or has the
    /// wrong type, or when given an `authToken` in a web page without `dangerouslyAllowBrowser`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "ClientOptions")] options: Option<JsValue>,
    ) -> Result<ConvosoClient, JsValue> {
        let options = ClientOptions::read(options).map_err(|e| to_js(&e))?;
        let has_token = options.auth_token.as_deref().is_some_and(|t| !t.is_empty());
        browser::check_token(has_token, options.dangerously_allow_browser)
            .map_err(|e| to_js(&e))?;
        let retry = options.retry();
        let hooks = Rc::new(Hooks {
            on_request: options.on_request,
            on_response: options.on_response,
            on_retry: options.on_retry,
        });
        Ok(ConvosoClient {
            retry,
            hooks,
            fetch: options.fetch,
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
        self.call(&search::ENDPOINT, params, options)
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
        self.call(&recordings::ENDPOINT, params, options)
    }

    /// Inserts a lead (`POST /leads/insert`). Sent again only under the `insertRetry` rule:
    /// a blindly repeated insert can create the lead twice.
    #[wasm_bindgen(js_name = insertLead, unchecked_return_type = "Promise<InsertResult>")]
    pub fn insert_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InsertParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        let pending = RequestOptions::read(insert::ENDPOINT.path, options).and_then(|options| {
            let params = self.read_checked(&insert::ENDPOINT, params, &options)?;
            Ok(self.prepare_insert(params, &options))
        });
        settle(pending)
    }

    /// Updates a lead (`POST /leads/update`).
    #[wasm_bindgen(js_name = updateLead, unchecked_return_type = "Promise<UpdateResult>")]
    pub fn update_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "UpdateParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call(&update::ENDPOINT, params, options)
    }

    /// Deletes a lead (`POST /leads/delete`).
    #[wasm_bindgen(js_name = deleteLead, unchecked_return_type = "Promise<DeleteResult>")]
    pub fn delete_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeleteParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call(&delete::ENDPOINT, params, options)
    }
}

impl ConvosoClient {
    fn call(
        &self,
        endpoint: &'static Endpoint,
        params: JsValue,
        options: Option<JsValue>,
    ) -> Promise {
        settle(self.start(endpoint, params, options))
    }

    /// Everything before the network: options, params, validation, encoding.
    fn start(
        &self,
        endpoint: &'static Endpoint,
        params: JsValue,
        options: Option<JsValue>,
    ) -> Result<Pending, Error> {
        let options = RequestOptions::read(endpoint.path, options)?;
        let params = self.read_checked(endpoint, params, &options)?;
        Ok(self.prepare(params, &options))
    }

    /// Reads a call's params object, and checks it unless validation is off for the call.
    pub(super) fn read_checked(
        &self,
        endpoint: &'static Endpoint,
        value: JsValue,
        options: &RequestOptions,
    ) -> Result<Params, Error> {
        let params = read_params(endpoint, value.clone())?;
        if self.validates(options) {
            rules::check(endpoint, &value)?;
        }
        Ok(params)
    }

    /// Whether a call with these options is validated before it is sent.
    pub(super) fn validates(&self, options: &RequestOptions) -> bool {
        options.validate.unwrap_or(self.config.validate)
    }

    /// An insert (already checked), with its recheck when the call opts in.
    pub(super) fn prepare_insert(&self, params: Params, options: &RequestOptions) -> Pending {
        let recheck = match options.retry().or(self.retry).insert_retry {
            Some(InsertRetry::Recheck) => {
                let client = self.clone();
                let options = options.for_recheck();
                let search = move |params: &JsValue| {
                    let params = read_params(&search::ENDPOINT, params.clone()).ok()?;
                    Some(Box::pin(client.prepare(params, &options).send()) as Sending)
                };
                Recheck::new(&params, Box::new(search))
            }
            _ => None,
        };
        let mut pending = self.prepare(params, options);
        pending.recheck = recheck;
        pending
    }

    /// Encodes a call whose params were checked (or need no check) for the one send path.
    pub(super) fn prepare(&self, params: Params, options: &RequestOptions) -> Pending {
        let request = client::encode(&self.config, &params);
        Pending {
            params,
            request,
            timeout_ms: options.timeout_ms.or(self.config.timeout_ms),
            signal: options.signal.clone(),
            retry: options.retry().or(self.retry),
            recheck: None,
            config: Rc::clone(&self.config),
            hooks: Rc::clone(&self.hooks),
            fetch: self.fetch.clone(),
        }
    }
}
