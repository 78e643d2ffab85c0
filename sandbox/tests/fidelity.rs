//! What clients we did not write meet: numbered errors with HTTP 200, multipart bodies,
//! JSON for every error (including those hyper answers before routing), `filter_phone_code`
//! splitting a country code off, and NUL bytes refused.

mod common;

use common::{json_of, Sandbox, TOKEN};
use convoso_sandbox::{Config, Style};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn live() -> Config {
    Config {
        style: Style::Live,
        ..Config::default()
    }
}

#[tokio::test]
async fn numbered_errors_are_http_200_by_default_in_both_styles() {
    for config in [Config::default(), live()] {
        let sb = Sandbox::with(config).await;
        let (status, body) = sb.call("insert", &[("list_id", "333")]).await;
        assert_eq!((status, body["code"].clone()), (200, json!(6007)), "{body}");
        assert_eq!(body["success"], false);
        let (status, body) = sb
            .call("get-recordings", &[("lead_id", "12345"), ("limit", "101")])
            .await;
        assert_eq!((status, body["code"].clone()), (200, json!(7258)), "{body}");
    }
}

fn multipart(fields: &[(&str, &str)]) -> reqwest::multipart::Form {
    fields
        .iter()
        .fold(reqwest::multipart::Form::new(), |form, (name, value)| {
            form.text(name.to_string(), value.to_string())
        })
}

/// Posts a multipart form to an endpoint and returns the status and JSON answer.
async fn post_multipart(sb: &Sandbox, url: String, form: reqwest::multipart::Form) -> (u16, Value) {
    let response = sb.client.post(url).multipart(form).send().await.unwrap();
    json_of(response).await
}

#[tokio::test]
async fn multipart_bodies_work_like_urlencoded_ones() {
    let sb = Sandbox::start().await;
    let form = multipart(&[
        ("auth_token", TOKEN),
        ("list_id", "333"),
        ("phone_number", "2125550142"),
        ("first_name", "Ada & Co = ok"),
    ]);
    let (status, body) = post_multipart(&sb, sb.url("insert"), form).await;
    assert_eq!(status, 200, "{body}");
    let id = body["id"].as_str().expect("an id").to_string();
    assert_eq!(sb.lead(&id).await["first_name"], "Ada & Co = ok");

    // Business errors and auth read from multipart bodies too; a body value overrides the query.
    let form = multipart(&[("auth_token", TOKEN), ("list_id", "333")]);
    let url = format!("{}?list_id=999", sb.url("insert"));
    let answer = post_multipart(&sb, url, form).await;
    assert_eq!(answer.1["code"], 6007);
    let form = multipart(&[("auth_token", "wrong"), ("lead_id", "12345")]);
    let answer = post_multipart(&sb, sb.url("search"), form).await;
    assert_eq!(
        answer,
        (
            401,
            json!({"success": false, "error": "Invalid authentication token", "code": 5001})
        )
    );

    // A file part is not a parameter (PHP puts it in $_FILES).
    let form = multipart(&[("auth_token", TOKEN), ("list_id", "333")]).part(
        "phone_number",
        reqwest::multipart::Part::text("2125550143").file_name("n.txt"),
    );
    let answer = post_multipart(&sb, sb.url("insert"), form).await;
    assert_eq!(answer.1["code"], 6007);
}

#[tokio::test]
async fn broken_multipart_bodies_and_other_types_are_json_errors() {
    let sb = Sandbox::start().await;
    for (content_type, body, status) in [
        ("multipart/form-data; boundary=b", "--b\r\nno end", 400),
        ("multipart/form-data", "--b--\r\n", 400),
        ("application/json", "{\"auth_token\":\"x\"}", 415),
    ] {
        let response = sb
            .client
            .post(sb.url("search"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let (got, answer) = json_of(response).await;
        assert_eq!(
            (got, answer["code"].clone()),
            (status, json!(status)),
            "{content_type}"
        );
        assert!(answer["error"].is_string(), "{answer}");
    }
}

#[tokio::test]
async fn nul_bytes_are_refused_with_a_clear_error() {
    let sb = Sandbox::start().await;
    for (style, key) in [("documented", "error"), ("live", "text")] {
        let response = sb
            .client
            .post(sb.url("insert"))
            .header("X-Sandbox-Style", style)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "auth_token={TOKEN}&list_id=333&phone_number=2125550144&first_name=A%00B"
            ))
            .send()
            .await
            .unwrap();
        let (status, body) = json_of(response).await;
        assert_eq!((status, body["code"].clone()), (400, json!(400)), "{body}");
        let text = body[key].as_str().unwrap();
        assert!(
            text.contains("first_name") && text.contains("NUL"),
            "{text}"
        );
        assert!(!text.contains(TOKEN));
    }
    // Nothing was stored.
    assert!(sb
        .search_ids(&[("phone_number", "2125550144")])
        .await
        .is_empty());
    let form = multipart(&[("auth_token", TOKEN), ("lead_id", "1\u{0}2")]);
    let answer = post_multipart(&sb, sb.url("search"), form).await;
    assert_eq!(answer.0, 400);
}

/// Sends raw bytes on a fresh connection and returns the whole answer. It reads while it
/// writes: the server may answer (431) and stop reading before a huge request is written, and
/// a writer waiting on a full socket buffer would then wait for ever. A write cut short by the
/// server closing is expected; what was read before a reset is the answer.
async fn raw(sb: &Sandbox, request: &[u8]) -> String {
    let stream = tokio::net::TcpStream::connect(sb.running.addr())
        .await
        .unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let write = async move {
        let _ = writer.write_all(request).await;
        writer
    };
    let read = async {
        let mut answer = Vec::new();
        let mut chunk = [0u8; 4096];
        while let Ok(n @ 1..) = reader.read(&mut chunk).await {
            answer.extend_from_slice(&chunk[..n]);
        }
        answer
    };
    let exchange = async { tokio::join!(write, read).1 };
    let answer = tokio::time::timeout(std::time::Duration::from_secs(20), exchange)
        .await
        .expect("the sandbox answers and closes within 20 s");
    String::from_utf8(answer).unwrap()
}

fn split(answer: &str) -> (&str, Value) {
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head");
    let json = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {answer}"));
    (head, json)
}

#[tokio::test]
async fn errors_hyper_answers_itself_are_json_too() {
    let long_query = "a".repeat(70_000);
    let huge_header = "b".repeat(500_000);
    for (config, key) in [(Config::default(), "error"), (live(), "text")] {
        let sb = Sandbox::with(config).await;
        let cases = [
            (
                format!("GET /v1/leads/search?q={long_query} HTTP/1.1\r\nhost: x\r\n\r\n"),
                414,
            ),
            (
                format!("GET /v1/leads/search HTTP/1.1\r\nhost: x\r\nx-big: {huge_header}\r\n\r\n"),
                431,
            ),
            (
                "GET /v1/leads/search HTTP/1.1\r\nbad header\r\n\r\n".to_string(),
                400,
            ),
        ];
        for (request, status) in cases {
            let answer = raw(&sb, request.as_bytes()).await;
            let (head, body) = split(&answer);
            assert!(head.starts_with(&format!("HTTP/1.1 {status} ")), "{head}");
            assert!(head.contains("content-type: application/json"), "{head}");
            assert_eq!(body["code"], status, "{body}");
            assert_eq!(body["success"], false);
            assert!(body[key].is_string(), "{body}");
        }
        // The connection-level rewrite leaves routed answers alone, on the same connection too.
        let keep_alive = "GET /v1/leads/nope HTTP/1.1\r\nhost: x\r\n\r\n\
                          GET /v1/leads/search?q=1 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n";
        let answer = raw(&sb, keep_alive.as_bytes()).await;
        assert_eq!(answer.matches("HTTP/1.1 404 ").count(), 1, "{answer}");
        assert_eq!(answer.matches("HTTP/1.1 401 ").count(), 1, "{answer}");
        // A URL shorter than hyper's limit still gets a routed JSON answer.
        let (status, _) = json_of(
            sb.client
                .get(format!("{}?q={}", sb.url("search"), "c".repeat(60_000)))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 401);
    }
}

fn codes() -> Config {
    Config {
        catalog: serde_json::from_value(json!({"phone_codes": ["1", "44", "353"]})).unwrap(),
        ..Config::default()
    }
}

#[tokio::test]
async fn filter_phone_code_splits_a_leading_country_code_off() {
    let sb = Sandbox::with(codes()).await;
    let filtered = |phone: &'static str, code: Option<&'static str>| {
        let mut params = vec![
            ("list_id", "333"),
            ("phone_number", phone),
            ("filter_phone_code", "1"),
        ];
        params.extend(code.map(|c| ("phone_code", c)));
        params
    };
    // (number sent, phone_code sent, stored phone_code, stored number)
    for (phone, code, want_code, want_number) in [
        ("12135550161", None, "1", "2135550161"),
        ("+1 (213) 555-0162", None, "1", "2135550162"),
        ("2135550163", None, "1", "2135550163"),
        ("442071234564", None, "44", "2071234564"),
        ("3531234565", Some("353"), "353", "1234565"),
        ("442071234566", Some("44"), "44", "2071234566"),
        // With a code given, only that code is split off.
        ("442071234567", Some("353"), "353", "442071234567"),
    ] {
        let id = sb.insert(&filtered(phone, code)).await;
        let lead = sb.lead(&id).await;
        assert_eq!(
            (lead["phone_code"].as_str(), lead["phone_number"].as_str()),
            (Some(want_code), Some(want_number)),
            "{phone} {code:?}"
        );
    }
    // Without the option nothing is split: 11 digits are no North American number.
    let mut plain = filtered("12135550168", None);
    plain.retain(|(name, _)| *name != "filter_phone_code");
    assert_eq!(sb.error("insert", &plain).await, (200, 6008));
    // A number that is not valid after the split is left as sent and refused as usual.
    assert_eq!(
        sb.error("insert", &filtered("11135550169", None)).await,
        (200, 6008)
    );
    // An unconfigured code is not split off (999 is no configured code).
    assert_eq!(
        sb.error("insert", &filtered("9992135550170", None)).await,
        (200, 6008)
    );
}
