//! Batch insert bookkeeping: one outcome per input row, in input order; which row to send next
//! under a concurrency bound; progress counts. The caller validates, sends and reports back.
//!
//! A row ends in exactly one of these states:
//! - **inserted**: the service created it and gave its `lead_id`;
//! - **invalid**: it failed validation and was never sent;
//! - **rejected**: the service answered with a refusal (an API error with a status below 500:
//!   a business code, an auth failure, a rate limit outlasting the retries). It certainly was
//!   not inserted;
//! - **failed**: the call failed without a verdict (network error, timeout, 5xx, a non-API
//!   answer, an abort while it was in flight). Its fate is unknown: the insert may have
//!   happened;
//! - **cancelled**: the batch was cancelled before the row was sent. It certainly was not
//!   inserted;
//! - **skipped**: the caller settled it before (a resumed import) and asked not to send it.

use alloc::vec::Vec;

use crate::error::Error;
use crate::validate::FieldError;

/// Rows in flight at once when the caller does not say.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// The most rows in flight at once: beyond this a batch only queues in the browser's
/// connection pool and risks the service's rate limits.
pub const MAX_CONCURRENCY: usize = 32;

/// How one row ended. `E` is the error of a call that was sent.
#[derive(Clone, Debug, PartialEq)]
pub enum RowOutcome<E> {
    Inserted { lead_id: String },
    Invalid { errors: Vec<FieldError> },
    Rejected { error: E },
    Failed { error: E },
    Cancelled,
    Skipped,
}

impl RowOutcome<Error> {
    /// How a row that was sent ended, from the insert's lead id or error.
    pub fn sent(result: Result<String, Error>) -> Self {
        match result {
            Ok(lead_id) => RowOutcome::Inserted { lead_id },
            Err(error @ Error::Api { status, .. }) if status < 500 => {
                RowOutcome::Rejected { error }
            }
            Err(error) => RowOutcome::Failed { error },
        }
    }
}

/// How far a batch has got. `done` counts rows with an outcome, of `total`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub inserted: usize,
    pub invalid: usize,
    pub rejected: usize,
    pub failed: usize,
    pub cancelled: usize,
    pub skipped: usize,
}

impl Progress {
    fn count<E>(&mut self, outcome: &RowOutcome<E>) {
        self.done += 1;
        let counter = match outcome {
            RowOutcome::Inserted { .. } => &mut self.inserted,
            RowOutcome::Invalid { .. } => &mut self.invalid,
            RowOutcome::Rejected { .. } => &mut self.rejected,
            RowOutcome::Failed { .. } => &mut self.failed,
            RowOutcome::Cancelled => &mut self.cancelled,
            RowOutcome::Skipped => &mut self.skipped,
        };
        *counter += 1;
    }
}

/// Where one row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Waiting,
    InFlight,
    Settled,
}

/// The state of one batch: which row goes next and the counts. The outcomes themselves are
/// the caller's (it hands each one on as it settles).
#[derive(Debug)]
pub struct Batch {
    rows: Vec<Slot>,
    /// Rows start in input order: none before this one is still waiting.
    cursor: usize,
    in_flight: usize,
    concurrency: usize,
    progress: Progress,
}

impl Batch {
    /// A batch of `total` rows, all waiting. `concurrency` is clamped to `1..=MAX_CONCURRENCY`.
    pub fn new(total: usize, concurrency: usize) -> Self {
        Batch {
            rows: alloc::vec![Slot::Waiting; total],
            cursor: 0,
            in_flight: 0,
            concurrency: concurrency.clamp(1, MAX_CONCURRENCY),
            progress: Progress {
                total,
                ..Progress::default()
            },
        }
    }

    /// Settles a row that never needs sending (invalid or skipped) before the batch starts.
    /// `false` (and nothing changes) when the row is not waiting.
    pub fn settle<E>(&mut self, row: usize, outcome: &RowOutcome<E>) -> bool {
        self.settle_from(Slot::Waiting, row, outcome)
    }

    /// The next row to send, if the concurrency bound allows one and any is waiting.
    pub fn start_next(&mut self) -> Option<usize> {
        if self.in_flight >= self.concurrency {
            return None;
        }
        while let Some(slot) = self.rows.get_mut(self.cursor) {
            let row = self.cursor;
            self.cursor += 1;
            if *slot == Slot::Waiting {
                *slot = Slot::InFlight;
                self.in_flight += 1;
                return Some(row);
            }
        }
        None
    }

    /// Records how a row that was started ended. For a row that is not in flight nothing
    /// changes and `false` is returned.
    pub fn finish<E>(&mut self, row: usize, outcome: &RowOutcome<E>) -> bool {
        let finished = self.settle_from(Slot::InFlight, row, outcome);
        if finished {
            self.in_flight -= 1;
        }
        finished
    }

    fn settle_from<E>(&mut self, from: Slot, row: usize, outcome: &RowOutcome<E>) -> bool {
        match self.rows.get_mut(row) {
            Some(slot) if *slot == from => {
                self.progress.count(outcome);
                *slot = Slot::Settled;
                true
            }
            _ => false,
        }
    }

    /// Settles every row not started yet as cancelled and returns them, in input order. Rows
    /// in flight are left to finish.
    pub fn cancel(&mut self) -> Vec<usize> {
        let mut cancelled = Vec::new();
        for (row, slot) in self.rows.iter_mut().enumerate().skip(self.cursor) {
            if *slot == Slot::Waiting {
                *slot = Slot::Settled;
                self.progress.count::<()>(&RowOutcome::Cancelled);
                cancelled.push(row);
            }
        }
        self.cursor = self.rows.len();
        cancelled
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// Whether every row has its outcome.
    pub fn is_finished(&self) -> bool {
        self.progress.done == self.progress.total
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn invalid() -> RowOutcome<&'static str> {
        RowOutcome::Invalid {
            errors: vec![FieldError {
                field: Cow::Borrowed("phone_number"),
                code: 6008,
                message: Cow::Borrowed("The phone number is invalid"),
                index: None,
                incomplete: false,
            }],
        }
    }

    fn inserted(id: &str) -> RowOutcome<&'static str> {
        RowOutcome::Inserted {
            lead_id: id.to_owned(),
        }
    }

    #[test]
    fn rows_settled_up_front_are_counted_and_never_started() {
        let mut batch = Batch::new(3, 4);
        assert!(batch.settle(1, &invalid()));
        assert!(batch.settle(2, &RowOutcome::<&str>::Skipped));
        assert_eq!(
            batch.progress(),
            Progress {
                done: 2,
                total: 3,
                invalid: 1,
                skipped: 1,
                ..Progress::default()
            }
        );
        assert_eq!(batch.start_next(), Some(0));
        assert_eq!(batch.start_next(), None, "rows 1 and 2 are settled");
        assert!(!batch.is_finished());
    }

    #[test]
    fn rows_start_in_input_order_within_the_concurrency_bound() {
        let mut batch = Batch::new(5, 2);
        assert_eq!(batch.start_next(), Some(0));
        assert_eq!(batch.start_next(), Some(1));
        assert_eq!(batch.start_next(), None, "two are in flight");
        assert!(batch.finish(1, &inserted("11")));
        assert_eq!(batch.start_next(), Some(2));
        assert_eq!(batch.in_flight(), 2);
    }

    #[test]
    fn every_outcome_is_counted_whatever_order_rows_finish_in() {
        let mut batch = Batch::new(4, 3);
        batch.settle(1, &invalid());
        let started: Vec<_> = std::iter::from_fn(|| batch.start_next()).collect();
        assert_eq!(started, [0, 2, 3]);
        batch.finish(3, &RowOutcome::Failed { error: "dropped" });
        batch.finish(2, &RowOutcome::Rejected { error: "6009" });
        batch.finish(0, &inserted("10"));
        assert!(batch.is_finished());
        assert_eq!(
            batch.progress(),
            Progress {
                done: 4,
                total: 4,
                inserted: 1,
                invalid: 1,
                rejected: 1,
                failed: 1,
                cancelled: 0,
                skipped: 0,
            }
        );
    }

    #[test]
    fn cancel_settles_only_the_rows_not_started_and_names_them() {
        let mut batch = Batch::new(5, 2);
        batch.settle(4, &RowOutcome::<&str>::Skipped);
        batch.start_next();
        batch.start_next();
        assert_eq!(batch.cancel(), [2, 3]);
        assert_eq!(batch.start_next(), None);
        assert_eq!(batch.progress().cancelled, 2);
        assert!(!batch.is_finished(), "two rows are still in flight");
        batch.finish(0, &inserted("1"));
        batch.finish(1, &RowOutcome::Failed { error: "aborted" });
        assert!(batch.is_finished());
        assert!(batch.cancel().is_empty(), "nothing is left to cancel");
    }

    #[test]
    fn a_row_cannot_be_settled_twice_or_before_it_starts() {
        let mut batch = Batch::new(3, 1);
        batch.settle(2, &invalid());
        assert!(!batch.settle(2, &invalid()), "row 2 is settled already");
        assert!(!batch.finish(1, &inserted("1")), "row 1 has not started");
        assert!(!batch.finish(2, &inserted("2")), "row 2 is invalid");
        assert!(!batch.finish(9, &inserted("9")), "no such row");
        assert_eq!(batch.start_next(), Some(0));
        assert!(!batch.settle(0, &invalid()), "row 0 is in flight");
        assert!(batch.finish(0, &inserted("0")));
        assert!(!batch.finish(0, &inserted("again")));
        assert_eq!(batch.progress().inserted, 1);
        assert_eq!(batch.in_flight(), 0);
    }

    #[test]
    fn concurrency_is_clamped() {
        let mut batch = Batch::new(100, 0);
        assert_eq!(batch.start_next(), Some(0));
        assert_eq!(batch.start_next(), None);

        let mut batch = Batch::new(100, 1_000);
        let started = std::iter::from_fn(|| batch.start_next()).count();
        assert_eq!(started, MAX_CONCURRENCY);
    }

    #[test]
    fn only_a_refusal_is_rejected_other_failures_leave_the_fate_unknown() {
        let endpoint = "/leads/insert";
        let api = |status| Error::Api {
            endpoint,
            status,
            code: Some(6009),
            message: "The phone number already exists".into(),
        };
        let kind = |result| match RowOutcome::sent(result) {
            RowOutcome::Inserted { .. } => "inserted",
            RowOutcome::Rejected { .. } => "rejected",
            RowOutcome::Failed { .. } => "failed",
            _ => "other",
        };
        assert_eq!(kind(Ok("7".into())), "inserted");
        for status in [200, 400, 401, 403, 429] {
            assert_eq!(kind(Err(api(status))), "rejected", "{status}");
        }
        for status in [500, 502, 503, 504] {
            assert_eq!(kind(Err(api(status))), "failed", "{status}");
        }
        for error in [
            Error::Http {
                endpoint,
                status: 404,
                snippet: String::new(),
            },
            Error::Network {
                endpoint,
                message: "reset".into(),
            },
            Error::Timeout {
                endpoint,
                timeout_ms: 5,
            },
            Error::Abort { endpoint },
            Error::Decode {
                endpoint,
                status: 200,
                message: "truncated".into(),
            },
        ] {
            assert_eq!(kind(Err(error)), "failed");
        }
    }

    #[test]
    fn an_empty_batch_is_finished_at_once() {
        assert!(Batch::new(0, 4).is_finished());
    }
}
