//! Fault injection: faults queued through the admin API replace (or delay) the answers to
//! the next N matching endpoint requests.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use crate::endpoint::Endpoint;
use crate::server::ConnInfo;

/// Longest delay a fault may ask for, so a typo cannot hang a test run.
const MAX_DELAY_MS: u64 = 120_000;

/// A JSON body cut off mid-value, as a proxy that drops the connection might leave it.
const TRUNCATED_BODY: &str = r#"{"success":true,"data":{"offset":"0","limit":"10","total":"1","entries":[{"id":"12345","first_name":"Jo"#;

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Fault {
    /// Answer with this status, an optional `Retry-After` and an optional body.
    Status {
        status: u16,
        #[serde(default)]
        retry_after: Option<String>,
        #[serde(default)]
        body: Option<String>,
    },
    /// Wait, then answer normally.
    Delay { ms: u64 },
    /// An HTML error page, as a gateway or load balancer sends.
    Html {
        #[serde(default = "bad_gateway")]
        status: u16,
    },
    /// HTTP 200 with a JSON body that stops half way.
    // Empty braces rather than unit variants: serde only rejects unknown keys on struct variants.
    TruncatedJson {},
    /// Close the connection without answering; the request is not carried out.
    Drop {},
    /// Carry the request out (commit its write), then close the connection without
    /// answering: the client cannot tell whether its write happened.
    DropAfter {},
}

fn bad_gateway() -> u16 {
    502
}

/// The admin API's `POST /__sandbox/faults` body.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRequest {
    /// An endpoint name (`search`, `get-recordings`, …) or `*` for any.
    pub endpoint: String,
    #[serde(default = "one")]
    pub count: u32,
    pub fault: Fault,
}

fn one() -> u32 {
    1
}

#[derive(Debug)]
struct Queued {
    /// `None` matches every endpoint.
    endpoint: Option<Endpoint>,
    remaining: u32,
    fault: Fault,
}

#[derive(Default)]
pub struct Faults {
    queue: Mutex<VecDeque<Queued>>,
}

impl Faults {
    /// Checks and queues a fault; returns how many entries are queued now.
    pub fn add(&self, request: FaultRequest) -> Result<usize, String> {
        let endpoint = match request.endpoint.as_str() {
            "*" => None,
            name => Some(Endpoint::from_name(name).ok_or_else(|| {
                format!("unknown endpoint {name:?} (search, get-recordings, insert, update, delete or *)")
            })?),
        };
        if request.count == 0 {
            return Err("count must be at least 1".into());
        }
        check(&request.fault)?;
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.push_back(Queued {
            endpoint,
            remaining: request.count,
            fault: request.fault,
        });
        Ok(queue.len())
    }

    pub fn clear(&self) {
        self.queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// The fault for this request, if one is queued for its endpoint (oldest entry first).
    pub fn take(&self, endpoint: Endpoint) -> Option<Fault> {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        let at = queue
            .iter()
            .position(|q| q.endpoint.is_none_or(|e| e == endpoint))?;
        let entry = queue.get_mut(at)?;
        entry.remaining = entry.remaining.saturating_sub(1);
        let fault = entry.fault.clone();
        if entry.remaining == 0 {
            queue.remove(at);
        }
        Some(fault)
    }
}

fn check(fault: &Fault) -> Result<(), String> {
    match fault {
        Fault::Status {
            status,
            retry_after,
            ..
        } => {
            final_status(*status)?;
            if let Some(value) = retry_after {
                HeaderValue::from_str(value)
                    .map_err(|_| "retry_after is not a valid header value")?;
            }
            Ok(())
        }
        Fault::Html { status } => final_status(*status).map(drop),
        Fault::Delay { ms } if *ms > MAX_DELAY_MS => {
            Err(format!("ms must be at most {MAX_DELAY_MS}"))
        }
        Fault::Delay { .. } | Fault::TruncatedJson {} | Fault::Drop {} | Fault::DropAfter {} => {
            Ok(())
        }
    }
}

/// Statuses a fault may answer with: any final status (no 1xx).
fn final_status(status: u16) -> Result<StatusCode, String> {
    StatusCode::from_u16(status)
        .ok()
        .filter(|s| (200..=599).contains(&s.as_u16()))
        .ok_or_else(|| format!("status must be from 200 to 599, not {status}"))
}

impl Fault {
    /// Carries the fault out: `Some(response)` to answer with, or `None` to go on normally
    /// (after a delay). A dropped connection never answers.
    pub async fn apply(&self, conn: Option<&ConnInfo>) -> Option<Response> {
        match self {
            Fault::Delay { ms } => {
                tokio::time::sleep(Duration::from_millis(*ms)).await;
                None
            }
            Fault::Status {
                status,
                retry_after,
                body,
            } => {
                let status = final_status(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                let mut response = match body {
                    Some(body) => body.clone().into_response(),
                    None => {
                        let text = status.canonical_reason().unwrap_or("Error");
                        axum::Json(json!({"success": false, "code": status.as_u16(), "text": text}))
                            .into_response()
                    }
                };
                *response.status_mut() = status;
                if let Some(value) = retry_after
                    .as_deref()
                    .and_then(|v| HeaderValue::from_str(v).ok())
                {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                Some(response)
            }
            Fault::Html { status } => {
                let status = final_status(*status).unwrap_or(StatusCode::BAD_GATEWAY);
                let reason = status.canonical_reason().unwrap_or("Error");
                let page = format!(
                    "<!DOCTYPE html>\n<html><head><title>{code} {reason}</title></head>\
                     <body><h1>{code} {reason}</h1><hr><p>nginx</p></body></html>\n",
                    code = status.as_u16()
                );
                Some((status, axum::response::Html(page)).into_response())
            }
            Fault::TruncatedJson {} => Some(
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "application/json")],
                    TRUNCATED_BODY,
                )
                    .into_response(),
            ),
            Fault::Drop {} => Some(drop_connection(conn).await),
            // The endpoint runs first; `endpoints::handle` drops the connection afterwards.
            Fault::DropAfter {} => None,
        }
    }

    pub fn drops_after(&self) -> bool {
        matches!(self, Fault::DropAfter {})
    }
}

/// Closes the request's connection with no response; never returns while it has one.
pub async fn drop_connection(conn: Option<&ConnInfo>) -> Response {
    match conn {
        Some(conn) => {
            conn.drop_connection();
            std::future::pending().await
        }
        // Only reachable when the router is driven without a connection (unit tests).
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: &str) -> FaultRequest {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn faults_are_taken_in_order_and_counted_down() {
        let faults = Faults::default();
        faults
            .add(request(
                r#"{"endpoint":"insert","count":2,"fault":{"kind":"drop"}}"#,
            ))
            .unwrap();
        faults
            .add(request(
                r#"{"endpoint":"*","fault":{"kind":"truncated_json"}}"#,
            ))
            .unwrap();
        assert_eq!(faults.take(Endpoint::Search), Some(Fault::TruncatedJson {}));
        assert_eq!(faults.take(Endpoint::Search), None);
        assert_eq!(faults.take(Endpoint::Insert), Some(Fault::Drop {}));
        assert_eq!(faults.take(Endpoint::Insert), Some(Fault::Drop {}));
        assert_eq!(faults.take(Endpoint::Insert), None);
    }

    #[test]
    fn bad_fault_requests_are_refused() {
        let faults = Faults::default();
        for json in [
            r#"{"endpoint":"nope","fault":{"kind":"drop"}}"#,
            r#"{"endpoint":"*","count":0,"fault":{"kind":"drop"}}"#,
            r#"{"endpoint":"*","fault":{"kind":"status","status":99}}"#,
            r#"{"endpoint":"*","fault":{"kind":"status","status":700}}"#,
            r#"{"endpoint":"*","fault":{"kind":"status","status":429,"retry_after":"a\nb"}}"#,
            r#"{"endpoint":"*","fault":{"kind":"delay","ms":999999}}"#,
        ] {
            assert!(faults.add(request(json)).is_err(), "{json}");
        }
        for json in [
            r#"{"endpoint":"*","fault":{"kind":"explode"}}"#,
            r#"{"endpoint":"*","fault":{"kind":"drop","extra":1}}"#,
        ] {
            assert!(
                serde_json::from_str::<FaultRequest>(json).is_err(),
                "{json}"
            );
        }
    }
}
