//! Every endpoint in the documented style: leads-api.md's examples replayed, and every error
//! code the issue lists.

mod common;

use common::{json_of, Sandbox, TOKEN};
use convoso_sandbox::Config;
use serde_json::json;

#[tokio::test]
async fn search_returns_the_spec_example_lead_in_the_documented_shape() {
    let sb = Sandbox::start().await;
    let body = sb
        .ok("search", &[("list_id", "333"), ("limit", "100")])
        .await;
    assert_eq!(body["success"], true);
    assert_eq!(body["offset"], 0);
    assert_eq!(body["limit"], 100);
    let first = &body["results"][0];
    let expected = json!({
        "id": "12345", "created_at": "2026-03-01 10:00:00", "modified_at": "2026-03-03 14:30:00",
        "first_name": "John", "last_name": "Doe", "email": "john@example.com", "status": "ACTIVE",
        "owner_id": "22222", "source_id": "1", "list_id": "333", "phone_number": "5551234567",
        "alt_phone_1": "5559876543", "address1": "123 Main St", "city": "Anytown", "state": "CA",
        "postal_code": "90210", "country": "US", "carrier_name": "Verizon", "carrier_type": "wireless"
    });
    assert_eq!(
        first, &expected,
        "exactly the spec's lead object (unset fields left out)"
    );
    for lead in body["results"].as_array().unwrap() {
        assert_eq!(lead["list_id"], "333");
    }
}

#[tokio::test]
async fn search_defaults_to_offset_0_limit_10() {
    let sb = Sandbox::with(Config {
        seed: 40,
        ..Config::default()
    })
    .await;
    let body = sb.ok("search", &[]).await;
    assert_eq!(body["offset"], 0);
    assert_eq!(body["limit"], 10);
    assert_eq!(body["results"].as_array().unwrap().len(), 10);
}

#[tokio::test]
async fn the_spec_search_examples_replay() {
    let sb = Sandbox::start().await;
    assert_eq!(
        sb.search_ids(&[("phone_number", "5551234567"), ("limit", "10")])
            .await,
        ["12345"]
    );
    assert_eq!(
        sb.search_ids(&[("first_name", "John"), ("last_name", "Doe")])
            .await,
        ["12345"]
    );
    assert_eq!(
        sb.search_ids(&[("city", "Anytown"), ("state", "CA")]).await,
        ["12345"]
    );
    let active = sb
        .ok(
            "search",
            &[("status", "ACTIVE"), ("offset", "0"), ("limit", "100")],
        )
        .await;
    let active = active["results"].as_array().unwrap();
    assert!(active.iter().any(|l| l["id"] == "12345"));
    assert!(active.iter().all(|l| l["status"] == "ACTIVE"));
}

#[tokio::test]
async fn a_search_that_finds_nothing_is_a_success_with_no_results() {
    let sb = Sandbox::start().await;
    let body = sb.ok("search", &[("phone_number", "2125550000")]).await;
    assert_eq!(body["success"], true);
    assert_eq!(body["results"], json!([]));
}

#[tokio::test]
async fn search_limit_and_offset_errors() {
    let sb = Sandbox::start().await;
    for limit in ["0", "2001", "-1", "abc", "1.5", "1e3"] {
        assert_eq!(
            sb.error("search", &[("limit", limit)]).await,
            (200, 7258),
            "limit={limit}"
        );
    }
    for offset in ["-1", "x", "2.0"] {
        assert_eq!(
            sb.error("search", &[("offset", offset)]).await,
            (200, 7231),
            "offset={offset}"
        );
    }
    assert_eq!(sb.ok("search", &[("limit", "2000")]).await["limit"], 2000);
    assert_eq!(
        sb.ok("search", &[("limit", "1")]).await["results"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn parameters_are_read_from_the_query_string_too() {
    let sb = Sandbox::start().await;
    let url = format!(
        "{}?auth_token={TOKEN}&phone_number=5551234567",
        sb.url("search")
    );
    // POST with everything in the query string, and the same with GET.
    let (status, body) = json_of(sb.client.post(&url).send().await.unwrap()).await;
    assert_eq!(
        (status, body["results"][0]["id"].clone()),
        (200, json!("12345"))
    );
    let (status, body) = json_of(sb.client.get(&url).send().await.unwrap()).await;
    assert_eq!(
        (status, body["results"][0]["id"].clone()),
        (200, json!("12345"))
    );
    // A body value overrides the query string's.
    let response = sb
        .client
        .post(&url)
        .form(&[("phone_number", "2125550000")])
        .send()
        .await
        .unwrap();
    assert_eq!(json_of(response).await.1["results"], json!([]));
    // The token alone in the query, the rest in the body, works for writes as well.
    let url = format!("{}?auth_token={TOKEN}", sb.url("update"));
    let response = sb
        .client
        .post(&url)
        .form(&[("lead_id", "12345"), ("status", "DONE")])
        .send()
        .await
        .unwrap();
    assert_eq!(json_of(response).await.0, 200);
    assert_eq!(sb.lead("12345").await["status"], "DONE");
}

#[tokio::test]
async fn recordings_of_the_example_lead_and_their_audio() {
    let sb = Sandbox::start().await;
    let body = sb.ok("get-recordings", &[("lead_id", "12345")]).await;
    let entries = body["entries"].as_array().unwrap();
    let ids: Vec<_> = entries
        .iter()
        .map(|e| e["recording_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["rec122", "rec124", "rec123"], "oldest first");
    let rec123 = &entries[2];
    assert_eq!(rec123["lead_id"], "12345");
    assert_eq!(rec123["start_time"], "2026-03-03 14:30:00");
    assert_eq!(rec123["end_time"], "2026-03-03 14:35:00");
    assert_eq!(rec123["seconds"], 300);
    let url = rec123["url"].as_str().unwrap();
    assert_eq!(
        url,
        format!("{}/recordings/rec123.wav", sb.running.origin())
    );

    let audio = sb
        .client
        .get(url)
        .header("Origin", "http://page.test")
        .send()
        .await
        .unwrap();
    assert_eq!(audio.status(), 200);
    assert_eq!(audio.headers()["content-type"], "audio/wav");
    assert_eq!(audio.headers()["access-control-allow-origin"], "*");
    let bytes = audio.bytes().await.unwrap();
    assert_eq!(&bytes[..4], b"RIFF");
    assert_eq!(&bytes[8..12], b"WAVE");
    let missing = sb
        .client
        .get(format!("{}/recordings/nope.wav", sb.running.origin()))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn recordings_time_window_and_paging() {
    let sb = Sandbox::start().await;
    let window = [
        ("lead_id", "12345"),
        ("start_time", "2026-03-01 08:00:00"),
        ("end_time", "2026-03-03 17:00:00"),
    ];
    let body = sb.ok("get-recordings", &window).await;
    let ids: Vec<_> = body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["recording_id"].clone())
        .collect();
    assert_eq!(ids, [json!("rec124"), json!("rec123")]);
    let page = sb
        .ok(
            "get-recordings",
            &[("lead_id", "12345"), ("limit", "1"), ("offset", "1")],
        )
        .await;
    assert_eq!(page["entries"][0]["recording_id"], "rec124");
    assert_eq!(page["entries"].as_array().unwrap().len(), 1);
    let by_date = sb
        .ok(
            "get-recordings",
            &[("lead_id", "12345"), ("end_time", "2026-03-02")],
        )
        .await;
    assert_eq!(
        by_date["entries"].as_array().unwrap().len(),
        2,
        "a bare end date covers its day"
    );
    let unknown = sb.ok("get-recordings", &[("lead_id", "999999")]).await;
    assert_eq!(unknown["entries"], json!([]));
}

#[tokio::test]
async fn recordings_errors() {
    let sb = Sandbox::start().await;
    assert_eq!(sb.error("get-recordings", &[]).await, (200, 6005));
    assert_eq!(
        sb.error("get-recordings", &[("lead_id", " ")]).await,
        (200, 6005)
    );
    for offset in ["-1", "abc"] {
        assert_eq!(
            sb.error(
                "get-recordings",
                &[("lead_id", "12345"), ("offset", offset)]
            )
            .await,
            (200, 7231)
        );
    }
    for limit in ["101", "0", "ten"] {
        assert_eq!(
            sb.error("get-recordings", &[("lead_id", "12345"), ("limit", limit)])
                .await,
            (200, 7258)
        );
    }
    assert_eq!(
        sb.ok("get-recordings", &[("lead_id", "12345"), ("limit", "100")])
            .await["entries"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let (status, _) = sb
        .call(
            "get-recordings",
            &[("lead_id", "12345"), ("start_time", "yesterday")],
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn insert_the_spec_example_and_find_it() {
    let sb = Sandbox::start().await;
    let before = sb.stats().await["leads"].as_i64().unwrap();
    let body = sb
        .ok(
            "insert",
            &[
                ("list_id", "333"),
                ("phone_number", "5551234567"),
                ("first_name", "John"),
                ("last_name", "Doe"),
                ("email", "john@example.com"),
                ("status", "ACTIVE"),
            ],
        )
        .await;
    let id = body["id"].as_str().unwrap();
    assert_eq!(body["data"]["lead_id"], id);
    assert_eq!(body["success"], true);
    assert_ne!(id, "12345");
    assert_eq!(sb.stats().await["leads"].as_i64().unwrap(), before + 1);
    let found = sb.search_ids(&[("phone_number", "5551234567")]).await;
    assert_eq!(found, ["12345", id]);

    // The PHP example: list 17257, no email or status.
    let php = sb
        .insert(&[
            ("list_id", "17257"),
            ("phone_number", "8181234560"),
            ("first_name", "John"),
            ("last_name", "Test"),
        ])
        .await;
    let lead = sb.lead(&php).await;
    assert_eq!(lead["list_id"], "17257");
    assert_eq!(lead["status"], "NEW", "default status");
    assert_eq!(lead["phone_code"], "1");
    assert_eq!(lead["source_id"], "1");
    assert_eq!(lead["created_at"], lead["modified_at"]);
    // The carrier stand-in keys on the last digit: 0 is AT&T Wireless.
    assert_eq!(
        (lead["carrier_name"].clone(), lead["carrier_type"].clone()),
        (json!("AT&T Wireless"), json!("wireless"))
    );
}

#[tokio::test]
async fn insert_records_owner_timestamps_and_every_field() {
    let sb = Sandbox::start().await;
    let fields = [
        ("list_id", "334"),
        ("phone_number", "(212) 555-0143"),
        ("phone_code", "1"),
        ("status", "CALLBACK"),
        ("created_by", "web-form"),
        ("last_modified_by", "web-form"),
        ("owner_id", "22223"),
        ("first_name", "Ana"),
        ("last_name", "Silva"),
        ("alt_phone_1", "212-555-0144"),
        ("alt_phone_2", "2125550145"),
        ("email", "ana@example.com"),
        ("address1", "1 Broadway"),
        ("address2", "Suite 5"),
        ("city", "New York"),
        ("state", "NY"),
        ("province", "Manhattan"),
        ("postal_code", "10004"),
        ("country", "US"),
        ("gender", "F"),
        ("date_of_birth", "1990-04-01"),
        ("std_company_name", "Silva LLC"),
        ("std_consumer_number", "C-1"),
        ("std_account_number", "A-9"),
        ("notes", "Prefers email"),
        ("monthly_revenue", "1250.50"),
        ("annual_revenue", "15006"),
        ("title", "CEO"),
        ("business_name", "Silva Holdings"),
        ("dba", "Silva"),
        ("industry", "Retail"),
        ("start_date", "2026-04-01"),
        ("field_7", "gold"),
        ("unknown_param", "ignored"),
    ];
    let id = sb.insert(&fields).await;
    let lead = sb.lead(&id).await;
    for (name, value) in fields {
        match name {
            "phone_number" => assert_eq!(lead[name], "2125550143", "punctuation dropped"),
            "alt_phone_1" => assert_eq!(lead[name], "2125550144"),
            "unknown_param" => assert!(lead.get(name).is_none()),
            _ => assert_eq!(lead[name], value, "{name}"),
        }
    }
    assert_eq!(lead["user_id"], "22223", "assigned to its owner");
    assert_eq!(lead["carrier_name"], "AT&T Wireless");
    assert_eq!(lead["carrier_type"], "wireless");
    assert_eq!(lead["called_count"], "0");
    let created = lead["created_at"].as_str().unwrap();
    assert_eq!(created.len(), 19);
    assert!(created > "2026-01-01 00:00:00");
}

#[tokio::test]
async fn insert_errors() {
    let sb = Sandbox::start().await;
    let ok = [("list_id", "333"), ("phone_number", "2125550100")];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut p = ok.to_vec();
        p.extend_from_slice(extra);
        p
    };
    assert_eq!(sb.error("insert", &[("list_id", "333")]).await, (200, 6007));
    assert_eq!(
        sb.error("insert", &[("phone_number", "2125550100")]).await,
        (200, 6007)
    );
    assert_eq!(
        sb.error("insert", &[("list_id", ""), ("phone_number", "2125550100")])
            .await,
        (200, 6007)
    );
    assert_eq!(
        sb.error(
            "insert",
            &[("list_id", "404"), ("phone_number", "2125550100")]
        )
        .await,
        (200, 6002)
    );
    assert_eq!(
        sb.error("insert", &with(&[("owner_id", "99")])).await,
        (200, 6006)
    );
    for bad in [
        "555123456",
        "1555123456",
        "15551234567",
        "phone",
        "212-555-01OO",
    ] {
        assert_eq!(
            sb.error("insert", &[("list_id", "333"), ("phone_number", bad)])
                .await,
            (200, 6008),
            "{bad}"
        );
    }
    assert_eq!(
        sb.error("insert", &with(&[("alt_phone_1", "12")])).await,
        (200, 6008)
    );
    for bad in ["john", "john@example", "a@example.com,nope"] {
        assert_eq!(
            sb.error("insert", &with(&[("email", bad)])).await,
            (200, 6079),
            "{bad}"
        );
    }
    // List 335 requires first_name, last_name and email.
    let (status, body) = sb
        .call(
            "insert",
            &[
                ("list_id", "335"),
                ("phone_number", "2125550100"),
                ("first_name", "A"),
            ],
        )
        .await;
    assert_eq!((status, body["code"].clone()), (200, json!(6023)));
    assert!(
        body["error"].as_str().unwrap().contains("last_name, email"),
        "{body}"
    );
    sb.insert(&[
        ("list_id", "335"),
        ("phone_number", "2125550100"),
        ("first_name", "A"),
        ("last_name", "B"),
        ("email", "a@b.co"),
    ])
    .await;
    // 6009 needs a duplicate check; the example number is in list 333.
    assert_eq!(
        sb.error(
            "insert",
            &[
                ("list_id", "333"),
                ("phone_number", "5551234567"),
                ("check_dup", "1")
            ]
        )
        .await,
        (200, 6009)
    );
    // A list of addresses is accepted.
    sb.insert(&with(&[("email", "a@example.com, b@example.org")]))
        .await;
}

#[tokio::test]
async fn update_the_spec_example() {
    let sb = Sandbox::start().await;
    let body = sb
        .ok(
            "update",
            &[
                ("lead_id", "12345"),
                ("status", "COMPLETED"),
                ("email", "newemail@example.com"),
            ],
        )
        .await;
    assert_eq!(body, json!({"success": true, "data": {"lead_id": "12345"}}));
    let lead = sb.lead("12345").await;
    assert_eq!(lead["status"], "COMPLETED");
    assert_eq!(lead["email"], "newemail@example.com");
    assert_eq!(lead["first_name"], "John", "untouched fields stay");
    assert!(lead["modified_at"].as_str().unwrap() > "2026-03-03 14:30:00");
    assert_eq!(lead["changed_at"], lead["modified_at"], "status changed");

    sb.ok(
        "update",
        &[
            ("lead_id", "12345"),
            ("list_id", "334"),
            ("phone_number", "2125550148"),
            ("field_2", "x"),
        ],
    )
    .await;
    let lead = sb.lead("12345").await;
    assert_eq!(lead["list_id"], "334");
    assert_eq!(
        (lead["carrier_name"].clone(), lead["carrier_type"].clone()),
        (json!("Twilio"), json!("voip"))
    );
    assert_eq!(lead["field_2"], "x");
}

#[tokio::test]
async fn update_errors() {
    let sb = Sandbox::start().await;
    assert_eq!(sb.error("update", &[("status", "X")]).await, (200, 6070));
    assert_eq!(sb.error("update", &[("lead_id", "abc")]).await, (200, 6070));
    assert_eq!(sb.error("update", &[("lead_id", "-4")]).await, (200, 6070));
    assert_eq!(
        sb.error("update", &[("lead_id", "99999999")]).await,
        (200, 6071)
    );
    assert_eq!(
        sb.error("update", &[("lead_id", "12345"), ("list_id", "404")])
            .await,
        (200, 6002)
    );
    assert_eq!(
        sb.error("update", &[("lead_id", "12345"), ("phone_number", "123")])
            .await,
        (200, 6008)
    );
    assert_eq!(
        sb.error("update", &[("lead_id", "12345"), ("email", "x@")])
            .await,
        (200, 6079)
    );
    sb.ok("delete", &[("lead_id", "12345")]).await;
    assert_eq!(
        sb.error("update", &[("lead_id", "12345"), ("status", "X")])
            .await,
        (200, 6071)
    );
}

#[tokio::test]
async fn delete_the_spec_example() {
    let sb = Sandbox::start().await;
    let before = sb.stats().await["leads"].as_i64().unwrap();
    assert_eq!(
        sb.ok("delete", &[("lead_id", "12345")]).await,
        json!({"success": true})
    );
    assert_eq!(sb.stats().await["leads"].as_i64().unwrap(), before - 1);
    assert!(sb.search_ids(&[("lead_id", "12345")]).await.is_empty());
    assert_eq!(
        sb.ok("get-recordings", &[("lead_id", "12345")]).await["entries"],
        json!([])
    );
    assert_eq!(
        sb.error("delete", &[("lead_id", "12345")]).await,
        (200, 6001)
    );
    assert_eq!(
        sb.error("delete", &[("lead_id", "99999999")]).await,
        (200, 6001)
    );
    assert_eq!(sb.error("delete", &[("lead_id", "abc")]).await, (200, 6001));
    assert_eq!(sb.error("delete", &[]).await, (200, 6001));
    let audio = sb
        .client
        .get(format!("{}/recordings/rec123.wav", sb.running.origin()))
        .send()
        .await
        .unwrap();
    assert_eq!(audio.status(), 404, "a deleted lead's recordings are gone");
}

#[tokio::test]
async fn auth_failures_on_every_endpoint() {
    let sb = Sandbox::with(Config {
        tokens: vec!["first".into(), "second".into()],
        ..Config::default()
    })
    .await;
    for endpoint in ["search", "get-recordings", "insert", "update", "delete"] {
        for form in [
            vec![("lead_id", "12345")],
            vec![("auth_token", "wrong"), ("lead_id", "12345")],
        ] {
            let response = sb
                .client
                .post(sb.url(endpoint))
                .form(&form)
                .send()
                .await
                .unwrap();
            let (status, body) = json_of(response).await;
            assert_eq!(status, 401, "{endpoint}");
            assert_eq!(
                body,
                json!({"success": false, "error": "Invalid authentication token", "code": 5001})
            );
        }
    }
    for token in ["first", "second"] {
        let response = sb
            .client
            .post(sb.url("search"))
            .form(&[("auth_token", token)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    assert_eq!(
        sb.lead("12345").await["deleted_at"],
        json!(null),
        "refused requests change nothing"
    );
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods() {
    let sb = Sandbox::start().await;
    let (status, body) = json_of(sb.client.post(sb.url("merge")).send().await.unwrap()).await;
    assert_eq!((status, body["code"].clone()), (404, json!(404)));
    let (status, _) = json_of(
        sb.client
            .get(format!("{}/nothing", sb.running.origin()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 404);
    for endpoint in ["insert", "update", "delete"] {
        let response = sb.client.get(sb.url(endpoint)).send().await.unwrap();
        assert_eq!(response.headers()["allow"], "POST");
        let (status, body) = json_of(response).await;
        assert_eq!((status, body["code"].clone()), (405, json!(405)));
    }
    let response = sb.client.put(sb.url("search")).send().await.unwrap();
    assert_eq!(response.headers()["allow"], "GET, POST");
}
