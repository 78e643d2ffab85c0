//! Insert's duplicate levels, update_if_found and its search options, hopper ranges and the
//! phone rejections.

mod common;

use common::Sandbox;
use convoso_sandbox::Config;
use serde_json::json;

const DUP: (u16, i64) = (200, 6009);
const BAD_PHONE: (u16, i64) = (200, 6008);

/// Params for an insert of `phone` into `list`, plus extras.
fn lead<'a>(
    list: &'a str,
    phone: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut params = vec![("list_id", list), ("phone_number", phone)];
    params.extend_from_slice(extra);
    params
}

#[tokio::test]
async fn duplicate_levels_0_to_3_and_the_list_flag() {
    let sb = Sandbox::start().await;
    sb.insert(&lead("333", "2125550111", &[])).await;
    // Level 0 (the default): no check at all.
    sb.insert(&lead("333", "2125550111", &[])).await;
    sb.insert(&lead("333", "2125550111", &[("check_dup", "0")]))
        .await;
    // Level 1: this list only.
    assert_eq!(
        sb.error("insert", &lead("333", "2125550111", &[("check_dup", "1")]))
            .await,
        DUP
    );
    sb.insert(&lead("334", "2125550111", &[("check_dup", "1")]))
        .await;
    // Level 2: every list.
    assert_eq!(
        sb.error(
            "insert",
            &lead("17257", "2125550111", &[("check_dup", "2")])
        )
        .await,
        DUP
    );
    // check_dup_list alone behaves as level 1.
    assert_eq!(
        sb.error(
            "insert",
            &lead("333", "2125550111", &[("check_dup_list", "true")])
        )
        .await,
        DUP
    );
    sb.insert(&lead(
        "335",
        "2125550111",
        &[
            ("check_dup_list", "1"),
            ("first_name", "A"),
            ("last_name", "B"),
            ("email", "a@b.co"),
        ],
    ))
    .await;
    // A new number passes every level.
    sb.insert(&lead("333", "2125550112", &[("check_dup", "4")]))
        .await;
}

#[tokio::test]
async fn archived_leads_count_from_level_3_or_with_check_dup_archive() {
    let sb = Sandbox::start().await;
    // Seeded lead 12345 + 13 is archived.
    let archived = sb.lead("12358").await;
    assert!(archived["archived_at"].is_string(), "{archived}");
    let phone = archived["phone_number"].as_str().unwrap();
    let list = archived["list_id"].as_str().unwrap();
    sb.insert(&lead(list, phone, &[("check_dup", "2")])).await;
    let sb = Sandbox::start().await;
    assert_eq!(
        sb.error("insert", &lead(list, phone, &[("check_dup", "3")]))
            .await,
        DUP
    );
    assert_eq!(
        sb.error("insert", &lead("333", phone, &[("check_dup_archive", "1")]))
            .await,
        DUP
    );
    assert_eq!(
        sb.error(
            "insert",
            &lead(
                "333",
                phone,
                &[("check_dup", "1"), ("check_dup_archive", "1")]
            )
        )
        .await,
        DUP
    );
}

#[tokio::test]
async fn level_4_also_compares_alternate_numbers() {
    let sb = Sandbox::start().await;
    // 12345 has alt_phone_1 5559876543.
    sb.insert(&lead("333", "5559876543", &[("check_dup", "3")]))
        .await;
    let sb = Sandbox::start().await;
    assert_eq!(
        sb.error("insert", &lead("333", "5559876543", &[("check_dup", "4")]))
            .await,
        DUP
    );
    // And a new lead's alternate number against existing primaries.
    assert_eq!(
        sb.error(
            "insert",
            &lead(
                "334",
                "2125550120",
                &[("alt_phone_2", "5551234567"), ("check_dup", "4")]
            )
        )
        .await,
        DUP
    );
    sb.insert(&lead(
        "334",
        "2125550120",
        &[("alt_phone_2", "5551234567"), ("check_dup", "3")],
    ))
    .await;
}

#[tokio::test]
async fn deleted_leads_are_never_duplicates() {
    let sb = Sandbox::start().await;
    sb.ok("delete", &[("lead_id", "12345")]).await;
    sb.insert(&lead("333", "5551234567", &[("check_dup", "4")]))
        .await;
}

#[tokio::test]
async fn check_dup_accepts_0_to_4_only() {
    let sb = Sandbox::start().await;
    for level in ["5", "-1", "two"] {
        assert_eq!(
            sb.error(
                "insert",
                &lead("333", "2125550130", &[("check_dup", level)])
            )
            .await,
            (400, 400)
        );
    }
}

#[tokio::test]
async fn concurrent_inserts_of_one_number_pass_the_check_once() {
    let sb = std::sync::Arc::new(Sandbox::start().await);
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let sb = std::sync::Arc::clone(&sb);
            tokio::spawn(async move {
                sb.call("insert", &lead("333", "2125550140", &[("check_dup", "2")]))
                    .await
            })
        })
        .collect();
    let mut codes = Vec::new();
    for task in tasks {
        let (_, body) = task.await.unwrap();
        codes.push(body.get("code").and_then(|c| c.as_i64()).unwrap_or(0));
    }
    assert_eq!(codes.iter().filter(|&&c| c == 0).count(), 1, "{codes:?}");
    assert_eq!(
        codes.iter().filter(|&&c| c == 6009).count(),
        19,
        "{codes:?}"
    );
}

#[tokio::test]
async fn update_if_found_updates_the_match_in_the_target_list() {
    let sb = Sandbox::start().await;
    let original = sb
        .insert(&lead(
            "333",
            "2125550150",
            &[("first_name", "Old"), ("status", "NEW")],
        ))
        .await;
    let leads_before = sb.stats().await["leads"].clone();
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550150",
                &[
                    ("update_if_found", "1"),
                    ("first_name", "New"),
                    ("status", "SALE"),
                    ("check_dup", "2"),
                ],
            ),
        )
        .await;
    assert_eq!(body["id"], original, "the existing lead's id comes back");
    assert_eq!(
        sb.stats().await["leads"],
        leads_before,
        "nothing was inserted"
    );
    let stored = sb.lead(&original).await;
    assert_eq!(
        (stored["first_name"].clone(), stored["status"].clone()),
        (json!("New"), json!("SALE"))
    );
    assert_eq!(stored["changed_at"], stored["modified_at"]);
    // Not found in the target list: a normal insert.
    let other = sb
        .insert(&lead("334", "2125550150", &[("update_if_found", "1")]))
        .await;
    assert_ne!(other, original);
}

#[tokio::test]
async fn update_if_found_search_list_and_campaign() {
    let sb = Sandbox::start().await;
    let in_334 = sb.insert(&lead("334", "2125550160", &[])).await;
    let in_17257 = sb.insert(&lead("17257", "2125550161", &[])).await;

    // search_list_id points at the lead's list; the lead keeps its list.
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550160",
                &[
                    ("update_if_found", "1"),
                    ("search_list_id", "334"),
                    ("last_name", "Found"),
                ],
            ),
        )
        .await;
    assert_eq!(body["id"], in_334);
    assert_eq!(sb.lead(&in_334).await["list_id"], "334");
    assert_eq!(sb.lead(&in_334).await["last_name"], "Found");

    // search_campaign_id covers the campaign's lists (17257 is in campaign 1002, 333 in 1001).
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550161",
                &[("update_if_found", "1"), ("search_campaign_id", "1002")],
            ),
        )
        .await;
    assert_eq!(body["id"], in_17257);
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550161",
                &[("update_if_found", "1"), ("search_campaign_id", "1001")],
            ),
        )
        .await;
    assert_ne!(body["id"], in_17257);

    // search_list_id takes priority over search_campaign_id.
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550161",
                &[
                    ("update_if_found", "1"),
                    ("search_list_id", "334"),
                    ("search_campaign_id", "1002"),
                ],
            ),
        )
        .await;
    assert_ne!(body["id"], in_17257);

    // Without update_if_found these options do nothing.
    let body = sb
        .ok(
            "insert",
            &lead("333", "2125550160", &[("search_list_id", "334")]),
        )
        .await;
    assert_ne!(body["id"], in_334);

    assert_eq!(
        sb.error(
            "insert",
            &lead(
                "333",
                "2125550160",
                &[("update_if_found", "1"), ("search_list_id", "404")]
            )
        )
        .await,
        (200, 6002)
    );
    assert_eq!(
        sb.error(
            "insert",
            &lead(
                "333",
                "2125550160",
                &[("update_if_found", "1"), ("search_list_id", "x")]
            )
        )
        .await,
        (400, 400)
    );
    assert_eq!(
        sb.error(
            "insert",
            &lead(
                "333",
                "2125550160",
                &[("update_if_found", "1"), ("search_campaign_id", "1.5")]
            )
        )
        .await,
        (400, 400)
    );
}

#[tokio::test]
async fn update_order_by_last_called_time_picks_among_matches() {
    let sb = Sandbox::start().await;
    let never = sb.insert(&lead("333", "2125550170", &[])).await;
    let early = sb.insert(&lead("333", "2125550170", &[])).await;
    let late = sb.insert(&lead("333", "2125550170", &[])).await;
    for (id, at) in [
        (&early, "2026-01-05 09:00:00"),
        (&late, "2026-02-05 09:00:00"),
    ] {
        let (status, body) = sb
            .admin_post(
                &format!("leads/{id}/call"),
                json!({"at": at, "seconds": 30}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(
        sb.lead(&late).await["last_called_at"],
        "2026-02-05 09:00:00"
    );
    assert_eq!(sb.lead(&late).await["called_count"], "1");

    let pick = |order: Option<&'static str>| {
        let mut extra = vec![("update_if_found", "1")];
        if let Some(order) = order {
            extra.push(("update_order_by_last_called_time", order));
        }
        extra
    };
    let found = |body: serde_json::Value| body["id"].as_str().unwrap().to_string();
    assert_eq!(
        found(
            sb.ok("insert", &lead("333", "2125550170", &pick(Some("DESC"))))
                .await
        ),
        late
    );
    assert_eq!(
        found(
            sb.ok("insert", &lead("333", "2125550170", &pick(Some("desc"))))
                .await
        ),
        late
    );
    // Ascending puts the never-called lead first; without an order the oldest lead wins.
    assert_eq!(
        found(
            sb.ok("insert", &lead("333", "2125550170", &pick(Some("ASC"))))
                .await
        ),
        never
    );
    assert_eq!(
        found(
            sb.ok("insert", &lead("333", "2125550170", &pick(None)))
                .await
        ),
        never
    );
    sb.ok("delete", &[("lead_id", &never)]).await;
    assert_eq!(
        found(
            sb.ok("insert", &lead("333", "2125550170", &pick(Some("ASC"))))
                .await
        ),
        early
    );
    assert_eq!(
        sb.error(
            "insert",
            &lead("333", "2125550170", &pick(Some("SIDEWAYS")))
        )
        .await,
        (400, 400)
    );
}

#[tokio::test]
async fn update_if_found_with_a_lead_id_updates_that_lead() {
    let sb = Sandbox::start().await;
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550180",
                &[("update_if_found", "1"), ("lead_id", "12345")],
            ),
        )
        .await;
    assert_eq!(body["id"], "12345");
    assert_eq!(sb.lead("12345").await["phone_number"], "2125550180");
    // An unknown lead_id falls back to the number search (here: nothing, so a new lead).
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550181",
                &[("update_if_found", "1"), ("lead_id", "99999999")],
            ),
        )
        .await;
    assert_ne!(body["id"], "99999999");
    assert_eq!(
        sb.error(
            "insert",
            &lead(
                "333",
                "2125550181",
                &[("update_if_found", "1"), ("lead_id", "abc")]
            )
        )
        .await,
        (400, 400)
    );
}

#[tokio::test]
async fn hopper_options_and_their_ranges() {
    let sb = Sandbox::start().await;
    let plain = sb.insert(&lead("333", "2125550190", &[])).await;
    assert_eq!(sb.lead(&plain).await["hopper"], json!(null));

    let default = sb
        .insert(&lead("333", "2125550191", &[("hopper", "true")]))
        .await;
    let stored = sb.lead(&default).await;
    assert_eq!(
        (stored["hopper"].clone(), stored["hopper_priority"].clone()),
        (json!("1"), json!("99"))
    );
    assert_eq!(stored["hopper_expires_at"], json!(null));

    let timed = sb
        .insert(&lead(
            "333",
            "2125550192",
            &[
                ("hopper", "1"),
                ("hopper_priority", "0"),
                ("hopper_expires_in", "300"),
            ],
        ))
        .await;
    let stored = sb.lead(&timed).await;
    assert_eq!(stored["hopper_priority"], "0");
    let expires = chrono::NaiveDateTime::parse_from_str(
        stored["hopper_expires_at"].as_str().unwrap(),
        "%Y-%m-%d %H:%M:%S",
    )
    .unwrap();
    let created = chrono::NaiveDateTime::parse_from_str(
        stored["created_at"].as_str().unwrap(),
        "%Y-%m-%d %H:%M:%S",
    )
    .unwrap();
    let minutes = (expires - created).num_seconds() as f64 / 60.0;
    assert!((299.0..=301.0).contains(&minutes), "{minutes}");

    sb.insert(&lead(
        "333",
        "2125550193",
        &[
            ("hopper", "1"),
            ("hopper_priority", "99"),
            ("hopper_expires_in", "1"),
        ],
    ))
    .await;
    for (name, value) in [
        ("hopper_priority", "100"),
        ("hopper_priority", "-1"),
        ("hopper_priority", "high"),
        ("hopper_expires_in", "0"),
        ("hopper_expires_in", "301"),
        ("hopper_expires_in", "5m"),
        ("hopper", "maybe"),
    ] {
        let (status, body) = sb
            .call(
                "insert",
                &lead("333", "2125550194", &[("hopper", "1"), (name, value)]),
            )
            .await;
        assert_eq!(
            (status, body["code"].clone()),
            (400, json!(400)),
            "{name}={value}: {body}"
        );
        assert!(body["error"].as_str().unwrap().contains(name), "{body}");
    }

    // update_if_found puts the found lead in the hopper too.
    let body = sb
        .ok(
            "insert",
            &lead(
                "333",
                "2125550190",
                &[
                    ("update_if_found", "1"),
                    ("hopper", "1"),
                    ("hopper_priority", "7"),
                ],
            ),
        )
        .await;
    assert_eq!(body["id"], plain);
    assert_eq!(sb.lead(&plain).await["hopper_priority"], "7");
}

#[tokio::test]
async fn reject_by_carrier_type_and_check_wireless() {
    let sb = Sandbox::start().await;
    // The carrier stand-in keys on the last digit: 7 wireless, 4 landline, 8 voip.
    let (wireless, landline, voip) = ("2125550107", "2125550104", "2125550108");
    assert_eq!(
        sb.error(
            "insert",
            &lead("333", wireless, &[("reject_by_carrier_type", "MOBILE")])
        )
        .await,
        BAD_PHONE
    );
    assert_eq!(
        sb.error(
            "insert",
            &lead("333", voip, &[("reject_by_carrier_type", "voip")])
        )
        .await,
        BAD_PHONE
    );
    assert_eq!(
        sb.error(
            "insert",
            &lead(
                "333",
                landline,
                &[("reject_by_carrier_type", "MOBILE, LANDLINE")]
            )
        )
        .await,
        BAD_PHONE
    );
    assert_eq!(
        sb.error("insert", &lead("333", wireless, &[("check_wireless", "1")]))
            .await,
        BAD_PHONE
    );
    let (_, body) = sb
        .call(
            "insert",
            &lead("333", wireless, &[("reject_by_carrier_type", "MOBILE")]),
        )
        .await;
    assert!(
        body["error"].as_str().unwrap().contains("wireless"),
        "{body}"
    );

    let id = sb
        .insert(&lead(
            "333",
            wireless,
            &[("reject_by_carrier_type", "VOIP,LANDLINE")],
        ))
        .await;
    assert_eq!(sb.lead(&id).await["carrier_type"], "wireless");
    sb.insert(&lead("333", landline, &[("check_wireless", "1")]))
        .await;
    assert_eq!(
        sb.error(
            "insert",
            &lead("333", voip, &[("reject_by_carrier_type", "PAGER")])
        )
        .await,
        (400, 400)
    );
}

#[tokio::test]
async fn dnc_filter_and_phone_codes() {
    let extra =
        serde_json::from_value(json!({"dnc": ["2125550199"], "campaigns": [], "lists": []}))
            .unwrap();
    let sb = Sandbox::with(Config {
        catalog: extra,
        ..Config::default()
    })
    .await;
    for dnc in ["8005550199", "2125550199"] {
        assert_eq!(
            sb.error("insert", &lead("333", dnc, &[("check_dnc", "1")]))
                .await,
            BAD_PHONE
        );
        sb.insert(&lead("333", dnc, &[])).await;
    }
    sb.insert(&lead("333", "612345678", &[("phone_code", "33")]))
        .await;
    assert_eq!(
        sb.error(
            "insert",
            &lead("333", "612345678", &[("phone_code", "+33")])
        )
        .await,
        (400, 400)
    );
}

#[tokio::test]
async fn blueinkdigital_token_stands_in_for_the_number() {
    let sb = Sandbox::start().await;
    let id = sb
        .insert(&[("list_id", "333"), ("blueinkdigital_token", "bid-1")])
        .await;
    let phone = sb.lead(&id).await["phone_number"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(phone.len(), 10);
    // The same token fetches the same number again.
    assert_eq!(
        sb.error(
            "insert",
            &[
                ("list_id", "333"),
                ("blueinkdigital_token", "bid-1"),
                ("check_dup", "1")
            ]
        )
        .await,
        DUP
    );
    // A number sent along wins over the token.
    let id = sb
        .insert(&[
            ("list_id", "333"),
            ("phone_number", "2125550102"),
            ("blueinkdigital_token", "bid-1"),
        ])
        .await;
    assert_eq!(sb.lead(&id).await["phone_number"], "2125550102");
}

#[tokio::test]
async fn typed_insert_fields_are_checked() {
    let sb = Sandbox::start().await;
    for (name, value) in [
        ("monthly_revenue", "lots"),
        ("annual_revenue", "1e6"),
        ("start_date", "tomorrow"),
        ("date_of_birth", "1990-13-01"),
        ("check_dnc", "perhaps"),
        ("update_if_found", "2"),
    ] {
        let (status, body) = sb
            .call("insert", &lead("333", "2125550103", &[(name, value)]))
            .await;
        assert_eq!(
            (status, body["code"].clone()),
            (400, json!(400)),
            "{name}={value}: {body}"
        );
    }
}
