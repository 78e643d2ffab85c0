//! `client.iterateLeads()` and `client.iterateLeadPages()`: async iterators over every page of
//! a search, driven by the pager of [`crate::paging`]. iterate.js turns the one-page-per-call
//! source below into async generators.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;

use super::client::ConvosoClient;
use super::errors::to_js;
use super::options::RequestOptions;
use super::task;
use crate::api::search;
use crate::api::Params;
use crate::error::Error;
use crate::paging::{Next, OffsetCapReached, PageRequest, Pager, DEFAULT_PAGE_SIZE};
use crate::validate::FieldError;
use crate::wire::params::Given;

#[wasm_bindgen(module = "/src/wasm/iterate.js")]
extern "C" {
    #[wasm_bindgen(js_name = leadPages)]
    fn lead_pages(source: SearchPages) -> JsValue;
    fn leads(source: SearchPages) -> JsValue;
}

/// The service's code for an offset it refuses.
const INVALID_OFFSET: u32 = 7231;

/// The largest page lead search serves.
const MAX_PAGE_SIZE: i64 = 2000;

#[wasm_bindgen(js_class = ConvosoClient)]
impl ConvosoClient {
    /// Every lead matching `params`, across all pages: `for await (const lead of
    /// client.iterateLeads({ list_id: "333" }))`. `offset` and `limit` set where to start and
    /// the page size (default 500). Pages are fetched one at a time, with the retries, time
    /// limits and `signal` of `options`. Ends with a `ConvosoValidationError` (code 7231)
    /// rather than stop short when the rest lies past the service's offset cap (50,000).
    #[wasm_bindgen(js_name = iterateLeads, unchecked_return_type = "AsyncIterableIterator<Lead>")]
    pub fn iterate_leads(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> JsValue {
        leads(self.walk(params, options))
    }

    /// Every page of a search, as `searchLeads` returns them; see `iterateLeads`.
    #[wasm_bindgen(
        js_name = iterateLeadPages,
        unchecked_return_type = "AsyncIterableIterator<SearchPage<Lead>>"
    )]
    pub fn iterate_lead_pages(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> JsValue {
        lead_pages(self.walk(params, options))
    }
}

impl ConvosoClient {
    /// Reads the arguments now; a problem with them is the first page's error.
    fn walk(&self, params: JsValue, options: Option<JsValue>) -> SearchPages {
        let mut pager = Pager::new(0, DEFAULT_PAGE_SIZE);
        let start = RequestOptions::read(search::ENDPOINT.path, options).and_then(|options| {
            let read = self.read_checked(&search::ENDPOINT, params, &options)?;
            pager = pager_for(&read);
            Ok((read, options))
        });
        SearchPages {
            walk: Rc::new(RefCell::new(Walk {
                client: self.clone(),
                start,
                pager,
            })),
        }
    }
}

/// Where the walk starts and how big its pages are: the params' `offset` and `limit` when
/// they are usable numbers.
fn pager_for(params: &Params) -> Pager {
    let offset = params.count("offset").unwrap_or(0);
    let limit = match params.get("limit") {
        Given::Int(limit) if (1..=MAX_PAGE_SIZE).contains(limit) => limit.unsigned_abs(),
        _ => DEFAULT_PAGE_SIZE,
    };
    Pager::new(offset, limit)
}

/// One walk through the results; `next()` resolves to the next page, or `undefined` after the
/// last. Used through the iterators, which call it one page at a time.
#[wasm_bindgen(skip_typescript)]
pub struct SearchPages {
    walk: Rc<RefCell<Walk>>,
}

struct Walk {
    client: ConvosoClient,
    /// The params and options, or why they are unusable.
    start: Result<(Params, RequestOptions), Error>,
    pager: Pager,
}

#[wasm_bindgen]
impl SearchPages {
    pub fn next(&self) -> Promise {
        let walk = Rc::clone(&self.walk);
        task::promise(async move {
            let page = next_page(&walk).await;
            if page.is_err() {
                walk.borrow_mut().pager.fail();
            }
            page.map_err(|e| to_js(&e))
        })
    }
}

async fn next_page(walk: &RefCell<Walk>) -> Result<JsValue, Error> {
    // The borrow ends before the request is awaited.
    let (pending, page) = {
        let mut walk = walk.borrow_mut();
        let Walk {
            client,
            start,
            pager,
        } = &mut *walk;
        let (params, options) = start.as_ref().map_err(Clone::clone)?;
        let page = match pager.next_step() {
            Ok(Next::Fetch(page)) => page,
            Ok(Next::Done) => return Ok(JsValue::UNDEFINED),
            // iterate.js asks for one page at a time, so this means a bug: say so, loudly.
            Ok(Next::Wait) => return Err(overlapping()),
            Err(cap) => return Err(past_the_cap(cap)),
        };
        let pending = client.prepare(at(params, page), options);
        (pending, page)
    };
    let result = pending.send().await?;
    let (count, total) = counts(&result);
    walk.borrow_mut().pager.record(page, count, total);
    Ok(result)
}

/// The params of one page: the caller's, with the page's offset and limit.
fn at(params: &Params, page: PageRequest) -> Params {
    let mut params = params.clone();
    for (name, value) in [("offset", page.offset), ("limit", page.limit)] {
        // Offsets stay far below 2^63.
        params.set(name, Given::Int(value as i64));
    }
    params
}

/// How many leads a page (as `searchLeads` returns it) holds, and the total it reports.
fn counts(page: &JsValue) -> (u64, Option<u64>) {
    let field = |name: &str| Reflect::get(page, &JsValue::from_str(name)).ok();
    let count = field("results")
        .filter(Array::is_array)
        .map_or(0, |results| u64::from(Array::from(&results).length()));
    // Totals are whole numbers below 2^53; `as` saturates anything else.
    let total = field("total").and_then(|t| t.as_f64()).map(|t| t as u64);
    (count, total)
}

fn past_the_cap(cap: OffsetCapReached) -> Error {
    Error::Validation {
        endpoint: search::ENDPOINT.path,
        errors: vec![FieldError {
            field: "offset".into(),
            code: INVALID_OFFSET,
            message: cap.message().into(),
            index: None,
            incomplete: false,
        }],
    }
}

fn overlapping() -> Error {
    Error::Validation {
        endpoint: search::ENDPOINT.path,
        errors: vec![FieldError {
            field: "offset".into(),
            code: INVALID_OFFSET,
            message: "a page was requested before the previous one arrived".into(),
            index: None,
            incomplete: false,
        }],
    }
}
