#![cfg(all(feature = "client", not(target_arch = "wasm32")))]
//! Decodes every response body in `tests/fixtures/responses/<endpoint>/` and compares the
//! outcome with the `<name>.expect.json` beside it: the normalised result, or the error's kind,
//! status, code and message. Results are also read back into the typed records (`Lead`,
//! `Recording`), so the normalisation and the declared types cannot drift apart.

use std::fs;
use std::path::{Path, PathBuf};

use convoso_leads_core::api::recordings::Recording;
use convoso_leads_core::api::search::Lead;
use convoso_leads_core::api::Params;
use convoso_leads_core::api::{
    DeleteParams, InsertParams, RecordingsParams, SearchParams, Typed, UpdateParams,
};
use convoso_leads_core::client::{finish, Config};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/responses");

struct Case {
    name: String,
    body: String,
    expect: Value,
}

fn cases(endpoint: &str) -> Vec<Case> {
    let dir = Path::new(CORPUS).join(endpoint);
    let mut bodies: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable dir entry").path())
        .filter(|p| !p.to_string_lossy().ends_with(".expect.json"))
        .collect();
    bodies.sort();
    bodies
        .into_iter()
        .map(|body_path| {
            let stem = body_path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("utf-8 name");
            let expect_path = dir.join(format!("{stem}.expect.json"));
            let expect = fs::read_to_string(&expect_path)
                .unwrap_or_else(|e| panic!("{} has no expectation: {e}", body_path.display()));
            Case {
                name: format!("{endpoint}/{stem}"),
                body: fs::read_to_string(&body_path).expect("utf-8 body"),
                expect: serde_json::from_str(&expect).expect("expectation is JSON"),
            }
        })
        .collect()
}

/// Decodes every case of one endpoint; `check_items` reads the normalised result back into the
/// typed records. Returns how many cases ran.
fn run<P>(endpoint: &str, check_items: fn(&Value)) -> usize
where
    P: Typed + DeserializeOwned + Default,
{
    let cases = cases(endpoint);
    assert!(!cases.is_empty(), "no fixtures for {endpoint}");
    for case in &cases {
        let expect = &case.expect;
        let status = expect["status"].as_u64().expect("status") as u16;
        let params: P = match expect.get("params") {
            Some(p) => serde_json::from_value(p.clone()).expect("params"),
            None => P::default(),
        };
        let config = Config {
            auth_token: expect["auth_token"].as_str().map(str::to_owned),
            ..Config::default()
        };
        let outcome = finish::<Value>(&config, &Params::of(&params), status, case.body.as_str());
        match (outcome, expect.get("result"), expect.get("error")) {
            (Ok(result), Some(want), None) => {
                let got = serde_json::to_value(&result).expect("serialisable");
                assert_eq!(&got, want, "{}: result", case.name);
                check_items(&got);
            }
            (Err(error), None, Some(want)) => {
                let got = json!({
                    "kind": error.kind(),
                    "status": error.status(),
                    "code": error.code(),
                    "message": error.to_string(),
                });
                assert_eq!(&got, want, "{}: error", case.name);
                if let Some(token) = config.auth_token.as_deref() {
                    assert!(
                        !format!("{error:?}").contains(token),
                        "{}: token leaked",
                        case.name
                    );
                }
            }
            (Ok(result), ..) => panic!("{}: unexpected success {}", case.name, json!(result)),
            (Err(error), ..) => panic!("{}: unexpected error {error:?}", case.name),
        }
    }
    cases.len()
}

fn typed<T: DeserializeOwned>(items: &Value) {
    for item in items.as_array().expect("a list") {
        if let Err(e) = serde_json::from_value::<T>(item.clone()) {
            panic!("{item} does not match its declared type: {e}");
        }
    }
}

#[test]
fn search_fixtures() {
    assert!(run::<SearchParams>("search", |page| typed::<Lead>(&page["results"])) >= 20);
}

#[test]
fn recordings_fixtures() {
    assert!(
        run::<RecordingsParams>("recordings", |page| typed::<Recording>(&page["entries"])) >= 5
    );
}

#[test]
fn insert_fixtures() {
    assert!(run::<InsertParams>("insert", |_| ()) >= 5);
}

#[test]
fn update_fixtures() {
    assert!(run::<UpdateParams>("update", |_| ()) >= 4);
}

#[test]
fn delete_fixtures() {
    assert!(run::<DeleteParams>("delete", |_| ()) >= 4);
}

#[test]
fn every_fixture_directory_is_an_endpoint() {
    let mut dirs: Vec<String> = fs::read_dir(CORPUS)
        .expect("corpus")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(dirs, ["delete", "insert", "recordings", "search", "update"]);
}

#[test]
fn typed_lead_keeps_custom_fields() {
    let lead: Lead =
        serde_json::from_value(json!({"id": "1", "field_1": "blue", "first_name": null}))
            .expect("a lead");
    assert_eq!(lead.id, "1");
    assert_eq!(lead.first_name, None);
    assert_eq!(lead.extra.get("field_1"), Some(&json!("blue")));
}

#[test]
fn wasm_corpus_lists_every_fixture() {
    let listing = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/wasm_fixtures.rs"
    ))
    .expect("tests/wasm_fixtures.rs");
    let mut count = 0;
    for endpoint in ["delete", "insert", "recordings", "search", "update"] {
        for entry in fs::read_dir(Path::new(CORPUS).join(endpoint)).expect("endpoint dir") {
            let file = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            let Some((stem, ext)) = file.rsplit_once('.') else {
                continue;
            };
            if file.ends_with(".expect.json") {
                continue;
            }
            let line = format!(r#"("{endpoint}", "{stem}", "{ext}"),"#);
            assert!(
                listing.contains(&line),
                "tests/wasm_fixtures.rs does not list {endpoint}/{file}"
            );
            count += 1;
        }
    }
    let listed = listing
        .lines()
        .filter(|l| l.trim_start().starts_with("(\""))
        .count();
    assert_eq!(
        listed, count,
        "tests/wasm_fixtures.rs lists fixtures that do not exist"
    );
}
