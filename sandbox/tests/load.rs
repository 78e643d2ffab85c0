//! Bounded load on loopback: 200 concurrent clients, 20,000 mixed requests; zero failures
//! and zero lost inserts, checked by count afterwards.

mod common;

use std::sync::Arc;
use std::time::Instant;

use common::{Sandbox, TOKEN};
use serde_json::Value;

const CLIENTS: usize = 200;
const PER_CLIENT: usize = 100;

#[derive(Default)]
struct Tally {
    inserted: i64,
    deleted: i64,
    failures: Vec<String>,
}

async fn one_client(sb: Arc<Sandbox>, client: usize) -> Tally {
    let mut tally = Tally::default();
    let mut mine: Vec<String> = Vec::new();
    for step in 0..PER_CLIENT {
        let phone = format!("3{:03}{:06}", 100 + client, step);
        let marker = format!("load-{client}");
        let (endpoint, params): (&str, Vec<(&str, String)>) = match (client + step) % 10 {
            0..=2 => (
                "search",
                vec![("list_id", "333".into()), ("limit", "20".into())],
            ),
            3 => ("search", vec![("created_by", marker.clone())]),
            4 | 5 => (
                "insert",
                vec![
                    ("list_id", "334".into()),
                    ("phone_number", phone),
                    ("first_name", "Load".into()),
                    ("created_by", marker.clone()),
                ],
            ),
            6 => (
                "update",
                vec![
                    (
                        "lead_id",
                        mine.last().cloned().unwrap_or_else(|| "12345".into()),
                    ),
                    ("status", "LOADED".into()),
                ],
            ),
            7 => ("get-recordings", vec![("lead_id", "12345".into())]),
            8 => match mine.pop() {
                Some(id) => ("delete", vec![("lead_id", id)]),
                None => ("search", vec![("lead_id", "12345".into())]),
            },
            _ => ("search", vec![("phone_number", "5551234567".into())]),
        };
        let mut form: Vec<(&str, &str)> = vec![("auth_token", TOKEN)];
        form.extend(params.iter().map(|(k, v)| (*k, v.as_str())));
        let result = sb.client.post(sb.url(endpoint)).form(&form).send().await;
        let body: Option<Value> = match result {
            Ok(response) if response.status() == 200 => response.json().await.ok(),
            Ok(response) => {
                tally
                    .failures
                    .push(format!("{endpoint}: HTTP {}", response.status()));
                continue;
            }
            Err(err) => {
                tally.failures.push(format!("{endpoint}: {err}"));
                continue;
            }
        };
        match body {
            Some(body) if body["success"] != false => match endpoint {
                "insert" => {
                    tally.inserted += 1;
                    mine.push(body["id"].as_str().unwrap_or_default().to_string());
                }
                "delete" => tally.deleted += 1,
                _ => {}
            },
            other => tally.failures.push(format!("{endpoint}: {other:?}")),
        }
    }
    tally
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_clients_twenty_thousand_requests() {
    let mut sandbox = Sandbox::start().await;
    sandbox.client = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()
        .unwrap();
    let sb = Arc::new(sandbox);
    let leads_before = sb.stats().await["leads"].as_i64().unwrap();

    let started = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|c| tokio::spawn(one_client(Arc::clone(&sb), c)))
        .collect();
    let mut total = Tally::default();
    for task in tasks {
        let tally = task.await.unwrap();
        total.inserted += tally.inserted;
        total.deleted += tally.deleted;
        total.failures.extend(tally.failures);
    }
    let elapsed = started.elapsed();
    let requests = (CLIENTS * PER_CLIENT) as f64;
    println!(
        "load: {CLIENTS} clients, {requests} requests in {:.2} s = {:.0} req/s; {} inserted, {} deleted, {} failed",
        elapsed.as_secs_f64(),
        requests / elapsed.as_secs_f64(),
        total.inserted,
        total.deleted,
        total.failures.len()
    );

    assert!(
        total.failures.is_empty(),
        "{} failed, first: {:?}",
        total.failures.len(),
        total.failures.first()
    );
    let stats = sb.stats().await;
    assert_eq!(
        stats["requests"]["total"],
        CLIENTS * PER_CLIENT,
        "every request arrived"
    );
    assert_eq!(
        stats["leads"].as_i64().unwrap(),
        leads_before + total.inserted - total.deleted,
        "no insert lost"
    );
    assert!(
        total.inserted >= 3000 && total.deleted >= 1000,
        "the mix wrote enough to matter"
    );
    // The survivors are findable, each client's separately.
    let mut found = 0;
    for client in 0..CLIENTS {
        let marker = format!("load-{client}");
        let (_, body) = sb
            .call_as(
                Some("live"),
                "search",
                &[("created_by", &marker), ("limit", "1")],
            )
            .await;
        found += body["data"]["total"]
            .as_str()
            .unwrap()
            .parse::<i64>()
            .unwrap();
    }
    assert_eq!(found, total.inserted - total.deleted);
}
