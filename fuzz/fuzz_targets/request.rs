//! Whole requests of every endpoint with arbitrary values in the fields they check: no panic,
//! and every error names one of the request's fields with a known code.
#![no_main]

use arbitrary::Arbitrary;
use convoso_leads_core::api::insert::RULES as INSERT;
use convoso_leads_core::api::recordings::RULES as RECORDINGS;
use convoso_leads_core::api::search::RULES as SEARCH;
use convoso_leads_core::api::update::RULES as UPDATE;
use convoso_leads_core::api::{
    validate_insert, validate_recordings, validate_search, validate_update, InsertParams,
    RecordingsParams, SearchParams, UpdateParams,
};
use convoso_leads_core::validate::lead::Request;
use convoso_leads_core::validate::{codes, FieldError};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

#[derive(Arbitrary, Debug)]
enum Scalar {
    Text(String),
    Int(i64),
    Float(f64),
    Flag(bool),
    Null,
}

#[derive(Arbitrary, Debug)]
struct Input {
    endpoint: u8,
    fields: Vec<(u8, Scalar)>,
}

fn object(request: &Request, fields: Vec<(u8, Scalar)>) -> Value {
    let mut map = Map::new();
    for (which, scalar) in fields {
        let Some(field) = request
            .fields()
            .nth(usize::from(which) % request.rules.len())
        else {
            continue;
        };
        let value = match scalar {
            Scalar::Text(s) => Value::from(s),
            Scalar::Int(n) => Value::from(n),
            Scalar::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
            Scalar::Flag(b) => Value::from(b),
            Scalar::Null => Value::Null,
        };
        map.insert(field.to_string(), value);
    }
    Value::Object(map)
}

fn check(request: &Request, errors: Vec<FieldError>) {
    for e in errors {
        assert!(request.fields().any(|f| f == e.field), "{e:?}");
        assert!(codes::ALL.iter().any(|(code, _)| *code == e.code), "{e:?}");
    }
}

fuzz_target!(|input: Input| {
    match input.endpoint % 4 {
        0 => {
            let value = object(&INSERT, input.fields);
            if let Ok(p) = serde_json::from_value::<InsertParams>(value) {
                check(&INSERT, validate_insert(&p));
            }
        }
        1 => {
            let value = object(&UPDATE, input.fields);
            if let Ok(p) = serde_json::from_value::<UpdateParams>(value) {
                check(&UPDATE, validate_update(&p));
            }
        }
        2 => {
            let value = object(&SEARCH, input.fields);
            if let Ok(p) = serde_json::from_value::<SearchParams>(value) {
                check(&SEARCH, validate_search(&p));
            }
        }
        _ => {
            let value = object(&RECORDINGS, input.fields);
            if let Ok(p) = serde_json::from_value::<RecordingsParams>(value) {
                check(&RECORDINGS, validate_recordings(&p));
            }
        }
    }
});
