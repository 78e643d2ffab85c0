//! `--db`: data survives a restart, and an abrupt kill loses nothing acknowledged.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::{Sandbox, TOKEN};
use convoso_sandbox::Config;
use serde_json::json;

fn with_db(path: &Path) -> Config {
    Config {
        db: Some(path.to_path_buf()),
        seed: 10,
        ..Config::default()
    }
}

#[tokio::test]
async fn changes_survive_a_restart_and_the_seed_is_not_reapplied() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sandbox.db");
    let sb = Sandbox::with(with_db(&db)).await;
    let seeded = sb.stats().await["leads"].as_i64().unwrap();
    let id = sb
        .insert(&[
            ("list_id", "333"),
            ("phone_number", "2125550110"),
            ("field_3", "kept"),
        ])
        .await;
    sb.ok("update", &[("lead_id", "12345"), ("status", "COMPLETED")])
        .await;
    sb.ok("delete", &[("lead_id", "12346")]).await;
    sb.running.shutdown().await;

    let sb = Sandbox::with(with_db(&db)).await;
    assert_eq!(
        sb.stats().await["leads"].as_i64().unwrap(),
        seeded,
        "one in, one out"
    );
    let lead = sb.lead(&id).await;
    assert_eq!(
        (lead["phone_number"].clone(), lead["field_3"].clone()),
        (json!("2125550110"), json!("kept"))
    );
    assert_eq!(sb.lead("12345").await["status"], "COMPLETED");
    assert!(sb.lead("12346").await["deleted_at"].is_string());
    // New ids continue after the old ones.
    let next = sb
        .insert(&[("list_id", "333"), ("phone_number", "2125550111")])
        .await;
    assert!(next.parse::<i64>().unwrap() > id.parse::<i64>().unwrap());

    // Reset goes back to the seed, on disk as well.
    sb.admin_post("reset", json!({})).await;
    sb.running.shutdown().await;
    let sb = Sandbox::with(with_db(&db)).await;
    assert_eq!(sb.lead("12345").await["status"], "ACTIVE");
    assert_eq!(sb.admin_get(&format!("leads/{id}")).await.0, 404);
    sb.running.shutdown().await;
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_a_start_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("garbage.db");
    std::fs::write(&db, b"this is not sqlite, not at all, no".repeat(200)).unwrap();
    let err = convoso_sandbox::serve(with_db(&db))
        .await
        .err()
        .expect("refused");
    assert!(err.to_string().contains("storage"), "{err}");
}

/// The real binary on an ephemeral port; returns the child and its base URL.
fn spawn_binary(db: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_convoso-sandbox"))
        .args(["--port", "0", "--token", TOKEN, "--seed", "5", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("a listening line");
    let url = line
        .trim()
        .strip_prefix("convoso-sandbox listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/v1"),
        "{url}"
    );
    (child, url)
}

#[tokio::test]
async fn acknowledged_inserts_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("killed.db");
    let client = reqwest::Client::new();

    let (mut child, url) = spawn_binary(&db);
    let mut acknowledged = Vec::new();
    for n in 0..60 {
        let phone = format!("21255{:05}", 20_000 + n);
        let response = client
            .post(format!("{url}/leads/insert"))
            .form(&[
                ("auth_token", TOKEN),
                ("list_id", "333"),
                ("phone_number", phone.as_str()),
            ])
            .send()
            .await
            .unwrap();
        let body: serde_json::Value = response.json().await.unwrap();
        acknowledged.push((
            body["id"].as_str().expect("acknowledged").to_string(),
            phone,
        ));
    }
    // SIGKILL: no shutdown code runs.
    child.kill().unwrap();
    child.wait().unwrap();

    let (mut child, url) = spawn_binary(&db);
    for (id, phone) in &acknowledged {
        let response = client
            .post(format!("{url}/leads/search"))
            .form(&[("auth_token", TOKEN), ("lead_id", id.as_str())])
            .send()
            .await
            .unwrap();
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(
            body["results"][0]["phone_number"],
            phone.as_str(),
            "lead {id} lost"
        );
    }
    let origin = url.trim_end_matches("/v1");
    let stats: serde_json::Value = client
        .get(format!("{origin}/__sandbox/stats"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        stats["leads"],
        6 + acknowledged.len(),
        "seed (12345 + 5) plus every insert"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}
