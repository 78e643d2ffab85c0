//! The live style, the per-request override, and exactly which HTTP status each style uses
//! for auth failures, numbered errors and request errors.

mod common;

use common::Sandbox;
use convoso_sandbox::{Config, Style};
use serde_json::{json, Value};

fn live() -> Config {
    Config {
        style: Style::Live,
        seed: 60,
        ..Config::default()
    }
}

#[tokio::test]
async fn live_search_uses_the_data_envelope_with_string_counters_and_extra_fields() {
    let sb = Sandbox::with(live()).await;
    let (status, body) = sb.call("search", &[("limit", "5"), ("offset", "1")]).await;
    assert_eq!(status, 200);
    assert_eq!(body["success"], true);
    assert!(body.get("results").is_none());
    let data = &body["data"];
    assert_eq!(
        (data["offset"].clone(), data["limit"].clone()),
        (json!("1"), json!("5"))
    );
    let total: i64 = data["total"]
        .as_str()
        .expect("total is a string")
        .parse()
        .unwrap();
    assert!(
        total > 40,
        "total counts the whole result, not the page: {total}"
    );
    let entries = data["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 5);
    let lead = &entries[0];
    assert!(lead["id"].is_string() && lead["called_count"].is_string());
    assert!(
        lead["field_1"].is_string(),
        "custom fields are kept: {lead}"
    );
    assert!(lead.get("user_id").is_some() && lead.get("date_notes_last_updated").is_some());
    assert!(
        lead.get("hopper").is_none(),
        "admin-only columns stay hidden"
    );
    // Unset fields are present as null, as the live service sends them.
    let example = &sb.call("search", &[("lead_id", "12345")]).await.1["data"]["entries"][0];
    assert_eq!(example["address2"], Value::Null);
    assert_eq!(example["called_count"], "3");
}

#[tokio::test]
async fn live_write_answers_mix_numbers_and_strings() {
    let sb = Sandbox::with(live()).await;
    let (status, inserted) = sb
        .call(
            "insert",
            &[("list_id", "333"), ("phone_number", "2125550101")],
        )
        .await;
    assert_eq!(status, 200);
    let id = inserted["data"]["lead_id"]
        .as_i64()
        .expect("insert's lead_id is a number");
    assert_eq!(inserted["id"], id.to_string());
    let (_, updated) = sb
        .call("update", &[("lead_id", &id.to_string()), ("status", "X")])
        .await;
    assert_eq!(
        updated,
        json!({"success": true, "data": {"lead_id": id.to_string()}, "id": id})
    );
    let (_, deleted) = sb.call("delete", &[("lead_id", &id.to_string())]).await;
    assert_eq!(deleted, json!({"success": true}));
}

#[tokio::test]
async fn live_recordings_use_numeric_counters_and_blank_unfinished_ones() {
    let sb = Sandbox::with(live()).await;
    let (_, body) = sb
        .call("get-recordings", &[("lead_id", "12345"), ("limit", "2")])
        .await;
    let data = &body["data"];
    assert_eq!(
        (
            data["offset"].clone(),
            data["limit"].clone(),
            data["total"].clone()
        ),
        (json!(0), json!(2), json!(3))
    );
    assert_eq!(data["entries"][0]["seconds"], 65);

    // Some seeded recordings never logged their end: "" and null live, null documented.
    let mut unfinished = None;
    for id in 12346..12406 {
        let (_, body) = sb
            .call("get-recordings", &[("lead_id", &id.to_string())])
            .await;
        let entries = body["data"]["entries"].as_array().unwrap().clone();
        if let Some(rec) = entries.into_iter().find(|r| r["end_time"] == "") {
            unfinished = Some((id, rec));
            break;
        }
    }
    let (id, rec) = unfinished.expect("the seed has an unfinished recording");
    assert_eq!(rec["seconds"], Value::Null);
    let (_, documented) = sb
        .call_as(
            Some("documented"),
            "get-recordings",
            &[("lead_id", &id.to_string())],
        )
        .await;
    let same = documented["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["recording_id"] == rec["recording_id"])
        .unwrap();
    assert_eq!(
        (same["end_time"].clone(), same["seconds"].clone()),
        (Value::Null, Value::Null)
    );
}

#[tokio::test]
async fn the_style_header_overrides_the_server_style_both_ways() {
    let documented = Sandbox::start().await;
    let (_, body) = documented
        .call_as(Some("live"), "search", &[("lead_id", "12345")])
        .await;
    assert_eq!(body["data"]["entries"][0]["id"], "12345");
    let (status, body) = documented
        .call_as(Some("LIVE"), "insert", &[("list_id", "333")])
        .await;
    assert_eq!(
        (status, body),
        (
            200,
            json!({"success": false, "code": 6007, "text": "The Lead requires a phone number and list id"})
        )
    );

    let live = Sandbox::with(live()).await;
    let (_, body) = live
        .call_as(Some("documented"), "search", &[("lead_id", "12345")])
        .await;
    assert_eq!(body["results"][0]["id"], "12345");
    let (status, body) = live.call_as(Some("fancy"), "search", &[]).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["code"], 400,
        "a bad header is answered in the server's style: {body}"
    );
    assert!(body["text"].as_str().unwrap().contains("X-Sandbox-Style"));
}

type Form = &'static [(&'static str, &'static str)];

/// (style, endpoint, params, expected status, expected code)
const STATUS_TABLE: &[(&str, &str, Form, u16, i64)] = &[
    ("documented", "search", &[("auth_token", "bad")], 401, 5001),
    ("live", "search", &[("auth_token", "bad")], 401, 5001),
    (
        "documented",
        "insert",
        &[("list_id", "333"), ("phone_number", "123")],
        200,
        6008,
    ),
    (
        "live",
        "insert",
        &[("list_id", "333"), ("phone_number", "123")],
        200,
        6008,
    ),
    ("documented", "delete", &[("lead_id", "1")], 200, 6001),
    ("live", "delete", &[("lead_id", "1")], 200, 6001),
    ("documented", "search", &[("limit", "0")], 200, 7258),
    ("live", "search", &[("limit", "0")], 200, 7258),
    (
        "documented",
        "get-recordings",
        &[("offset", "-1"), ("lead_id", "1")],
        200,
        7231,
    ),
    (
        "live",
        "get-recordings",
        &[("offset", "-1"), ("lead_id", "1")],
        200,
        7231,
    ),
    (
        "documented",
        "insert",
        &[
            ("list_id", "333"),
            ("phone_number", "2125550100"),
            ("hopper_priority", "100"),
        ],
        400,
        400,
    ),
    (
        "live",
        "insert",
        &[
            ("list_id", "333"),
            ("phone_number", "2125550100"),
            ("hopper_priority", "100"),
        ],
        400,
        400,
    ),
];

#[tokio::test]
async fn each_style_uses_its_own_statuses_and_error_body() {
    let sb = Sandbox::start().await;
    for &(style, endpoint, params, status, code) in STATUS_TABLE {
        // Put a given auth_token first so it overrides the helper's (the body's last value wins).
        let mut form: Vec<(&str, &str)> = vec![("auth_token", common::TOKEN)];
        form.extend_from_slice(params);
        let response = sb
            .client
            .post(sb.url(endpoint))
            .header("X-Sandbox-Style", style)
            .form(&form)
            .send()
            .await
            .unwrap();
        let (got_status, body) = common::json_of(response).await;
        assert_eq!(
            (got_status, body["code"].as_i64()),
            (status, Some(code)),
            "{style} {endpoint} {params:?}: {body}"
        );
        assert_eq!(body["success"], false);
        let message_key = if style == "live" { "text" } else { "error" };
        assert!(body[message_key].is_string(), "{style}: {body}");
        assert_eq!(body.as_object().unwrap().len(), 3, "{body}");
    }
}

#[tokio::test]
async fn the_wordings_differ_by_style() {
    let sb = Sandbox::start().await;
    let cases = [
        (
            vec![("list_id", "404"), ("phone_number", "2125550100")],
            "List not found",
            "No such List",
        ),
        (
            vec![("list_id", "333"), ("phone_number", "1")],
            "Invalid phone number",
            "The phone number is invalid",
        ),
        (
            vec![
                ("list_id", "333"),
                ("phone_number", "5551234567"),
                ("check_dup", "2"),
            ],
            "Lead already exists",
            "The phone number already exists",
        ),
    ];
    for (params, documented, live) in cases {
        assert_eq!(
            sb.call_as(Some("documented"), "insert", &params).await.1["error"],
            documented
        );
        assert_eq!(
            sb.call_as(Some("live"), "insert", &params).await.1["text"],
            live
        );
    }
}

#[tokio::test]
async fn numbered_errors_take_the_configured_status_in_both_styles() {
    let sb = Sandbox::with(Config {
        business_error_status: 400,
        ..Config::default()
    })
    .await;
    let bad_phone = [("list_id", "333"), ("phone_number", "123")];
    for style in ["documented", "live"] {
        let (status, body) = sb.call_as(Some(style), "insert", &bad_phone).await;
        assert_eq!(
            (status, body["code"].clone()),
            (400, json!(6008)),
            "{style}"
        );
        // Auth and request errors keep their own statuses.
        let (status, body) = sb
            .call_as(Some(style), "search", &[("auth_token", "nope")])
            .await;
        assert_eq!(
            (status, body["code"].clone()),
            (401, json!(5001)),
            "{style}"
        );
        let (status, _) = sb.call_as(Some(style), "search", &[]).await;
        assert_eq!(status, 200, "{style}: a success stays 200");
    }
}

#[tokio::test]
async fn a_business_error_status_outside_200_to_599_does_not_start() {
    for status in [0, 199, 600] {
        let started = convoso_sandbox::serve(Config {
            business_error_status: status,
            ..Config::default()
        })
        .await;
        let err = started.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("business error status"), "{status}: {err:?}");
    }
}
