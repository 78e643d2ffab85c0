//! `client.insertLeads(leads, options)`: every row is validated first, then the valid ones are
//! inserted with bounded concurrency, and the promise resolves to one outcome per row, in input
//! order. [`crate::batch`] keeps the books; this file reads the arguments, runs the workers and
//! writes the outcomes as JS objects.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::client::ConvosoClient;
use super::errors::to_js;
use super::guard::{self, List};
use super::options::{OptionsObject, RequestOptions};
use super::pending::Pending;
use super::task;
use crate::api::insert;
use crate::batch::{Batch, Progress, RowOutcome, DEFAULT_CONCURRENCY};
use crate::client::malformed_object;
use crate::error::{Error, MALFORMED_PARAMS};
use crate::validate::FieldError;

#[cfg(feature = "typescript")]
#[wasm_bindgen(typescript_custom_section)]
const BATCH_TYPES: &str = r#"
/** Options of `insertLeads`: those of any call (applied to each row), and how to run the batch. */
export interface InsertLeadsOptions extends RequestOptions {
  /** Rows in flight at once, 1 to 32 (default 4). */
  concurrency?: number;
  /** Called with the counts so far: once at the start, then as each row settles. */
  onProgress?: (progress: InsertProgress) => void;
}

/** How far a batch has got: `done` of `total` rows have their outcome. */
export interface InsertProgress {
  done: number;
  total: number;
  inserted: number;
  invalid: number;
  rejected: number;
  failed: number;
  cancelled: number;
}

/**
 * How one row of `insertLeads` ended; `index` is its position in the input.
 * - `inserted`: created, with its `lead_id`.
 * - `invalid`: failed validation and was not sent; `errors` has the service's codes.
 * - `rejected`: the service refused it (an API error below HTTP 500) with `code` and
 *   `message`, e.g. 6009 (phone exists): it was not created.
 * - `failed`: no verdict (network error, timeout, 5xx or a non-API answer, aborted in
 *   flight): the lead may or may not have been created.
 * - `cancelled`: not sent, because the batch was aborted first.
 */
export type InsertOutcome =
  | { index: number; status: "inserted"; lead_id: string }
  | { index: number; status: "invalid"; errors: FieldError[]; error: Error }
  | { index: number; status: "rejected"; code?: number; message: string; error: Error }
  | { index: number; status: "failed"; error: Error }
  | { index: number; status: "cancelled" };
"#;

/// The options `insertLeads` takes on top of a call's.
const BATCH_OPTIONS: &[&str] = &["concurrency", "onProgress"];

/// The most rows one call takes: every row's request is prepared up front.
const MAX_ROWS: u32 = 100_000;

#[wasm_bindgen(js_class = ConvosoClient)]
impl ConvosoClient {
    /// Inserts many leads. Every row is validated first (invalid rows are never sent), then the
    /// others are inserted `concurrency` at a time, each with the call options' retries and
    /// time limits. Resolves to one outcome per row, in input order; aborting `signal` stops
    /// sending (rows not yet sent end `cancelled`). Rejects only when the arguments themselves
    /// are unusable.
    #[wasm_bindgen(js_name = insertLeads, unchecked_return_type = "Promise<InsertOutcome[]>")]
    pub fn insert_leads(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InsertParams[]")] leads: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "InsertLeadsOptions")] options: Option<
            JsValue,
        >,
    ) -> Promise {
        match self.start_batch(&leads, options) {
            Ok((run, workers)) => task::promise(finish(run, workers)),
            Err(error) => Promise::reject(&to_js(&error)),
        }
    }
}

/// A batch on its way, shared by its workers. Borrows never last across an await.
struct Run {
    batch: RefCell<Batch<Error>>,
    /// Each valid row's prepared call, taken when the row starts.
    calls: RefCell<Vec<Option<Pending>>>,
    signal: Option<AbortSignal>,
    on_progress: Option<Function>,
}

impl ConvosoClient {
    /// Reads the arguments and validates and prepares every row; returns the run and how many
    /// workers it needs.
    fn start_batch(
        &self,
        leads: &JsValue,
        options: Option<JsValue>,
    ) -> Result<(Rc<Run>, usize), Error> {
        let object = OptionsObject::new(
            insert::ENDPOINT.path,
            options,
            &[RequestOptions::NAMES, BATCH_OPTIONS],
        )?;
        let options = RequestOptions::read_from(&object)?;
        let concurrency = object
            .count("concurrency")?
            .map_or(DEFAULT_CONCURRENCY, |c| c as usize);
        let on_progress = object.function("onProgress")?;

        let (checks, calls): (Vec<_>, Vec<_>) = rows(leads)?
            .into_iter()
            .map(|row| match self.prepare_row(row, &options) {
                Ok(call) => (Vec::new(), Some(call)),
                Err(errors) => (errors, None),
            })
            .unzip();
        let valid = calls.iter().filter(|c| c.is_some()).count();
        let batch = Batch::new(checks, concurrency);
        let run = Rc::new(Run {
            batch: RefCell::new(batch),
            calls: RefCell::new(calls),
            signal: options.signal().cloned(),
            on_progress,
        });
        Ok((
            run,
            concurrency
                .clamp(1, crate::batch::MAX_CONCURRENCY)
                .min(valid),
        ))
    }

    /// One row, checked (unless turned off) and encoded; `Err` holds why it is invalid.
    fn prepare_row(
        &self,
        row: JsValue,
        options: &RequestOptions,
    ) -> Result<Pending, Vec<FieldError>> {
        let params = self
            .read_checked(&insert::ENDPOINT, row, options)
            .map_err(field_errors)?;
        Ok(self.prepare_insert(params, options))
    }
}

/// The rows of `leads`, which must be an array.
fn rows(leads: &JsValue) -> Result<Vec<JsValue>, Error> {
    let unusable = |message| malformed_object(insert::ENDPOINT.path, "leads", message);
    match guard::list(leads, MAX_ROWS) {
        List::Items(rows) => Ok(rows.unchecked_into::<Array>().iter().collect()),
        List::NotAnArray => Err(unusable("must be an array of leads")),
        List::TooLong => Err(unusable("holds more than 100000 leads: split it")),
    }
}

fn field_errors(error: Error) -> Vec<FieldError> {
    match error {
        Error::Validation { errors, .. } if !errors.is_empty() => errors,
        other => vec![FieldError {
            field: "params".into(),
            code: MALFORMED_PARAMS,
            message: other.message().into(),
            index: None,
        }],
    }
}

async fn finish(run: Rc<Run>, workers: usize) -> Result<JsValue, JsValue> {
    run.report();
    let all = Array::new();
    for _ in 0..workers {
        all.push(&task::promise(work(Rc::clone(&run))));
    }
    // Workers never reject: every row's failure is its outcome.
    let _ = JsFuture::from(Promise::all(&all)).await;
    let batch = run.batch.replace(Batch::new(Vec::new(), 1));
    let outcomes = Array::new();
    // A row still in flight here would be a bug; it reads as failed with an unknown fate.
    let unsettled = || Error::Abort {
        endpoint: insert::ENDPOINT.path,
    };
    for (index, outcome) in batch.into_outcomes(unsettled).into_iter().enumerate() {
        outcomes.push(&outcome_to_js(index, outcome));
    }
    Ok(outcomes.into())
}

/// Takes rows one after another until none is left (or the batch is cancelled).
async fn work(run: Rc<Run>) -> Result<JsValue, JsValue> {
    loop {
        if run.signal.as_ref().is_some_and(AbortSignal::aborted) {
            run.cancel();
        }
        let Some(row) = run.batch.borrow_mut().start_next() else {
            break;
        };
        let call = run.calls.borrow_mut().get_mut(row).and_then(Option::take);
        let outcome = match call {
            Some(call) => outcome_of(call.send().await),
            None => RowOutcome::Cancelled,
        };
        run.batch.borrow_mut().finish(row, outcome);
        run.report();
    }
    Ok(JsValue::UNDEFINED)
}

impl Run {
    fn cancel(&self) {
        let before = self.batch.borrow().progress();
        self.batch.borrow_mut().cancel();
        if self.batch.borrow().progress() != before {
            self.report();
        }
    }

    fn report(&self) {
        if let Some(on_progress) = &self.on_progress {
            let progress = progress_to_js(&self.batch.borrow().progress());
            guard::call(on_progress, &progress);
        }
    }
}

fn progress_to_js(progress: &Progress) -> JsValue {
    let object = Object::new();
    for (name, count) in [
        ("done", progress.done),
        ("total", progress.total),
        ("inserted", progress.inserted),
        ("invalid", progress.invalid),
        ("rejected", progress.rejected),
        ("failed", progress.failed),
        ("cancelled", progress.cancelled),
    ] {
        // Counts are below MAX_ROWS: exact as JS numbers. Setting on a fresh object cannot fail.
        let _ = Reflect::set(
            &object,
            &JsValue::from_str(name),
            &JsValue::from_f64(count as f64),
        );
    }
    object.into()
}

/// How a sent row ended; its result is an `InsertResult` object (made by this package).
fn outcome_of(result: Result<JsValue, Error>) -> RowOutcome<Error> {
    RowOutcome::sent(result.and_then(|inserted| {
        Reflect::get(&inserted, &JsValue::from_str("lead_id"))
            .ok()
            .and_then(|id| id.as_string())
            .ok_or(Error::Decode {
                endpoint: insert::ENDPOINT.path,
                status: 200,
                message: "the answer names no lead_id".into(),
            })
    }))
}

fn outcome_to_js(index: usize, outcome: RowOutcome<Error>) -> JsValue {
    let object = Object::new();
    let set = |name: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(name), &value);
    };
    // Row indexes are below MAX_ROWS: exact as a JS number.
    set("index", JsValue::from_f64(index as f64));
    match outcome {
        RowOutcome::Inserted { lead_id } => {
            set("status", "inserted".into());
            set("lead_id", lead_id.into());
        }
        RowOutcome::Invalid { errors } => {
            let error = to_js(&Error::Validation {
                endpoint: insert::ENDPOINT.path,
                errors,
            });
            set("status", "invalid".into());
            set(
                "errors",
                Reflect::get(&error, &JsValue::from_str("errors")).unwrap_or_default(),
            );
            set("error", error);
        }
        RowOutcome::Rejected { error } => {
            set("status", "rejected".into());
            if let Some(code) = error.code() {
                // Service codes are small integers: exact as a JS number.
                set("code", JsValue::from_f64(code as f64));
            }
            if let Error::Api { message, .. } = &error {
                set("message", message.as_str().into());
            }
            set("error", to_js(&error));
        }
        RowOutcome::Failed { error } => {
            set("status", "failed".into());
            set("error", to_js(&error));
        }
        RowOutcome::Cancelled => set("status", "cancelled".into()),
    }
    object.into()
}
