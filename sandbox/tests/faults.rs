//! Every fault kind, fault matching and clearing, and the admin reset and stats.

mod common;

use std::time::{Duration, Instant};

use common::{Sandbox, TOKEN};
use serde_json::json;

async fn post(sb: &Sandbox, endpoint: &str) -> reqwest::Result<reqwest::Response> {
    sb.client
        .post(sb.url(endpoint))
        .form(&[("auth_token", TOKEN), ("lead_id", "12345")])
        .send()
        .await
}

#[tokio::test]
async fn status_429_with_retry_after_for_the_next_n_requests() {
    let sb = Sandbox::start().await;
    let leads = sb.stats().await["leads"].clone();
    sb.fault(json!({"endpoint": "insert", "count": 2, "fault": {"kind": "status", "status": 429, "retry_after": "2"}})).await;
    for _ in 0..2 {
        let response = sb
            .client
            .post(sb.url("insert"))
            .form(&[
                ("auth_token", TOKEN),
                ("list_id", "333"),
                ("phone_number", "2125550106"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers()["retry-after"], "2");
        assert_eq!(
            response.json::<serde_json::Value>().await.unwrap(),
            json!({"success": false, "code": 429, "text": "Too Many Requests"})
        );
    }
    assert_eq!(
        sb.stats().await["leads"],
        leads,
        "faulted requests are not carried out"
    );
    sb.insert(&[("list_id", "333"), ("phone_number", "2125550106")])
        .await;
    let stats = sb.stats().await;
    assert_eq!(
        stats["requests"]["insert"], 3,
        "faulted requests are counted"
    );
    assert_eq!(stats["leads"], leads.as_i64().unwrap() + 1);
}

#[tokio::test]
async fn server_and_auth_statuses_with_custom_bodies() {
    let sb = Sandbox::start().await;
    for status in [500, 502, 503, 401, 403] {
        sb.fault(json!({"endpoint": "*", "fault": {"kind": "status", "status": status, "body": format!("{{\"code\":{status},\"text\":\"Forbidden\"}}")}})).await;
        let response = post(&sb, "search").await.unwrap();
        assert_eq!(response.status().as_u16(), status);
        assert!(response.headers().get("retry-after").is_none());
        assert_eq!(
            response.json::<serde_json::Value>().await.unwrap(),
            json!({"code": status, "text": "Forbidden"})
        );
    }
    assert_eq!(post(&sb, "search").await.unwrap().status(), 200);
}

#[tokio::test]
async fn delay_then_a_normal_answer() {
    let sb = Sandbox::start().await;
    sb.fault(json!({"endpoint": "get-recordings", "fault": {"kind": "delay", "ms": 400}}))
        .await;
    let started = Instant::now();
    let response = post(&sb, "get-recordings").await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["entries"].as_array().unwrap().len(), 3);
    let started = Instant::now();
    post(&sb, "get-recordings").await.unwrap();
    assert!(
        started.elapsed() < Duration::from_millis(400),
        "only one request was delayed"
    );
}

#[tokio::test]
async fn html_error_pages() {
    let sb = Sandbox::start().await;
    sb.fault(json!({"endpoint": "update", "fault": {"kind": "html", "status": 503}}))
        .await;
    sb.fault(json!({"endpoint": "update", "fault": {"kind": "html"}}))
        .await;
    for status in [503, 502] {
        let response = post(&sb, "update").await.unwrap();
        assert_eq!(response.status().as_u16(), status);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        let page = response.text().await.unwrap();
        assert!(
            page.starts_with("<!DOCTYPE html>") && page.contains(&status.to_string()),
            "{page}"
        );
    }
}

#[tokio::test]
async fn truncated_json() {
    let sb = Sandbox::start().await;
    sb.fault(json!({"endpoint": "search", "fault": {"kind": "truncated_json"}}))
        .await;
    let response = post(&sb, "search").await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let text = response.text().await.unwrap();
    assert!(text.starts_with("{\"success\":true"));
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let sb = Sandbox::start().await;
    sb.fault(json!({"endpoint": "delete", "count": 2, "fault": {"kind": "drop"}}))
        .await;
    for _ in 0..2 {
        let err = post(&sb, "delete").await.expect_err("no response");
        assert!(!err.is_status() && !err.is_timeout(), "{err:?}");
    }
    assert!(
        sb.lead("12345").await["deleted_at"].is_null(),
        "the dropped delete did nothing"
    );
    assert_eq!(post(&sb, "delete").await.unwrap().status(), 200);
    assert_eq!(sb.stats().await["requests"]["delete"], 3);
}

#[tokio::test]
async fn drop_after_does_the_work_then_closes_without_an_answer() {
    let sb = Sandbox::start().await;
    let before = sb.stats().await["leads"].as_i64().unwrap();
    sb.fault(json!({"endpoint": "insert", "fault": {"kind": "drop_after"}}))
        .await;
    let form = [
        ("auth_token", TOKEN),
        ("list_id", "333"),
        ("phone_number", "2125550177"),
    ];
    let err = sb
        .client
        .post(sb.url("insert"))
        .form(&form)
        .send()
        .await
        .expect_err("no response");
    assert!(!err.is_status() && !err.is_timeout(), "{err:?}");
    assert_eq!(
        sb.stats().await["leads"].as_i64().unwrap(),
        before + 1,
        "the insert was committed"
    );
    assert_eq!(
        sb.search_ids(&[("phone_number", "2125550177")]).await.len(),
        1
    );
    // Used up: the next request is answered.
    assert_eq!(post(&sb, "search").await.unwrap().status(), 200);
}

#[tokio::test]
async fn faults_match_their_endpoint_and_can_be_cleared() {
    let sb = Sandbox::start().await;
    sb.fault(json!({"endpoint": "insert", "count": 5, "fault": {"kind": "status", "status": 500}}))
        .await;
    assert_eq!(
        post(&sb, "search").await.unwrap().status(),
        200,
        "other endpoints are untouched"
    );
    assert_eq!(post(&sb, "insert").await.unwrap().status(), 500);
    let response = sb
        .client
        .delete(sb.admin_url("faults"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_ne!(post(&sb, "insert").await.unwrap().status(), 500);
}

#[tokio::test]
async fn bad_fault_requests_are_400() {
    let sb = Sandbox::start().await;
    for body in [
        json!({"endpoint": "insert", "fault": {"kind": "meteor"}}),
        json!({"endpoint": "upsert", "fault": {"kind": "drop"}}),
        json!({"endpoint": "insert", "count": 0, "fault": {"kind": "drop"}}),
        json!({"endpoint": "insert", "fault": {"kind": "status", "status": 42}}),
        json!({"fault": {"kind": "drop"}}),
    ] {
        let (status, answer) = sb.admin_post("faults", body.clone()).await;
        assert_eq!(
            (status, answer["ok"].clone()),
            (400, json!(false)),
            "{body}"
        );
    }
    let response = sb
        .client
        .post(sb.admin_url("faults"))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn reset_restores_the_seed_and_clears_counters_and_faults() {
    let sb = Sandbox::start().await;
    let seeded = sb.stats().await["leads"].clone();
    let id = sb
        .insert(&[("list_id", "333"), ("phone_number", "2125550107")])
        .await;
    sb.ok("update", &[("lead_id", "12345"), ("first_name", "Changed")])
        .await;
    sb.ok("delete", &[("lead_id", "12346")]).await;
    sb.fault(json!({"endpoint": "*", "count": 9, "fault": {"kind": "status", "status": 503}}))
        .await;

    assert_eq!(
        sb.admin_post("reset", json!({})).await,
        (200, json!({"ok": true}))
    );
    let stats = sb.stats().await;
    assert_eq!(
        stats,
        json!({"requests": {"search": 0, "get-recordings": 0, "insert": 0, "update": 0, "delete": 0, "total": 0}, "leads": seeded})
    );
    assert_eq!(sb.lead("12345").await["first_name"], "John");
    assert!(sb.lead("12346").await["deleted_at"].is_null());
    let (status, _) = sb.admin_get(&format!("leads/{id}")).await;
    assert_eq!(status, 404);
    // Ids start over too, so a replayed test sees the same ids.
    assert_eq!(
        sb.insert(&[("list_id", "333"), ("phone_number", "2125550107")])
            .await,
        id
    );
}

#[tokio::test]
async fn stats_count_each_endpoint_as_requests_arrive() {
    let sb = Sandbox::start().await;
    for (endpoint, times) in [("search", 3), ("get-recordings", 2), ("update", 1)] {
        for _ in 0..times {
            post(&sb, endpoint).await.unwrap();
        }
    }
    // Refused requests count: no token, wrong method.
    sb.client.post(sb.url("insert")).send().await.unwrap();
    sb.client.get(sb.url("delete")).send().await.unwrap();
    let requests = sb.stats().await["requests"].clone();
    assert_eq!(
        requests,
        json!({"search": 3, "get-recordings": 2, "insert": 1, "update": 1, "delete": 1, "total": 8})
    );
    assert_eq!(sb.admin_get("health").await.1, json!({"ok": true}));
    assert_eq!(
        sb.stats().await["requests"]["total"],
        8,
        "admin calls are not counted"
    );
}

#[tokio::test]
async fn simulated_calls_add_recordings() {
    let sb = Sandbox::start().await;
    let id = sb
        .insert(&[("list_id", "333"), ("phone_number", "2125550109")])
        .await;
    assert_eq!(
        sb.ok("get-recordings", &[("lead_id", &id)]).await["entries"],
        json!([])
    );
    let (status, body) = sb
        .admin_post(
            &format!("leads/{id}/call"),
            json!({"at": "2026-04-01 10:00:00", "seconds": 90}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let entries = sb.ok("get-recordings", &[("lead_id", &id)]).await["entries"].clone();
    assert_eq!(entries[0]["recording_id"], body["recording_id"]);
    assert_eq!(entries[0]["end_time"], "2026-04-01 10:01:30");
    let audio = sb
        .client
        .get(entries[0]["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(audio.status(), 200);
    assert_eq!(sb.admin_post("leads/999999/call", json!({})).await.0, 404);
    assert_eq!(
        sb.admin_post(&format!("leads/{id}/call"), json!({"at": "soon"}))
            .await
            .0,
        400
    );
}
