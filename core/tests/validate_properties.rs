//! Properties of the validators over generated inputs: formatting never changes a number,
//! accepted values are stable, and no input makes a validator panic.
#![cfg(not(target_arch = "wasm32"))]

use convoso_leads_core::api::insert::RULES as INSERT;
use convoso_leads_core::api::recordings::RULES as RECORDINGS;
use convoso_leads_core::api::search::RULES as SEARCH;
use convoso_leads_core::api::update::RULES as UPDATE;
use convoso_leads_core::api::{
    validate_insert, validate_recordings, validate_search, validate_update,
};
use convoso_leads_core::api::{InsertParams, RecordingsParams, SearchParams, UpdateParams};
use convoso_leads_core::validate::codes;
use convoso_leads_core::validate::dates::{check_date, check_datetime};
use convoso_leads_core::validate::lead::Request;
use convoso_leads_core::validate::phone::parse_phone_code;
use convoso_leads_core::validate::{
    check_emails, validate_email, validate_phone, FieldError, PhoneOptions,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

const DEFAULT: PhoneOptions = PhoneOptions {
    phone_code: None,
    assigned_area_codes_only: false,
};

/// A structurally valid NANP number: `[2-9]XX` area code and exchange, neither N11.
fn nanp_digits() -> impl Strategy<Value = String> {
    let three = (2u8..=9, 0u8..=9, 0u8..=9)
        .prop_filter("not N11", |&(_, b, c)| !(b == 1 && c == 1))
        .prop_map(|(a, b, c)| format!("{a}{b}{c}"));
    (three.clone(), three, 0u32..10_000)
        .prop_map(|(area, exchange, line)| format!("{area}{exchange}{line:04}"))
}

/// One way a person might type `digits`: a prefix, separators between groups, parentheses,
/// and optionally full-width digits.
fn typed(digits: String) -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec!["", "1", "1 ", "1-", "+1", "+1 ", "+1-", "＋１ "]);
    let sep = prop::sample::select(vec!["", " ", "-", ".", "/", "\u{a0}", "\u{2013}", " - "]);
    let parens = any::<bool>();
    let wide = any::<bool>();
    (prefix, sep.clone(), sep, parens, wide, Just(digits)).prop_map(
        |(prefix, sep1, sep2, parens, wide, digits)| {
            let (area, rest) = digits.split_at(3);
            let (exchange, line) = rest.split_at(3);
            let area = if parens {
                format!("({area})")
            } else {
                area.to_string()
            };
            let text = format!("{prefix}{area}{sep1}{exchange}{sep2}{line}");
            if wide {
                text.chars()
                    .map(|c| match c {
                        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
                        _ => c,
                    })
                    .collect()
            } else {
                text
            }
        },
    )
}

fn valid_formatted_number() -> impl Strategy<Value = (String, String)> {
    nanp_digits().prop_flat_map(|digits| (Just(digits.clone()), typed(digits)))
}

/// A dot-atom local part and a domain within the RFC 5321 limits.
fn valid_address() -> impl Strategy<Value = String> {
    let atom = "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,12}";
    let local = prop::collection::vec(atom, 1..4).prop_map(|atoms| atoms.join("."));
    let label = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?";
    let domain = (prop::collection::vec(label, 1..4), "[a-zA-Z]{2,8}")
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")));
    (local, domain).prop_map(|(local, domain)| format!("{local}@{domain}"))
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's
/// `civil_from_days`): an oracle for calendar dates that shares nothing with `dates.rs`.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Every error names a field its request checks (or a caller-required one) and carries a
/// known code and a message.
fn well_formed(errors: &[FieldError], request: &Request) {
    for e in errors {
        assert!(request.fields().any(|f| f == e.field), "{e:?}");
        assert!(codes::ALL.iter().any(|(code, _)| *code == e.code), "{e:?}");
        assert!(!e.message.is_empty());
    }
}

fn request_fields(request: &Request) -> Vec<&'static str> {
    request.fields().collect()
}

/// A request object whose checked fields hold arbitrary strings, numbers or booleans.
fn arbitrary_request(request: &'static Request) -> impl Strategy<Value = Value> {
    let value = prop_oneof![
        any::<String>().prop_map(Value::from),
        "[0-9 +()./-]{0,20}".prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ];
    prop::collection::vec(
        (prop::sample::select(request_fields(request)), value),
        0..12,
    )
    .prop_map(|pairs| {
        Value::Object(
            pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<Map<_, _>>(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_formatting_of_a_valid_number_normalises_to_its_digits((digits, text) in valid_formatted_number()) {
        let phone = validate_phone(&text, &DEFAULT).map_err(|e| TestCaseError::fail(format!("{text:?}: {e:?}")))?;
        prop_assert_eq!(phone.phone_number(), digits.as_str());
        prop_assert_eq!(phone.phone_code(), "1");
        prop_assert_eq!(phone.e164(), format!("+1{digits}"));
    }

    #[test]
    fn accepted_numbers_are_stable(text in "[+０-９0-9 ()./-]{0,24}", code in prop::sample::select(vec!["1", "44", "49", "33", "91", "86", "7", "52"])) {
        let options = PhoneOptions { phone_code: Some(code), ..DEFAULT };
        if let Ok(phone) = validate_phone(&text, &options) {
            // Re-validating either output form gives the same number.
            prop_assert_eq!(validate_phone(phone.e164(), &DEFAULT), Ok(phone));
            let again = PhoneOptions { phone_code: Some(phone.phone_code()), ..DEFAULT };
            prop_assert_eq!(validate_phone(phone.phone_number(), &again), Ok(phone));
            prop_assert!(phone.e164().len() <= 16);
            prop_assert!(phone.phone_number().bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn assigned_only_accepts_a_subset(text in "[0-9]{10}") {
        let assigned = PhoneOptions { assigned_area_codes_only: true, ..DEFAULT };
        if validate_phone(&text, &assigned).is_ok() {
            prop_assert!(validate_phone(&text, &DEFAULT).is_ok());
        }
    }

    #[test]
    fn no_phone_input_panics(text in any::<String>(), code in any::<String>()) {
        let _ = validate_phone(&text, &DEFAULT);
        let _ = validate_phone(&text, &PhoneOptions { phone_code: Some(&code), assigned_area_codes_only: true });
        let _ = parse_phone_code(&code);
    }

    #[test]
    fn generated_addresses_are_valid_and_split_back(addresses in prop::collection::vec(valid_address(), 1..5), seps in prop::collection::vec(prop::sample::select(vec![",", ";", " ", ", ", " ; ", "\n", "\t,"]), 5)) {
        for address in &addresses {
            prop_assert_eq!(validate_email(address), Ok(()), "{}", address);
        }
        let mut field = String::new();
        for (address, sep) in addresses.iter().zip(seps.iter().cycle()) {
            field.push_str(address);
            field.push_str(sep);
        }
        let found: Vec<_> = check_emails(&field).map(|(_, a, v)| (a.to_string(), v.is_ok())).collect();
        let expected: Vec<_> = addresses.iter().map(|a| (a.clone(), true)).collect();
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn no_email_input_panics_and_indexes_count_up(text in any::<String>()) {
        let _ = validate_email(&text);
        for (expected, (index, address, _)) in check_emails(&text).enumerate() {
            prop_assert_eq!(index as usize, expected);
            prop_assert!(!address.is_empty());
        }
    }

    #[test]
    fn dates_are_real_calendar_days(y in 900i64..=10_050, m in 0i64..=13, d in 0i64..=32) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let real = (1..=12).contains(&m) && (1..=31).contains(&d)
            && civil_from_days(days_from_civil(y, m, d)) == (y, m, d)
            && (1000..=9999).contains(&y);
        prop_assert_eq!(check_date(&text).is_ok(), real, "{}", text);
        let time = format!("{text} 12:34:56");
        prop_assert_eq!(check_datetime(&time).is_ok(), real, "{}", time);
    }

    #[test]
    fn no_date_input_panics(text in any::<String>()) {
        let _ = check_date(&text);
        let _ = check_datetime(&text);
    }

    #[test]
    fn integer_ranges_hold_for_numbers_and_text(n in -1000i64..1000) {
        for (value, label) in [(Value::from(n), "number"), (Value::from(n.to_string()), "text")] {
            let lead = serde_json::json!({ "list_id": "1", "phone_number": "2015550123", "check_dup": value.clone(), "hopper_priority": value.clone(), "hopper_expires_in": value });
            let errors = validate_insert(&serde_json::from_value::<InsertParams>(lead).map_err(|e| TestCaseError::fail(e.to_string()))?);
            let fields: Vec<_> = errors.iter().map(|e| e.field.to_string()).collect();
            prop_assert_eq!(fields.contains(&"check_dup".to_string()), !(0..=4).contains(&n), "{}", label);
            prop_assert_eq!(fields.contains(&"hopper_priority".to_string()), !(0..=99).contains(&n), "{}", label);
            prop_assert_eq!(fields.contains(&"hopper_expires_in".to_string()), !(0..=300).contains(&n), "{}", label);
        }
    }

    #[test]
    fn no_insert_panics_and_errors_are_well_formed(lead in arbitrary_request(&INSERT)) {
        if let Ok(params) = serde_json::from_value::<InsertParams>(lead) {
            well_formed(&validate_insert(&params), &INSERT);
        }
    }

    #[test]
    fn no_other_request_panics(update in arbitrary_request(&UPDATE), search in arbitrary_request(&SEARCH), recordings in arbitrary_request(&RECORDINGS)) {
        if let Ok(params) = serde_json::from_value::<UpdateParams>(update) {
            well_formed(&validate_update(&params), &UPDATE);
        }
        if let Ok(params) = serde_json::from_value::<SearchParams>(search) {
            well_formed(&validate_search(&params), &SEARCH);
        }
        if let Ok(params) = serde_json::from_value::<RecordingsParams>(recordings) {
            well_formed(&validate_recordings(&params), &RECORDINGS);
        }
    }
}
