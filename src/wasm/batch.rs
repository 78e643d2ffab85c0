//! `client.insertLeads(leads, options)`: every row is validated first, then the valid ones are
//! inserted with bounded concurrency; each row's outcome is handed to `onOutcome` as it settles,
//! and the promise resolves to all of them, in input order. [`crate::batch`] keeps the books;
//! this file reads the arguments, runs the workers and writes the outcomes as JS objects.

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
  /**
   * Called once per row as it settles, in settling order, before the promise resolves: first
   * the rows settled up front (skipped, invalid), then each sent row as its answer arrives. A
   * journal written here survives a process that dies mid-batch.
   */
  onOutcome?: (outcome: InsertOutcome) => void;
  /**
   * Called just before a row is sent, with its index. The row waits for a returned promise;
   * when `onSend` throws or the promise rejects the row is not sent and ends `cancelled` (rows
   * in flight go on), so a caller can make a record durable first, or stop sending.
   */
  onSend?: (index: number) => void | Promise<void>;
  /**
   * Rows not to send (read and validated neither), e.g. those a previous run settled: a Set of
   * indexes or a predicate. They end `skipped`. A predicate that throws rejects the call before
   * anything is sent.
   */
  skip?: ReadonlySet<number> | ((index: number, lead: InsertParams) => boolean);
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
  skipped: number;
}

/**
 * How one row of `insertLeads` ended; `index` is its position in the input.
 * - `inserted`: created, with its `lead_id`.
 * - `invalid`: failed validation and was not sent; `errors` has the service's codes.
 * - `rejected`: the service refused it (an API error below HTTP 500) with `code` and
 *   `message`, e.g. 6009 (phone exists): it was not created.
 * - `failed`: no verdict (network error, timeout, 5xx or a non-API answer, aborted in
 *   flight): the lead may or may not have been created.
 * - `cancelled`: not sent, because the batch was aborted first (or `onSend` refused it).
 * - `skipped`: not sent, because `skip` named it.
 */
export type InsertOutcome =
  | { index: number; status: "inserted"; lead_id: string }
  | { index: number; status: "invalid"; errors: FieldError[]; error: Error }
  | { index: number; status: "rejected"; code?: number; message: string; error: Error }
  | { index: number; status: "failed"; error: Error }
  | { index: number; status: "cancelled" }
  | { index: number; status: "skipped" };
"#;

/// The options `insertLeads` takes on top of a call's.
const BATCH_OPTIONS: &[&str] = &["concurrency", "onProgress", "onOutcome", "onSend", "skip"];

/// The most rows one call takes: every row's request is prepared up front.
const MAX_ROWS: u32 = 100_000;

#[wasm_bindgen(js_class = ConvosoClient)]
impl ConvosoClient {
    /// Inserts many leads. Every row is validated first (invalid rows are never sent), then the
    /// others are inserted `concurrency` at a time, each with the call options' retries and
    /// time limits. Each outcome goes to `onOutcome` as it settles; the promise resolves to
    /// them all, in input order. Aborting `signal` stops sending (rows not yet sent end
    /// `cancelled`). Rejects only when the arguments themselves are unusable.
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
    batch: RefCell<Batch>,
    /// Each valid row's prepared call, taken when the row starts.
    calls: RefCell<Vec<Option<Pending>>>,
    /// The outcomes so far, at their rows' indexes.
    outcomes: Array,
    signal: Option<AbortSignal>,
    on_progress: Option<Function>,
    on_outcome: Option<Function>,
    on_send: Option<Function>,
}

impl ConvosoClient {
    /// Reads the arguments, validates and prepares every row not skipped, and settles the
    /// others; returns the run and how many workers it needs.
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
        let rows = rows(leads)?;
        let skips = match object.value("skip") {
            None => String::new(),
            Some(skip) => match guard::skipped(&skip, &rows) {
                Some(Ok(flags)) => flags,
                Some(Err(())) => return Err(object.invalid("skip", "threw")),
                None => {
                    return Err(object.invalid("skip", "must be a Set of indexes or a function"))
                }
            },
        };

        let mut settled = Vec::new();
        let calls: Vec<_> = rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                if skips.as_bytes().get(index) == Some(&b'1') {
                    settled.push((index, RowOutcome::Skipped));
                    return None;
                }
                self.prepare_row(row, &options)
                    .map_err(|errors| settled.push((index, RowOutcome::Invalid { errors })))
                    .ok()
            })
            .collect();
        let valid = calls.iter().filter(|c| c.is_some()).count();
        let run = Rc::new(Run {
            batch: RefCell::new(Batch::new(calls.len(), concurrency)),
            calls: RefCell::new(calls),
            outcomes: Array::new(),
            signal: options.signal().cloned(),
            on_progress: object.function("onProgress")?,
            on_outcome: object.function("onOutcome")?,
            on_send: object.function("onSend")?,
        });
        for (index, outcome) in settled {
            if run.batch.borrow_mut().settle(index, &outcome) {
                run.record(index, outcome);
            }
        }
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

/// A copy of `leads`, which must be an array.
fn rows(leads: &JsValue) -> Result<Array, Error> {
    let unusable = |message| malformed_object(insert::ENDPOINT.path, "leads", message);
    match guard::list(leads, MAX_ROWS) {
        List::Items(rows) => Ok(rows.unchecked_into::<Array>()),
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
            incomplete: false,
        }],
    }
}

async fn finish(run: Rc<Run>, workers: usize) -> Result<JsValue, JsValue> {
    run.report();
    let all = Array::new();
    for _ in 0..workers {
        all.push(&task::promise(work(Rc::clone(&run))));
    }
    // Workers never reject: every row's failure is its outcome, and every row settles.
    let _ = JsFuture::from(Promise::all(&all)).await;
    Ok(run.outcomes.clone().into())
}

/// Takes rows one after another until none is left (or the batch is cancelled).
async fn work(run: Rc<Run>) -> Result<JsValue, JsValue> {
    loop {
        if run.aborted() {
            run.cancel();
        }
        let Some(row) = run.batch.borrow_mut().start_next() else {
            break;
        };
        let call = run.calls.borrow_mut().get_mut(row).and_then(Option::take);
        let outcome = match call {
            Some(call) if run.may_send(row).await => outcome_of(call.send().await),
            _ => RowOutcome::Cancelled,
        };
        if run.batch.borrow_mut().finish(row, &outcome) {
            run.record(row, outcome);
            run.report();
        }
    }
    Ok(JsValue::UNDEFINED)
}

impl Run {
    fn aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(AbortSignal::aborted)
    }

    /// Whether a started row may go: `onSend` agrees and the signal has not fired meanwhile.
    async fn may_send(&self, row: usize) -> bool {
        if let Some(on_send) = &self.on_send {
            // Row indexes are below MAX_ROWS.
            let agreed = JsFuture::from(guard::may_send(on_send, row as u32)).await;
            if agreed.ok().and_then(|v| v.as_bool()) != Some(true) {
                return false;
            }
        }
        !self.aborted()
    }

    fn cancel(&self) {
        let cancelled = self.batch.borrow_mut().cancel();
        for &row in &cancelled {
            self.record(row, RowOutcome::Cancelled);
        }
        if !cancelled.is_empty() {
            self.report();
        }
    }

    /// Keeps a settled row's outcome and hands it to `onOutcome`.
    fn record(&self, row: usize, outcome: RowOutcome<Error>) {
        let outcome = outcome_to_js(row, outcome);
        // Row indexes are below MAX_ROWS; setting an index of our own array cannot fail.
        let _ = Reflect::set(&self.outcomes, &JsValue::from_f64(row as f64), &outcome);
        if let Some(on_outcome) = &self.on_outcome {
            guard::call(on_outcome, &outcome);
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
        ("skipped", progress.skipped),
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
        RowOutcome::Skipped => set("status", "skipped".into()),
    }
    object.into()
}
