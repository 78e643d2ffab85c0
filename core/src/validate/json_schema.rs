//! JSON Schema for each request, from the same declarations the validators run (`api/*.rs`):
//! what the package's Standard Schema objects answer to `~standard.jsonSchema`.
//!
//! JSON Schema cannot say everything a validator checks (NANP area-code rules, real calendar
//! days, a postal code that depends on the country). Where it cannot, a field gets the closest
//! `pattern` that **never rejects what the validator accepts**, so a JSON Schema consumer is
//! looser, never stricter. The README's Forms section lists those fields.
//!
//! Two schemas per request: the *input* (what a form may hold: blank optional fields, numbers
//! for text, formatted phones, surrounding spaces where the validator trims) and the *output*
//! (the normalised request the validators return: no blank fields, text trimmed, numbers as
//! their text, phones as digits, no key the endpoint does not take).
//!
//! [`field_type`] is the one mapping from a parameter's kind and rule to both fragments; the
//! package's `src/wasm/fields.js` is generated from it (`core/tests/form_fields.rs`).

use alloc::format;
use alloc::string::String;

use super::dates::Form;
use super::lead::{Check, Choice, Need, Whole};
use crate::wire::params::Kind;

/// A field's input and output JSON Schema fragments (JSON text).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldType {
    pub input: String,
    pub output: String,
}

/// ASCII whitespace, as the validators trim it.
const WS: &str = "[\\t\\n\\f\\r ]*";
/// A non-blank value (a required field): something besides ASCII whitespace.
const NOT_BLANK: &str = "[^\\t\\n\\f\\r ]";
/// `YYYY-MM-DD`, years 1000-9999, months 01-12, days 01-31 (which month has a 31st is the
/// validator's).
const DATE: &str = "[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
/// `HH:MM:SS`, 24-hour, no leap second.
const TIME: &str = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]";
/// What phones may hold besides digits: spaces (also no-break and ideographic), `+ - . ( ) /`,
/// Unicode dashes, and full-width `( ) + - .`.
const PHONE_SEP: &str =
    "[-+.()/ \\t\\u00a0\\u2010-\\u2015\\u2212\\u3000\\uff08\\uff09\\uff0b\\uff0d\\uff0e]";
/// ASCII and full-width digits.
const PHONE_DIGIT: &str = "[0-9\\uff10-\\uff19]";

/// The type of a parameter of `kind` with `rule` (`None`: the service takes it as given).
pub fn field_type(kind: Kind, rule: Option<(Check, Need)>) -> FieldType {
    let required = rule.is_some_and(|(_, need)| need != Need::Optional);
    let check = rule.map(|(check, _)| check);
    let (input, output) = match (kind, check) {
        (Kind::Text, Some(Check::Phone)) => {
            // At most 15 digits, in any formatting: the validator's own bound.
            let typed = format!("^{PHONE_SEP}*({PHONE_DIGIT}{PHONE_SEP}*){{1,15}}$");
            (
                text_or_integer(&typed, 0, 999_999_999_999_999),
                string("^[0-9]{1,15}$"),
            )
        }
        (Kind::Text, Some(Check::PhoneCode)) => (
            text_or_integer(&format!("^{WS}\\+?[1-9][0-9]{{0,2}}{WS}$"), 1, 999),
            string("^[1-9][0-9]{0,2}$"),
        ),
        // Addresses are ASCII; separators are `,` `;` and whitespace.
        (Kind::Text, Some(Check::Emails)) => (
            string("^[\\t\\n\\f\\r -~]*$"),
            string(&format!("^{NOT_BLANK}([\\t\\n\\f\\r -~]*{NOT_BLANK})?$")),
        ),
        (Kind::Text, Some(Check::Date(form))) => {
            let pattern = match form {
                Form::Date => format!("^{DATE}$"),
                Form::DateTime => format!("^{DATE} {TIME}$"),
                Form::Either => format!("^{DATE}( {TIME})?$"),
            };
            (string(&pattern), string(&pattern))
        }
        (Kind::Text, Some(Check::Country)) => (string("^[A-Za-z]{2}$"), string("^[A-Za-z]{2}$")),
        (Kind::Text, Some(Check::Words(choice))) => {
            let pattern = match choice {
                Choice::CarrierTypes => {
                    let word = "(MOBILE|VOIP|LANDLINE)";
                    format!("^{WS}{word}{WS}(,{WS}{word}{WS})*$")
                }
                Choice::Order => String::from("^(ASC|DESC)$"),
            };
            // Trimmed text still matches.
            (string(&pattern), string(&pattern))
        }
        (Kind::Text, Some(Check::LeadId)) => (
            text_or_integer(&format!("^{WS}[0-9]+{WS}$"), 0, i64::MAX),
            string("^[0-9]+$"),
        ),
        // State and postal code rules depend on the country (free text outside the US and
        // Canada), so any text may be valid.
        (Kind::Text, _) if required => (
            format!(r#"{{"anyOf":[{},{{"type":"number"}}]}}"#, string(NOT_BLANK)),
            string(&format!("^{NOT_BLANK}([\\s\\S]*{NOT_BLANK})?$")),
        ),
        (Kind::Text, _) => (
            String::from(r#"{"type":["string","number"]}"#),
            string(&format!("^{NOT_BLANK}([\\s\\S]*{NOT_BLANK})?$")),
        ),
        (Kind::Int, Some(Check::Int(whole))) => {
            let range = whole.range();
            let digits = whole_pattern(whole);
            (
                whole_number(
                    &format!("^{WS}(\\+?{digits}|-0+){WS}$"),
                    range.min,
                    range.max,
                ),
                whole_number(&format!("^(\\+?{digits}|-0+)$"), range.min, range.max),
            )
        }
        (Kind::Int, _) => (
            whole_number(&format!("^{WS}[+-]?[0-9]+{WS}$"), i64::MIN, i64::MAX),
            whole_number("^[+-]?[0-9]+$", i64::MIN, i64::MAX),
        ),
        (Kind::Number, _) => {
            let decimal = "[+-]?[0-9]+(\\.[0-9]+)?";
            (
                number_or_text(&format!("^{WS}{decimal}{WS}$")),
                number_or_text(&format!("^{decimal}$")),
            )
        }
        (Kind::Flag, _) => {
            let flag = String::from(r#"{"type":["boolean","number","string"]}"#);
            (flag.clone(), flag)
        }
    };
    FieldType { input, output }
}

/// A JSON string literal of `text` (the patterns hold backslashes and quotes only).
fn json_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn string(pattern: &str) -> String {
    format!(r#"{{"type":"string","pattern":{}}}"#, json_string(pattern))
}

/// Text matching `pattern`, or a whole number in `min..=max` (the validators read digits).
fn text_or_integer(pattern: &str, min: i64, max: i64) -> String {
    format!(r#"{{"anyOf":[{},{}]}}"#, string(pattern), integer(min, max))
}

/// A whole number in `min..=max`, or text that reads as one (`pattern`).
fn whole_number(pattern: &str, min: i64, max: i64) -> String {
    format!(r#"{{"anyOf":[{},{}]}}"#, integer(min, max), string(pattern))
}

fn integer(min: i64, max: i64) -> String {
    let mut bounds = String::new();
    // JSON numbers past 2^53 are not exact: an unbounded side is left open.
    if min > i64::MIN {
        bounds += &format!(r#","minimum":{min}"#);
    }
    if max < (1 << 53) {
        bounds += &format!(r#","maximum":{max}"#);
    }
    format!(r#"{{"type":"integer"{bounds}}}"#)
}

fn number_or_text(pattern: &str) -> String {
    format!(r#"{{"anyOf":[{{"type":"number"}},{}]}}"#, string(pattern))
}

/// The digits of a whole number in the range, leading zeros allowed (the validators read
/// `007` as 7).
fn whole_pattern(whole: Whole) -> &'static str {
    match whole {
        Whole::CheckDup => "0*[0-4]",
        Whole::HopperPriority => "0*[0-9]{1,2}",
        Whole::HopperExpiresIn => "0*([0-9]{1,2}|[12][0-9]{2}|300)",
        Whole::Offset | Whole::Id => "[0-9]+",
        Whole::SearchLimit => "0*([1-9][0-9]{0,2}|1[0-9]{3}|2000)",
        Whole::RecordingsLimit => "0*([1-9][0-9]?|100)",
    }
}
