//! `cli/fields.js` is generated from the endpoint declarations, so the command line's column
//! names and export flags cannot drift from the client's. This test renders it and compares;
//! `UPDATE_CLI_FIELDS=1 cargo test -p convoso-leads-core --test cli_fields` rewrites it.

use convoso_leads_core::api::{insert, search};
use convoso_leads_core::wire::shape::Record;

fn list(names: impl Iterator<Item = &'static str>) -> String {
    let quoted: Vec<String> = names.map(|n| format!("  '{n}',")).collect();
    quoted.join("\n")
}

fn render() -> String {
    let lead = search::Lead::FIELDS.iter().map(|f| f.name);
    format!(
        "// Generated from core/src/api/*.rs by core/tests/cli_fields.rs: do not edit.\n\
         \n\
         /** Every parameter of POST /leads/insert, in declaration order. */\n\
         export const INSERT_FIELDS = Object.freeze([\n{}\n]);\n\
         \n\
         /** Every parameter of POST /leads/search (the export filters), in declaration order. */\n\
         export const SEARCH_FIELDS = Object.freeze([\n{}\n]);\n\
         \n\
         /** The documented fields of a lead as search returns it. */\n\
         export const LEAD_FIELDS = Object.freeze([\n{}\n]);\n",
        list(insert::ENDPOINT.params.names()),
        list(search::ENDPOINT.params.names()),
        list(lead),
    )
}

#[test]
fn cli_fields_match_the_endpoint_declarations() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../cli/fields.js");
    let expected = render();
    if std::env::var_os("UPDATE_CLI_FIELDS").is_some() {
        std::fs::write(path, &expected).expect("cli/fields.js is writable");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "cli/fields.js is stale: run UPDATE_CLI_FIELDS=1 cargo test -p convoso-leads-core --test cli_fields"
    );
}
