//! Every search filter, every date-range pair, ordering and paging, checked against the
//! stored leads read independently through the admin API.

mod common;

use common::Sandbox;
use convoso_sandbox::Config;
use serde_json::{json, Value};

const SEED: u32 = 80;

async fn seeded() -> Sandbox {
    Sandbox::with(Config {
        seed: SEED,
        ..Config::default()
    })
    .await
}

/// Every stored lead (deleted ones included), by admin id lookup.
async fn all_leads(sb: &Sandbox) -> Vec<Value> {
    let mut leads = Vec::new();
    for id in 12345..=12345 + i64::from(SEED) {
        leads.push(sb.lead(&id.to_string()).await);
    }
    leads
}

/// Live-style search (its entries carry every filterable column); returns the entries.
async fn live_search(sb: &Sandbox, params: &[(&str, &str)]) -> Vec<Value> {
    let mut params = params.to_vec();
    params.push(("limit", "2000"));
    let (status, body) = sb.call_as(Some("live"), "search", &params).await;
    assert_eq!(status, 200, "{params:?}: {body}");
    assert_eq!(body["success"], true, "{params:?}: {body}");
    body["data"]["entries"].as_array().unwrap().clone()
}

fn ids(leads: &[Value]) -> Vec<String> {
    leads
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_equality_filter_finds_exactly_the_matching_leads() {
    let sb = seeded().await;
    let fields = [
        ("list_id", "334"),
        ("owner_id", "22225"),
        ("status", "PENDING"),
        ("created_by", "filter-test"),
        ("email", "filter@example.com"),
        ("last_modified_by", "filter-editor"),
        ("first_name", "Filtra"),
        ("last_name", "Testova"),
        ("phone_number", "2125550177"),
        ("alt_phone_1", "2125550178"),
        ("alt_phone_2", "2125550179"),
        ("address1", "77 Filter Rd"),
        ("address2", "Unit 7"),
        ("city", "Filterville"),
        ("state", "WY"),
        ("province", "Teton"),
        ("postal_code", "83001"),
        ("country", "CA"),
        ("gender", "Other"),
        ("date_of_birth", "1977-07-07"),
        ("std_company_name", "Filter Co"),
        ("std_consumer_number", "CN-77"),
        ("std_account_number", "AN-77"),
    ];
    let id = sb.insert(&fields).await;
    let everyone = all_leads(&sb).await;
    let mut checked = 0;
    for (name, value) in fields
        .iter()
        .copied()
        .chain([("user_id", "22225"), ("lead_id", id.as_str())])
    {
        let found = live_search(&sb, &[(name, value)]).await;
        let column = if name == "lead_id" { "id" } else { name };
        assert!(ids(&found).contains(&id), "{name}={value} misses the lead");
        for lead in &found {
            assert!(
                lead[column].as_str().unwrap().eq_ignore_ascii_case(value),
                "{name}={value} found {lead}"
            );
        }
        // Nothing visible with that value is missed either.
        let expected = everyone
            .iter()
            .filter(|l| l["deleted_at"].is_null() && l["archived_at"].is_null())
            .filter(|l| {
                l[column]
                    .as_str()
                    .is_some_and(|v| v.eq_ignore_ascii_case(value))
            })
            .count()
            + 1; // the lead inserted above, which `everyone` does not cover
        assert_eq!(found.len(), expected, "{name}={value}");
        checked += 1;
    }
    assert_eq!(checked, 25);
    // Seeded values are searchable too, and matching ignores case and phone punctuation.
    assert_eq!(
        ids(&live_search(&sb, &[("first_name", "JOHN"), ("last_name", "doe")]).await),
        ["12345"]
    );
    assert_eq!(
        ids(&live_search(&sb, &[("phone_number", "(555) 123-4567")]).await),
        ["12345"]
    );
    assert!(live_search(&sb, &[("first_name", "Nobody")])
        .await
        .is_empty());
    assert!(live_search(&sb, &[("lead_id", "abc")]).await.is_empty());
}

/// The six date-range pairs: (start param, end param, stored column).
const RANGES: &[(&str, &str, &str)] = &[
    ("created_at_start_date", "created_at_end_date", "created_at"),
    (
        "updated_at_start_date",
        "updated_at_end_date",
        "modified_at",
    ),
    ("changed_at_start_date", "changed_at_end_date", "changed_at"),
    ("deleted_at_start", "deleted_at_end", "deleted_at"),
    ("archived_at_start", "archived_at_end", "archived_at"),
    (
        "last_call_start_date",
        "last_call_end_date",
        "last_called_at",
    ),
];

/// What a range search must return, computed from the stored leads: deleted and archived
/// leads only show up in a search on their own range.
fn expected(everyone: &[Value], column: &str, from: &str, until: &str) -> Vec<String> {
    let mut found: Vec<String> = everyone
        .iter()
        .filter(|l| column == "deleted_at" || l["deleted_at"].is_null())
        .filter(|l| column == "archived_at" || l["archived_at"].is_null())
        .filter(|l| l[column].as_str().is_some_and(|v| v >= from && v <= until))
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    found.sort_by_key(|id| id.parse::<i64>().unwrap());
    found
}

#[tokio::test]
async fn every_date_range_pair_matches_the_stored_timestamps() {
    let sb = seeded().await;
    let everyone = all_leads(&sb).await;
    for &(start, end, column) in RANGES {
        let cases = [
            (
                Some("2026-01-20"),
                Some("2026-02-10"),
                "2026-01-20 00:00:00",
                "2026-02-10 23:59:59",
            ),
            (Some("2026-02-01"), None, "2026-02-01 00:00:00", "9999"),
            (None, Some("2026-01-31"), "0000", "2026-01-31 23:59:59"),
            (
                Some("2026-01-15 12:00:00"),
                Some("2026-02-15 12:00:00"),
                "2026-01-15 12:00:00",
                "2026-02-15 12:00:00",
            ),
        ];
        let mut total = 0;
        for (from, until, lo, hi) in cases {
            let mut params = Vec::new();
            params.extend(from.map(|v| (start, v)));
            params.extend(until.map(|v| (end, v)));
            let mut got = ids(&live_search(&sb, &params).await);
            got.sort_by_key(|id| id.parse::<i64>().unwrap());
            let want = expected(&everyone, column, lo, hi);
            assert_eq!(got, want, "{params:?}");
            total += want.len();
        }
        assert!(
            total > 0,
            "{column}: the seed must give the range something to find"
        );
        let (status, _) = sb.call("search", &[(start, "01/02/2026")]).await;
        assert_eq!(status, 400, "{start} rejects other date formats");
        let (status, _) = sb.call("search", &[(end, "2026-02-30")]).await;
        assert_eq!(status, 400, "{end} rejects impossible dates");
    }
}

#[tokio::test]
async fn deleted_leads_are_found_by_their_deletion_date_only() {
    let sb = seeded().await;
    sb.ok("delete", &[("lead_id", "12345")]).await;
    assert!(live_search(&sb, &[("phone_number", "5551234567")])
        .await
        .is_empty());
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let found = live_search(
        &sb,
        &[("deleted_at_start", &today), ("phone_number", "5551234567")],
    )
    .await;
    assert_eq!(ids(&found), ["12345"]);
    assert!(found[0]["deleted_at"].is_string());
}

#[tokio::test]
async fn ordering_is_by_id_or_by_update_time_with_an_updated_at_range() {
    let sb = seeded().await;
    let by_id = ids(&live_search(&sb, &[]).await);
    let mut sorted = by_id.clone();
    sorted.sort_by_key(|id| id.parse::<i64>().unwrap());
    assert_eq!(by_id, sorted);

    let by_update = live_search(&sb, &[("updated_at_start_date", "2026-01-01")]).await;
    let keys: Vec<(String, i64)> = by_update
        .iter()
        .map(|l| {
            (
                l["modified_at"].as_str().unwrap().to_string(),
                l["id"].as_str().unwrap().parse().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_ne!(
        ids(&by_update),
        by_id,
        "update order differs from id order for this seed"
    );
}

#[tokio::test]
async fn paging_walks_the_whole_result_without_gaps_or_repeats() {
    let sb = seeded().await;
    for filter in [
        vec![],
        vec![("updated_at_end_date", "2026-12-31")],
        vec![("list_id", "333")],
    ] {
        let all = ids(&live_search(&sb, &filter).await);
        assert!(all.len() > 7);
        let mut paged = Vec::new();
        let mut offset = 0;
        loop {
            let (offset_s, mut params) = (offset.to_string(), filter.clone());
            params.extend([("limit", "7"), ("offset", offset_s.as_str())]);
            let (_, body) = sb.call_as(Some("live"), "search", &params).await;
            assert_eq!(body["data"]["total"], all.len().to_string());
            let page = ids(body["data"]["entries"].as_array().unwrap());
            if page.is_empty() {
                break;
            }
            assert!(page.len() <= 7);
            paged.extend(page);
            offset += 7;
        }
        assert_eq!(paged, all, "{filter:?}");
    }
    let far = sb.ok("search", &[("offset", "100000")]).await;
    assert_eq!(far["results"], json!([]));
    assert_eq!(far["offset"], 100000);
}
