//! The retry policy: which failed attempts may be sent again, how long to wait first, and
//! when to give up. Pure decisions: the caller supplies the clock (`now_ms`, milliseconds since
//! the Unix epoch) and the randomness, and does the waiting and the sending. That keeps every
//! branch testable without a timer or a network.
//!
//! # The rules
//!
//! - **Idempotent calls** (search, get-recordings, update, delete) are sent again after a
//!   network error, a timeout, or HTTP 408, 429, 500, 502, 503 or 504 — whatever the body.
//! - **Insert** is not idempotent: a second send can create a second lead. By default
//!   ([`InsertRetry::Safe`]) it is sent again only when the first send provably was not
//!   processed:
//!   - HTTP 408 (the server did not receive the whole request) or 429 (refused by rate
//!     limiting before any processing);
//!   - [`Outcome::NotSent`]: the connection was refused or the host name did not resolve, so
//!     no byte of the request reached the server. Only a runtime that reports why `fetch`
//!     failed (Node) can prove this; a browser reports every network failure alike, and those
//!     count as [`Outcome::Network`].
//!
//!   A network error, a timeout or a 5xx leaves the insert's fate unknown, so it is not sent
//!   again. With the opt-in [`InsertRetry::Recheck`] those outcomes instead become
//!   [`Decision::Recheck`]: after the backoff wait the caller searches for the lead (by phone
//!   number and list, compared with a search made before the first send) and sends again only
//!   if no new lead appeared.
//! - Waits grow exponentially with **full jitter**: a uniformly random time between zero and
//!   `min(max_delay_ms, base_delay_ms × 2^retry)`, so clients that failed together do not
//!   retry together.
//! - A `Retry-After` header (delta-seconds or an HTTP date, see [`parse_retry_after`])
//!   replaces the backoff when it is present and at most `max_retry_after_ms`; a longer one
//!   stops the retries rather than come back before the service asked.
//! - At most `max_retries` retries (default [`DEFAULT_MAX_RETRIES`]), and none that would
//!   start after the overall deadline. Each attempt's time limit is the per-attempt timeout,
//!   shortened to what is left of the deadline.

use crate::error::Error;

/// Retries after the first attempt when neither the client nor the call sets `maxRetries`.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// HTTP statuses after which an idempotent call is sent again.
pub const RETRYABLE_STATUSES: [u16; 6] = [408, 429, 500, 502, 503, 504];

/// HTTP statuses that prove the request was not processed, so even an insert may be sent again.
pub const UNPROCESSED_STATUSES: [u16; 2] = [408, 429];

/// How one attempt ended, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No byte of the request reached the server (connection refused, DNS failure).
    NotSent,
    /// No answer, and no proof that the request was not delivered.
    Network,
    /// The per-attempt time limit passed without an answer.
    Timeout,
    /// An HTTP answer with this status, whatever its body.
    Status(u16),
    /// Anything that sending again cannot change: a validation failure, a cancelled call, an
    /// answer that does not decode.
    Final,
}

impl Outcome {
    /// How a failed call reads to the policy: by HTTP status whenever an answer arrived,
    /// whatever its body said. A network error counts as possibly delivered; only a transport
    /// that can prove otherwise reports [`Outcome::NotSent`].
    pub fn of(error: &Error) -> Outcome {
        match error {
            Error::Network { .. } => Outcome::Network,
            Error::Timeout { .. } => Outcome::Timeout,
            Error::Api { status, .. } | Error::Http { status, .. } => Outcome::Status(*status),
            _ => Outcome::Final,
        }
    }
}

/// How an insert may be sent again. See the module documentation for the exact rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InsertRetry {
    /// Only when the first send provably was not processed.
    #[default]
    Safe,
    /// As `Safe`, and after an ambiguous failure search for the lead before sending again.
    Recheck,
}

/// Whether a call may be repeated blindly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Safety {
    /// Sending it twice has the same effect as once.
    Idempotent,
    /// An insert, repeated only under the given rule.
    Insert(InsertRetry),
}

/// The knobs of the policy, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The backoff ceiling before the first retry; it doubles with every retry.
    pub base_delay_ms: u64,
    /// The backoff ceiling never grows past this.
    pub max_delay_ms: u64,
    /// The longest `Retry-After` honoured; a longer one ends the retries.
    pub max_retry_after_ms: u64,
    /// Time limit of each attempt.
    pub timeout_ms: Option<u64>,
    /// Time limit of the whole call, all attempts and waits included.
    pub deadline_ms: Option<u64>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            max_retries: DEFAULT_MAX_RETRIES,
            base_delay_ms: 500,
            max_delay_ms: 8_000,
            max_retry_after_ms: 60_000,
            timeout_ms: None,
            deadline_ms: None,
        }
    }
}

/// What to do after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Wait `delay_ms`, then send again. `retry` counts from 1.
    Retry { delay_ms: u64, retry: u32 },
    /// Insert with [`InsertRetry::Recheck`] only: wait `delay_ms`, then search for the lead and
    /// send again only if it is not there.
    Recheck { delay_ms: u64, retry: u32 },
    /// Give up and report the attempt's error.
    Stop(Stop),
}

/// Why no further attempt is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Sending again cannot change the answer.
    NotRetryable,
    /// An insert whose first send may have been processed.
    Unsafe,
    /// `max_retries` retries were made already.
    Exhausted,
    /// The service asked for a longer wait than `max_retry_after_ms`.
    RetryAfterTooLong,
    /// The next attempt would start after the overall deadline.
    Deadline,
}

/// The retry state of one call.
#[derive(Clone, Debug)]
pub struct Retries {
    policy: Policy,
    safety: Safety,
    started_ms: u64,
    retries: u32,
}

impl Retries {
    /// Starts a call at `now_ms`.
    pub fn new(policy: Policy, safety: Safety, now_ms: u64) -> Self {
        Retries {
            policy,
            safety,
            started_ms: now_ms,
            retries: 0,
        }
    }

    /// Retries decided so far.
    pub fn retries(&self) -> u32 {
        self.retries
    }

    /// The time limit for an attempt starting at `now_ms`: the per-attempt timeout, shortened
    /// to what is left of the deadline. `None` when neither is set.
    pub fn attempt_timeout(&self, now_ms: u64) -> Option<u64> {
        let left = self.time_left(now_ms);
        match (self.policy.timeout_ms, left) {
            (Some(timeout), Some(left)) => Some(timeout.min(left)),
            (timeout, left) => timeout.or(left),
        }
    }

    /// Decides what follows a failed attempt. `retry_after_ms` is the wait the answer's
    /// `Retry-After` asked for (see [`parse_retry_after`]); `random` is uniform in `[0, 1)` and
    /// drives the jitter.
    pub fn after(
        &mut self,
        outcome: Outcome,
        retry_after_ms: Option<u64>,
        now_ms: u64,
        random: f64,
    ) -> Decision {
        let recheck = match self.repeat(outcome) {
            Ok(recheck) => recheck,
            Err(stop) => return Decision::Stop(stop),
        };
        if self.retries >= self.policy.max_retries {
            return Decision::Stop(Stop::Exhausted);
        }
        let delay_ms = match retry_after_ms {
            Some(asked) if asked > self.policy.max_retry_after_ms => {
                return Decision::Stop(Stop::RetryAfterTooLong)
            }
            Some(asked) => asked,
            None => self.backoff(random),
        };
        if self.time_left(now_ms).is_some_and(|left| delay_ms >= left) {
            return Decision::Stop(Stop::Deadline);
        }
        self.retries += 1;
        let retry = self.retries;
        if recheck {
            Decision::Recheck { delay_ms, retry }
        } else {
            Decision::Retry { delay_ms, retry }
        }
    }

    /// `Ok(false)` to send again, `Ok(true)` to recheck first, `Err` to stop.
    fn repeat(&self, outcome: Outcome) -> Result<bool, Stop> {
        let retryable = match outcome {
            Outcome::NotSent | Outcome::Network | Outcome::Timeout => true,
            Outcome::Status(status) => RETRYABLE_STATUSES.contains(&status),
            Outcome::Final => false,
        };
        if !retryable {
            return Err(Stop::NotRetryable);
        }
        let unprocessed = match outcome {
            Outcome::NotSent => true,
            Outcome::Status(status) => UNPROCESSED_STATUSES.contains(&status),
            _ => false,
        };
        match self.safety {
            Safety::Idempotent => Ok(false),
            Safety::Insert(_) if unprocessed => Ok(false),
            Safety::Insert(InsertRetry::Recheck) => Ok(true),
            Safety::Insert(InsertRetry::Safe) => Err(Stop::Unsafe),
        }
    }

    /// Full jitter: uniform between zero and the exponential ceiling for this retry.
    fn backoff(&self, random: f64) -> u64 {
        let ceiling = self
            .policy
            .base_delay_ms
            .saturating_mul(1u64.checked_shl(self.retries).unwrap_or(u64::MAX))
            .min(self.policy.max_delay_ms);
        // NaN and out-of-range values must not stretch the wait; `as` saturates, never panics.
        let fraction = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.0
        };
        (ceiling as f64 * fraction) as u64
    }

    fn time_left(&self, now_ms: u64) -> Option<u64> {
        self.policy.deadline_ms.map(|deadline| {
            self.started_ms
                .saturating_add(deadline)
                .saturating_sub(now_ms)
        })
    }
}

/// Reads a `Retry-After` value as milliseconds to wait from `now_ms`: delta-seconds (`"120"`)
/// or an HTTP date (`"Wed, 21 Oct 2015 07:28:00 GMT"`; a date in the past means no wait).
/// `None` when it is neither. `http_date` reads a date as milliseconds since the Unix epoch:
/// the wasm build hands it the JS engine's `Date.parse`, which costs no code (a date parser
/// in Rust would be a tenth of the client's size), the tests a Rust one.
pub fn parse_retry_after(
    value: &str,
    now_ms: u64,
    http_date: impl FnOnce(&str) -> Option<u64>,
) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // All digits, so the only failure is overflow: a wait that long is "forever".
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(seconds.saturating_mul(1000));
    }
    // Every HTTP date form has a time of day; anything without one is not worth parsing.
    if !value.contains(':') {
        return None;
    }
    Some(http_date(value)?.saturating_sub(now_ms))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    const NOW: u64 = 1_700_000_000_000;

    /// The tests' HTTP date reader (the wasm build uses the JS engine's).
    fn http_date(value: &str) -> Option<u64> {
        let time = httpdate::parse_http_date(value).ok()?;
        u64::try_from(time.duration_since(UNIX_EPOCH).ok()?.as_millis()).ok()
    }

    fn retry_after(value: &str, now_ms: u64) -> Option<u64> {
        parse_retry_after(value, now_ms, http_date)
    }

    fn policy() -> Policy {
        Policy::default()
    }

    fn idempotent() -> Retries {
        Retries::new(policy(), Safety::Idempotent, NOW)
    }

    fn insert(mode: InsertRetry) -> Retries {
        Retries::new(policy(), Safety::Insert(mode), NOW)
    }

    fn decide(retries: &mut Retries, outcome: Outcome) -> Decision {
        retries.after(outcome, None, NOW, 0.5)
    }

    #[test]
    fn idempotent_calls_retry_network_errors_timeouts_and_the_listed_statuses() {
        let mut outcomes = vec![Outcome::NotSent, Outcome::Network, Outcome::Timeout];
        outcomes.extend(RETRYABLE_STATUSES.map(Outcome::Status));
        for outcome in outcomes {
            assert!(
                matches!(
                    decide(&mut idempotent(), outcome),
                    Decision::Retry { retry: 1, .. }
                ),
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn other_statuses_and_final_outcomes_are_not_retried() {
        for status in [200, 201, 301, 400, 401, 403, 404, 409, 422, 501, 505, 599] {
            assert_eq!(
                decide(&mut idempotent(), Outcome::Status(status)),
                Decision::Stop(Stop::NotRetryable),
                "{status}"
            );
        }
        assert_eq!(
            decide(&mut idempotent(), Outcome::Final),
            Decision::Stop(Stop::NotRetryable)
        );
        assert_eq!(
            decide(&mut insert(InsertRetry::Recheck), Outcome::Status(401)),
            Decision::Stop(Stop::NotRetryable)
        );
    }

    #[test]
    fn insert_is_sent_again_only_when_provably_unprocessed() {
        for outcome in [Outcome::NotSent, Outcome::Status(408), Outcome::Status(429)] {
            for mode in [InsertRetry::Safe, InsertRetry::Recheck] {
                assert!(
                    matches!(decide(&mut insert(mode), outcome), Decision::Retry { .. }),
                    "{outcome:?} {mode:?}"
                );
            }
        }
        for outcome in [
            Outcome::Network,
            Outcome::Timeout,
            Outcome::Status(500),
            Outcome::Status(502),
            Outcome::Status(503),
            Outcome::Status(504),
        ] {
            assert_eq!(
                decide(&mut insert(InsertRetry::Safe), outcome),
                Decision::Stop(Stop::Unsafe),
                "{outcome:?}"
            );
            assert!(
                matches!(
                    decide(&mut insert(InsertRetry::Recheck), outcome),
                    Decision::Recheck { retry: 1, .. }
                ),
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn retries_stop_after_max_retries() {
        let mut retries = idempotent();
        assert!(matches!(
            decide(&mut retries, Outcome::Network),
            Decision::Retry { retry: 1, .. }
        ));
        assert!(matches!(
            decide(&mut retries, Outcome::Network),
            Decision::Retry { retry: 2, .. }
        ));
        assert_eq!(
            decide(&mut retries, Outcome::Network),
            Decision::Stop(Stop::Exhausted)
        );
        assert_eq!(retries.retries(), 2);

        let mut none = Retries::new(
            Policy {
                max_retries: 0,
                ..policy()
            },
            Safety::Idempotent,
            NOW,
        );
        assert_eq!(
            decide(&mut none, Outcome::Status(503)),
            Decision::Stop(Stop::Exhausted)
        );
    }

    #[test]
    fn backoff_is_full_jitter_under_an_exponential_ceiling() {
        // Ceilings 500, 1000, 2000, 4000, 8000, then capped at max_delay_ms.
        let mut retries = Retries::new(
            Policy {
                max_retries: 7,
                ..policy()
            },
            Safety::Idempotent,
            NOW,
        );
        let mut delays = Vec::new();
        while let Decision::Retry { delay_ms, .. } =
            retries.after(Outcome::Network, None, NOW, 0.999_999)
        {
            delays.push(delay_ms);
        }
        assert_eq!(delays, [499, 999, 1999, 3999, 7999, 7999, 7999]);

        for (random, expected) in [(0.0, 0), (0.25, 125), (0.5, 250)] {
            assert_eq!(
                idempotent().after(Outcome::Network, None, NOW, random),
                Decision::Retry {
                    delay_ms: expected,
                    retry: 1
                }
            );
        }
    }

    #[test]
    fn bad_randomness_never_stretches_the_wait() {
        for random in [f64::NAN, f64::INFINITY, -1.0, 7.0] {
            let Decision::Retry { delay_ms, .. } =
                idempotent().after(Outcome::Network, None, NOW, random)
            else {
                panic!("{random} stopped the retries");
            };
            assert!(delay_ms <= 500, "{random} gave {delay_ms}");
        }
    }

    #[test]
    fn huge_retry_counts_do_not_overflow_the_backoff() {
        let mut retries = Retries::new(
            Policy {
                max_retries: 200,
                ..policy()
            },
            Safety::Idempotent,
            NOW,
        );
        for _ in 0..100 {
            let Decision::Retry { delay_ms, .. } = retries.after(Outcome::Network, None, NOW, 0.5)
            else {
                panic!("stopped early");
            };
            assert!(delay_ms <= 4_000);
        }
    }

    #[test]
    fn retry_after_replaces_the_backoff() {
        assert_eq!(
            idempotent().after(Outcome::Status(429), retry_after("2", NOW), NOW, 0.0),
            Decision::Retry {
                delay_ms: 2_000,
                retry: 1
            }
        );
        // An HTTP date 3 seconds after "now".
        let date = httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_millis(NOW + 3_000));
        assert_eq!(
            idempotent().after(Outcome::Status(503), retry_after(&date, NOW), NOW, 0.0),
            Decision::Retry {
                delay_ms: 3_000,
                retry: 1
            }
        );
        // Insert honours it too when the answer proves the request was not processed.
        assert_eq!(
            insert(InsertRetry::Safe).after(Outcome::Status(429), Some(1_000), NOW, 0.0),
            Decision::Retry {
                delay_ms: 1_000,
                retry: 1
            }
        );
    }

    #[test]
    fn an_unreadable_retry_after_falls_back_to_the_backoff() {
        for value in ["", "soon", "-5", "1.5", "Wed, 99 Oct 2015 07:28:00 GMT"] {
            assert_eq!(
                idempotent().after(Outcome::Status(429), retry_after(value, NOW), NOW, 0.5),
                Decision::Retry {
                    delay_ms: 250,
                    retry: 1
                },
                "{value:?}"
            );
        }
    }

    #[test]
    fn a_retry_after_beyond_the_cap_stops_the_retries() {
        assert_eq!(
            idempotent().after(Outcome::Status(429), retry_after("61", NOW), NOW, 0.0),
            Decision::Stop(Stop::RetryAfterTooLong)
        );
        assert!(matches!(
            idempotent().after(Outcome::Status(429), retry_after("60", NOW), NOW, 0.0),
            Decision::Retry {
                delay_ms: 60_000,
                ..
            }
        ));
        assert_eq!(
            idempotent().after(
                Outcome::Status(429),
                retry_after("99999999999999999999999", NOW),
                NOW,
                0.0
            ),
            Decision::Stop(Stop::RetryAfterTooLong)
        );
    }

    #[test]
    fn retry_after_parses_both_forms_relative_to_now() {
        assert_eq!(retry_after(" 120 ", NOW), Some(120_000));
        assert_eq!(retry_after("0", NOW), Some(0));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777_000 - 1_500),
            Some(1_500)
        );
        // RFC 850 and asctime forms are HTTP dates too.
        assert_eq!(
            retry_after("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_770_000),
            Some(7_000)
        );
        assert_eq!(
            retry_after("Sun Nov  6 08:49:37 1994", 784_111_777_000),
            Some(0)
        );
        // A date already past means "now".
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", NOW), Some(0));
        assert_eq!(retry_after("tomorrow", NOW), None);
        assert_eq!(retry_after("", NOW), None);
        // Only values with a time of day reach the date reader.
        let never = |_: &str| -> Option<u64> { panic!("not a date") };
        assert_eq!(parse_retry_after("1.5", NOW, never), None);
        assert_eq!(parse_retry_after("-5", NOW, never), None);
    }

    #[test]
    fn no_retry_starts_after_the_deadline() {
        let deadline = Policy {
            deadline_ms: Some(1_000),
            ..policy()
        };
        let mut retries = Retries::new(deadline, Safety::Idempotent, NOW);
        // At the deadline even a zero wait leaves no time for an attempt.
        assert_eq!(
            retries.after(Outcome::Status(429), Some(0), NOW + 1_000, 0.0),
            Decision::Stop(Stop::Deadline)
        );
        // 600 ms in, a 400 ms wait would end exactly at the deadline.
        let mut retries = Retries::new(deadline, Safety::Idempotent, NOW);
        assert_eq!(
            retries.after(Outcome::Network, None, NOW + 600, 0.8),
            Decision::Stop(Stop::Deadline)
        );
        let mut retries = Retries::new(deadline, Safety::Idempotent, NOW);
        assert_eq!(
            retries.after(Outcome::Network, None, NOW + 600, 0.7),
            Decision::Retry {
                delay_ms: 350,
                retry: 1
            }
        );
    }

    #[test]
    fn attempt_timeouts_shrink_to_the_time_left() {
        let both = Policy {
            timeout_ms: Some(3_000),
            deadline_ms: Some(5_000),
            ..policy()
        };
        let retries = Retries::new(both, Safety::Idempotent, NOW);
        assert_eq!(retries.attempt_timeout(NOW), Some(3_000));
        assert_eq!(retries.attempt_timeout(NOW + 4_000), Some(1_000));
        assert_eq!(retries.attempt_timeout(NOW + 9_000), Some(0));

        let only_deadline = Policy {
            deadline_ms: Some(5_000),
            ..policy()
        };
        let retries = Retries::new(only_deadline, Safety::Idempotent, NOW);
        assert_eq!(retries.attempt_timeout(NOW + 1_000), Some(4_000));

        let only_timeout = Policy {
            timeout_ms: Some(2_000),
            ..policy()
        };
        let retries = Retries::new(only_timeout, Safety::Idempotent, NOW);
        assert_eq!(retries.attempt_timeout(NOW + 1_000_000), Some(2_000));

        assert_eq!(idempotent().attempt_timeout(NOW), None);
    }

    #[test]
    fn errors_read_as_outcomes_by_status() {
        let endpoint = "/leads/search";
        let api = |status| Error::Api {
            endpoint,
            status,
            code: Some(6008),
            message: "no".into(),
        };
        assert_eq!(Outcome::of(&api(429)), Outcome::Status(429));
        assert_eq!(Outcome::of(&api(200)), Outcome::Status(200));
        let http = Error::Http {
            endpoint,
            status: 502,
            snippet: String::new(),
        };
        assert_eq!(Outcome::of(&http), Outcome::Status(502));
        let network = Error::Network {
            endpoint,
            message: "fetch failed".into(),
        };
        assert_eq!(Outcome::of(&network), Outcome::Network);
        let timeout = Error::Timeout {
            endpoint,
            timeout_ms: 10,
        };
        assert_eq!(Outcome::of(&timeout), Outcome::Timeout);
        for error in [
            Error::Abort { endpoint },
            Error::Decode {
                endpoint,
                status: 200,
                message: "truncated".into(),
            },
            Error::Validation {
                endpoint,
                errors: Vec::new(),
            },
        ] {
            assert_eq!(Outcome::of(&error), Outcome::Final, "{error:?}");
        }
        // A business error answered with HTTP 200 is final, even with a "retryable" code.
        assert_eq!(
            idempotent().after(Outcome::of(&api(200)), None, NOW, 0.5),
            Decision::Stop(Stop::NotRetryable)
        );
    }

    #[test]
    fn a_stop_does_not_count_as_a_retry() {
        let mut retries = insert(InsertRetry::Safe);
        assert_eq!(
            decide(&mut retries, Outcome::Network),
            Decision::Stop(Stop::Unsafe)
        );
        assert_eq!(retries.retries(), 0);
    }
}
