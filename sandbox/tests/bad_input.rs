//! Bad input gets a clear error in the request's style and the server keeps serving; CORS.

mod common;

use common::{json_of, Sandbox, TOKEN};
use convoso_sandbox::Config;
use serde_json::{json, Value};

const FORM: &str = "application/x-www-form-urlencoded";

async fn raw(
    sb: &Sandbox,
    endpoint: &str,
    content_type: &str,
    body: Vec<u8>,
    style: &str,
) -> (u16, Value) {
    let response = sb
        .client
        .post(sb.url(endpoint))
        .header("Content-Type", content_type)
        .header("X-Sandbox-Style", style)
        .body(body)
        .send()
        .await
        .expect("answered");
    json_of(response).await
}

async fn still_serving(sb: &Sandbox) {
    assert_eq!(sb.admin_get("health").await, (200, json!({"ok": true})));
    assert_eq!(sb.search_ids(&[("lead_id", "12345")]).await, ["12345"]);
}

#[tokio::test]
async fn undecodable_bodies_are_400_in_both_styles() {
    let sb = Sandbox::start().await;
    let token = format!("auth_token={TOKEN}&");
    for tail in [
        &b"first_name=%FF%FE"[..],
        b"first_name=\xff\xfe",
        b"first_name=%zz",
        b"first_name=50%",
        b"%C3%28=x",
    ] {
        let body = [token.as_bytes(), tail].concat();
        let (status, answer) = raw(&sb, "search", FORM, body.clone(), "documented").await;
        assert_eq!(
            (status, answer["code"].clone(), answer["success"].clone()),
            (400, json!(400), json!(false)),
            "{tail:?}"
        );
        assert!(
            answer["error"]
                .as_str()
                .unwrap()
                .starts_with("Malformed request body"),
            "{answer}"
        );
        let (status, answer) = raw(&sb, "insert", FORM, body, "live").await;
        assert_eq!((status, answer["code"].clone()), (400, json!(400)));
        assert!(answer["text"].is_string());
    }
    let url = format!("{}?auth_token={TOKEN}&city=%E0%A4", sb.url("search"));
    let (status, answer) = json_of(sb.client.get(url).send().await.unwrap()).await;
    assert_eq!(status, 400);
    assert!(answer["error"].as_str().unwrap().contains("query string"));
    still_serving(&sb).await;
}

#[tokio::test]
async fn other_content_types_are_415() {
    let sb = Sandbox::start().await;
    let json_body = format!(r#"{{"auth_token":"{TOKEN}","list_id":"333"}}"#).into_bytes();
    // (multipart/form-data is read like a form: tests/fidelity.rs.)
    for content_type in ["application/json", "text/xml", "text/plain"] {
        let (status, answer) =
            raw(&sb, "search", content_type, json_body.clone(), "documented").await;
        assert_eq!(
            (status, answer["code"].clone()),
            (415, json!(415)),
            "{content_type}"
        );
    }
    // The form type with a charset parameter is fine.
    let (status, _) = raw(
        &sb,
        "search",
        "application/x-www-form-urlencoded; charset=UTF-8",
        format!("auth_token={TOKEN}").into_bytes(),
        "documented",
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn oversized_bodies_are_413_and_the_limit_is_configurable() {
    let sb = Sandbox::start().await;
    let big = format!("auth_token={TOKEN}&notes={}", "a".repeat(70 * 1024));
    let (status, answer) = raw(&sb, "insert", FORM, big.into_bytes(), "documented").await;
    assert_eq!((status, answer["code"].clone()), (413, json!(413)));
    assert!(answer["error"].as_str().unwrap().contains("65536"));
    let (status, answer) = raw(
        &sb,
        "insert",
        FORM,
        format!("auth_token={TOKEN}&x={}", "b".repeat(66_000)).into_bytes(),
        "live",
    )
    .await;
    assert_eq!((status, answer["code"].clone()), (413, json!(413)));
    still_serving(&sb).await;

    let small = Sandbox::with(Config {
        max_body_bytes: 1024,
        ..Config::default()
    })
    .await;
    let fits = format!("auth_token={TOKEN}&notes={}", "c".repeat(900));
    assert_eq!(
        raw(&small, "search", FORM, fits.into_bytes(), "documented")
            .await
            .0,
        200
    );
    let over = format!("auth_token={TOKEN}&notes={}", "c".repeat(1100));
    assert_eq!(
        raw(&small, "search", FORM, over.into_bytes(), "documented")
            .await
            .0,
        413
    );
    assert_eq!(
        small.stats().await["requests"]["search"],
        2,
        "refused requests are still counted"
    );
}

#[tokio::test]
async fn unknown_parameters_are_ignored_like_the_live_service() {
    let sb = Sandbox::start().await;
    let body = sb
        .ok(
            "search",
            &[("lead_id", "12345"), ("colour", "blue"), ("LIMIT", "abc")],
        )
        .await;
    assert_eq!(body["results"][0]["id"], "12345");
    let id = sb
        .insert(&[
            ("list_id", "333"),
            ("phone_number", "2125550105"),
            ("favourite", "x"),
        ])
        .await;
    assert!(sb.lead(&id).await.get("favourite").is_none());
}

#[tokio::test]
async fn wrong_types_get_the_documented_codes() {
    let sb = Sandbox::start().await;
    assert_eq!(sb.error("search", &[("limit", "abc")]).await, (200, 7258));
    assert_eq!(sb.error("search", &[("offset", "1.5")]).await, (200, 7231));
    assert_eq!(
        sb.error("update", &[("lead_id", "twelve")]).await,
        (200, 6070)
    );
    assert_eq!(
        sb.error(
            "insert",
            &[
                ("list_id", "333"),
                ("phone_number", "2125550105"),
                ("hopper", "yes please")
            ]
        )
        .await,
        (400, 400)
    );
    let (_, live) = sb
        .call_as(Some("live"), "search", &[("limit", "abc")])
        .await;
    assert_eq!(
        live,
        json!({"success": false, "code": 7258, "text": "Invalid limit value"})
    );
}

#[tokio::test]
async fn random_garbage_never_breaks_the_server() {
    let sb = Sandbox::start().await;
    let mut rng = fastrand::Rng::with_seed(7);
    let alphabet = b"=&%+auth_tokendev-lmi0123456789\xff\xc3\x28 _";
    for round in 0..300 {
        let len = rng.usize(0..200);
        let mut body: Vec<u8> = (0..len)
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect();
        if round % 2 == 0 {
            body.splice(0..0, format!("auth_token={TOKEN}&").into_bytes());
        }
        let endpoint = ["search", "get-recordings", "insert", "update", "delete"][round % 5];
        let style = if round % 3 == 0 { "live" } else { "documented" };
        let (status, answer) = raw(&sb, endpoint, FORM, body.clone(), style).await;
        assert!(status < 500, "{endpoint} {body:?} -> {status} {answer}");
        assert!(answer["success"].is_boolean(), "{answer}");
    }
    still_serving(&sb).await;
}

#[tokio::test]
async fn cors_preflight_and_headers_with_any_origin() {
    let sb = Sandbox::start().await;
    let preflight = sb
        .client
        .request(reqwest::Method::OPTIONS, sb.url("insert"))
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "content-type, x-sandbox-style",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 200);
    let headers = preflight.headers();
    assert_eq!(headers["access-control-allow-origin"], "*");
    let methods = headers["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(
        methods.contains("post") && methods.contains("get"),
        "{methods}"
    );
    let allowed = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(
        allowed.contains("content-type") && allowed.contains("x-sandbox-style"),
        "{allowed}"
    );
    assert_eq!(
        sb.stats().await["requests"]["insert"],
        0,
        "a preflight is not an API request"
    );

    let response = sb
        .client
        .post(sb.url("search"))
        .header("Origin", "http://localhost:5173")
        .form(&[("auth_token", TOKEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(exposed.contains("retry-after"));
    // Errors carry the headers too, so a page sees the real status.
    let response = sb
        .client
        .post(sb.url("search"))
        .header("Origin", "http://x.test")
        .form(&[("auth_token", "nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
}

#[tokio::test]
async fn cors_with_configured_origins() {
    let config = Config {
        cors_origins: vec!["http://app.test".into(), "http://localhost:3000".into()],
        ..Config::default()
    };
    let sb = Sandbox::with(config).await;
    for (origin, allowed) in [
        ("http://app.test", true),
        ("http://localhost:3000", true),
        ("http://evil.test", false),
    ] {
        let preflight = sb
            .client
            .request(reqwest::Method::OPTIONS, sb.url("search"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .send()
            .await
            .unwrap();
        let echoed = preflight
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(echoed, allowed.then(|| origin.to_string()), "{origin}");
    }
    let bad = convoso_sandbox::serve(Config {
        cors_origins: vec!["bad\norigin".into()],
        ..Config::default()
    })
    .await;
    assert!(bad.is_err());
}
