//! `src/wasm/fields.js`, the table the package's Standard Schemas and validators read (field
//! names, JSON Schema), is generated from the endpoint declarations and
//! `validate::json_schema`, so it cannot drift from the rules. This test renders it and
//! compares; `UPDATE_FORM_FIELDS=1 cargo test -p convoso-leads-core --test form_fields`
//! rewrites it. (Native only: the JSON Schema mapping is build-time knowledge, in no module.)
#![cfg(not(target_arch = "wasm32"))]

use convoso_leads_core::api::{insert, recordings, search, update};
use convoso_leads_core::validate::json_schema::{field_type, FieldType};
use convoso_leads_core::validate::lead::{Need, Request};
use convoso_leads_core::wire::params::ParamList;

/// The requests in the validators' order (their `kind` 0-3).
fn requests() -> [(&'static ParamList, &'static Request); 4] {
    [
        (&insert::ENDPOINT.params, &insert::RULES),
        (&update::ENDPOINT.params, &update::RULES),
        (&search::ENDPOINT.params, &search::RULES),
        (&recordings::ENDPOINT.params, &recordings::RULES),
    ]
}

fn render() -> String {
    let mut types: Vec<FieldType> = Vec::new();
    let mut type_of = Vec::new();
    for (params, rules) in requests() {
        let mut t = String::new();
        // The order the validation module gives the names in (`v_names`): those with a rule,
        // then the others.
        let ruled = rules.rules.iter().map(Some).chain(core::iter::repeat(None));
        for (name, rule) in rules.fields().zip(ruled) {
            let kind = params
                .iter()
                .find(|(param, _)| *param == name)
                .map(|(_, kind)| kind)
                .unwrap_or_else(|| panic!("{name} is in the rules but not a parameter"));
            let rule = rule.map(|rule| (rule.check, rule.need));
            let required = rule.is_some_and(|(_, need)| need != Need::Optional);
            let field = field_type(kind, rule);
            let index = types.iter().position(|t| *t == field).unwrap_or_else(|| {
                types.push(field);
                types.len() - 1
            });
            assert!(index < 26, "more field types than letters");
            let letter = (b'a' + index as u8) as char;
            t.push(if required {
                letter.to_ascii_uppercase()
            } else {
                letter
            });
        }
        assert_eq!(t.len(), params.iter().count(), "every parameter once");
        type_of.push(format!("  '{t}',"));
    }
    let types: Vec<String> = types
        .iter()
        // One fragment when the input is the output.
        .map(|t| match t.input == t.output {
            true => format!("  [{}],", t.output),
            false => format!("  [{}, {}],", t.input, t.output),
        })
        .collect();
    format!(
        "// Generated from core/src/api/*.rs and core/src/validate/json_schema.rs by\n\
         // core/tests/form_fields.rs: do not edit.\n\
         \n\
         /**\n\
         \x20* Each field's JSON Schema type, per request in the validators' order (insert, update,\n\
         \x20* search, get-recordings): a letter per field (`a` is TYPES[0]; upper case: required),\n\
         \x20* in the order the validation module names the fields (`fieldNames`).\n\
         \x20*/\n\
         export const TYPE_OF = [\n{}\n];\n\
         \n\
         /** The JSON Schema types: [input, output], or [both] when the input is the output. */\n\
         export const TYPES = [\n{}\n];\n",
        type_of.join("\n"),
        types.join("\n"),
    )
}

#[test]
fn form_fields_match_the_endpoint_declarations() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/wasm/fields.js");
    let expected = render();
    if std::env::var_os("UPDATE_FORM_FIELDS").is_some() {
        std::fs::write(path, &expected).expect("src/wasm/fields.js is writable");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "src/wasm/fields.js is stale: run UPDATE_FORM_FIELDS=1 cargo test -p convoso-leads-core --test form_fields"
    );
}
