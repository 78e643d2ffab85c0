//! The opt-in insert recheck (`insertRetry: "recheck"`). Before the first send it notes which
//! leads of the list already have the phone number; after a failure that leaves the insert's
//! fate unknown (network error, timeout, 5xx) it searches again. A lead that was not there
//! before is the insert's own: the call resolves with it and nothing is sent again. No new
//! lead means the insert did not happen, and it is sent again.
//!
//! When either search fails, or a page of matches is full (so the before and after sets may be
//! incomplete), the outcome is unknown and the insert is not sent again. The one case it
//! cannot rule out is a first request still being processed by the service when the recheck
//! runs; the backoff wait before the recheck makes that unlikely, not impossible.

use std::future::Future;
use std::pin::Pin;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::output::ToJs;
use crate::api::insert::InsertResult;
use crate::api::Params;
use crate::error::Error;

/// The most matches one search returns: a full page means there may be more.
const PAGE: u32 = 2000;

/// What the recheck found.
pub enum Checked {
    /// The insert happened: its result.
    Found(JsValue),
    /// The insert did not happen.
    Absent,
    /// It cannot be told.
    Unknown,
}

/// A call on its way: the result as `searchLeads` gives it.
pub type Sending = Pin<Box<dyn Future<Output = Result<JsValue, Error>>>>;

/// Starts one search for the insert's lead: the client's own search call, so it has the
/// insert's signal, time limit and hooks.
pub type Search = Box<dyn Fn(&JsValue) -> Option<Sending>>;

pub struct Recheck {
    search: Search,
    /// The search params, as a caller would give them.
    params: JsValue,
    /// Lead ids with the phone number in the list before the first send.
    before: Option<Vec<String>>,
}

impl Recheck {
    /// The recheck of an insert; `None` when it has no phone number or list to search by.
    pub fn new(insert: &Params, search: Search) -> Option<Recheck> {
        let phone = insert.text("phone_number").filter(|p| !p.is_empty())?;
        let list = insert.text("list_id").filter(|l| !l.is_empty())?;
        let params = Object::new();
        for (name, value) in [
            ("phone_number", JsValue::from_str(&phone)),
            ("list_id", JsValue::from_str(&list)),
            ("limit", JsValue::from(PAGE)),
        ] {
            // A fresh plain object: setting cannot fail.
            let _ = Reflect::set(&params, &JsValue::from_str(name), &value);
        }
        Some(Recheck {
            search,
            params: params.into(),
            before: None,
        })
    }

    pub async fn take_snapshot(&mut self) {
        self.before = self.ids().await;
    }

    pub async fn look(&self) -> Checked {
        let (Some(before), Some(now)) = (&self.before, self.ids().await) else {
            return Checked::Unknown;
        };
        match now.into_iter().find(|id| !before.contains(id)) {
            Some(lead_id) => Checked::Found(InsertResult { lead_id }.to_js()),
            None => Checked::Absent,
        }
    }

    /// The ids of the leads with the phone number in the list; `None` when the search failed
    /// or may not have returned them all.
    async fn ids(&self) -> Option<Vec<String>> {
        // Boxed: the search is itself a call that an insert's recheck is part of.
        let page = (self.search)(&self.params)?.await.ok()?;
        // A page as this package builds it: `results` is an array of leads with string ids.
        let results: Array = Reflect::get(&page, &JsValue::from_str("results"))
            .ok()?
            .dyn_into()
            .ok()?;
        if results.length() >= PAGE {
            return None;
        }
        let id = JsValue::from_str("id");
        results
            .iter()
            .map(|lead| Reflect::get(&lead, &id).ok()?.as_string())
            .collect()
    }
}
