//! The admin API under `/__sandbox/`: health, reset, stats, fault injection, a full view of
//! one lead and a simulated dialer call. Loopback peers only; it needs no token.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::app::SharedApp;
use crate::faults::FaultRequest;
use crate::params::parse_int;
use crate::render::lead_object;
use crate::server::ConnInfo;
use crate::store::columns::Shown;
use crate::store::{calls, leads};

pub fn router() -> Router<SharedApp> {
    Router::new()
        .route("/health", get(health))
        .route("/reset", post(reset))
        .route("/stats", get(stats))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/leads/{id}", get(lead))
        .route("/leads/{id}/call", post(call))
        .fallback(|| async { failure(StatusCode::NOT_FOUND, "no such admin endpoint") })
        .layer(middleware::from_fn(loopback_only))
}

fn failure(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"ok": false, "error": message.into()}))).into_response()
}

async fn loopback_only(request: Request, next: Next) -> Response {
    let loopback = request
        .extensions()
        .get::<ConnInfo>()
        .is_some_and(|c| c.peer.ip().to_canonical().is_loopback());
    if loopback {
        next.run(request).await
    } else {
        failure(
            StatusCode::FORBIDDEN,
            "the admin API answers loopback clients only",
        )
    }
}

async fn health() -> Json<Value> {
    Json(json!({"ok": true}))
}

async fn reset(State(app): State<SharedApp>) -> Response {
    let (store, catalog) = (Arc::clone(&app.store), Arc::clone(&app.catalog));
    match tokio::task::spawn_blocking(move || store.reset(&catalog)).await {
        Ok(Ok(())) => {
            app.stats.clear();
            app.faults.clear();
            Json(json!({"ok": true})).into_response()
        }
        _ => failure(StatusCode::INTERNAL_SERVER_ERROR, "reset failed"),
    }
}

async fn stats(State(app): State<SharedApp>) -> Response {
    match app.db(|conn| Ok(leads::count_active(conn)?)).await {
        Ok(count) => {
            Json(json!({"requests": app.stats.requests(), "leads": count})).into_response()
        }
        Err(_) => failure(StatusCode::INTERNAL_SERVER_ERROR, "cannot count leads"),
    }
}

async fn add_fault(State(app): State<SharedApp>, body: Bytes) -> Response {
    let request: FaultRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => return failure(StatusCode::BAD_REQUEST, format!("bad fault: {err}")),
    };
    match app.faults.add(request) {
        Ok(queued) => Json(json!({"ok": true, "queued": queued})).into_response(),
        Err(err) => failure(StatusCode::BAD_REQUEST, format!("bad fault: {err}")),
    }
}

async fn clear_faults(State(app): State<SharedApp>) -> Json<Value> {
    app.faults.clear();
    Json(json!({"ok": true}))
}

/// Every stored column of a lead, deleted or not: lets tests check what was written
/// independently of the response styles.
async fn lead(State(app): State<SharedApp>, Path(id): Path<String>) -> Response {
    let Some(id) = parse_int(&id) else {
        return failure(StatusCode::NOT_FOUND, "no such lead");
    };
    match app.db(move |conn| Ok(leads::find(conn, id, true)?)).await {
        Ok(Some(lead)) => {
            let object = lead_object(&lead, Shown::Admin, true);
            Json(json!({"ok": true, "lead": object})).into_response()
        }
        Ok(None) => failure(StatusCode::NOT_FOUND, "no such lead"),
        Err(_) => failure(StatusCode::INTERNAL_SERVER_ERROR, "cannot read lead"),
    }
}

/// Simulates a dialer call to a lead: its last call time and call count change and it gains
/// a recording, as after a real call. Body (optional): `{"at":"YYYY-MM-DD HH:MM:SS","seconds":N}`.
async fn call(State(app): State<SharedApp>, Path(id): Path<String>, body: Bytes) -> Response {
    let call: calls::Call = if body.is_empty() {
        calls::Call::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(call) => call,
            Err(err) => return failure(StatusCode::BAD_REQUEST, format!("bad call: {err}")),
        }
    };
    if let Err(err) = call.check() {
        return failure(StatusCode::BAD_REQUEST, format!("bad call: {err}"));
    }
    let Some(id) = parse_int(&id) else {
        return failure(StatusCode::NOT_FOUND, "no such lead");
    };
    match app
        .db(move |conn| Ok(calls::record(conn, id, &call)?))
        .await
    {
        Ok(Some(recording_id)) => {
            Json(json!({"ok": true, "recording_id": recording_id})).into_response()
        }
        Ok(None) => failure(StatusCode::NOT_FOUND, "no such lead"),
        Err(_) => failure(StatusCode::INTERNAL_SERVER_ERROR, "cannot record the call"),
    }
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    use crate::server::ConnInfo;

    async fn status_from(peer: &str) -> u16 {
        let app = crate::app::tests::app();
        let mut request = Request::get("/__sandbox/health")
            .body(Body::empty())
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnInfo::new(peer.parse().unwrap()));
        app.oneshot(request).await.unwrap().status().as_u16()
    }

    #[tokio::test]
    async fn only_loopback_peers_reach_the_admin_api() {
        assert_eq!(status_from("127.0.0.1:5000").await, 200);
        assert_eq!(status_from("[::1]:5000").await, 200);
        assert_eq!(status_from("[::ffff:127.0.0.1]:5000").await, 200);
        assert_eq!(status_from("10.1.2.3:5000").await, 403);
        assert_eq!(status_from("[2001:db8::1]:5000").await, 403);
    }

    #[tokio::test]
    async fn a_request_without_a_known_peer_is_refused() {
        let app = crate::app::tests::app();
        let request = Request::get("/__sandbox/health")
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.oneshot(request).await.unwrap().status().as_u16(), 403);
    }
}
