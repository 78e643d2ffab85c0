//! Phone rules, one documented decision per case.

use convoso_leads_core::validate::codes::{INVALID_PHONE, INVALID_PHONE_CODE};
use convoso_leads_core::validate::phone::area_code_in_service;
use convoso_leads_core::validate::{validate_phone, PhoneOptions};

const DEFAULT: PhoneOptions = PhoneOptions {
    phone_code: None,
    assigned_area_codes_only: false,
};

fn ok(input: &str, options: &PhoneOptions) -> (String, String, String) {
    match validate_phone(input, options) {
        Ok(p) => (
            p.phone_number().into(),
            p.phone_code().into(),
            p.e164().into(),
        ),
        Err(e) => panic!("{input:?} rejected: {e:?}"),
    }
}

fn rejected(input: &str, options: &PhoneOptions) -> (u32, &'static str) {
    match validate_phone(input, options) {
        Ok(p) => panic!("{input:?} accepted as {p:?}"),
        Err(e) => (e.code.into(), e.message),
    }
}

#[test]
fn formatting_is_stripped_to_convoso_form_and_e164() {
    for input in [
        "(201) 555-0123",
        "201.555.0123",
        "+1 201 555 0123",
        "1-201-555-0123",
        "2015550123",
        "12015550123",
        "201/555-0123",
        "  201 555 0123  ",
        "201\u{a0}555\u{2013}0123",
        "+1 (201) 555-0123",
    ] {
        let expected = ("2015550123".into(), "1".into(), "+12015550123".into());
        assert_eq!(ok(input, &DEFAULT), expected, "{input:?}");
    }
}

#[test]
fn full_width_digits_and_plus_count() {
    let (number, code, e164) = ok("＋１ ２０１ ５５５ ０１２３", &DEFAULT);
    assert_eq!(
        (number.as_str(), code.as_str(), e164.as_str()),
        ("2015550123", "1", "+12015550123")
    );
}

#[test]
fn nanp_area_code_and_exchange_rules() {
    let cases = [
        (
            "201-155-0123",
            "exchange (digits 4-6) cannot start with 0 or 1",
        ),
        (
            "201-055-0123",
            "exchange (digits 4-6) cannot start with 0 or 1",
        ),
        ("101-555-0123", "area code cannot start with 0 or 1"),
        ("001-555-0123", "area code cannot start with 0 or 1"),
        ("211-555-0123", "area code cannot be N11"),
        ("911-555-0123", "area code cannot be N11"),
        ("201-411-0123", "exchange (digits 4-6) cannot be N11"),
        ("201-555-012", "10 digits"),
        ("201-555-01234", "10 digits"),
        ("2-201-555-0123", "10 digits"),
    ];
    for (input, message_part) in cases {
        let (code, message) = rejected(input, &DEFAULT);
        assert_eq!(code, INVALID_PHONE, "{input:?}");
        assert!(message.contains(message_part), "{input:?}: {message}");
    }
}

#[test]
fn the_api_documentation_examples_are_accepted() {
    // The Leads API documentation's own numbers, which the service accepts.
    for input in ["5551234567", "5559876543", "5551234568", "555-123-4567"] {
        assert_eq!(ok(input, &DEFAULT).0, input.replace('-', ""));
    }
    // A real area code with the fictional 555-01XX range follows the ordinary rules.
    assert_eq!(ok("201-555-0100", &DEFAULT).0, "2015550100");
}

#[test]
fn assigned_area_codes_option() {
    let assigned = PhoneOptions {
        assigned_area_codes_only: true,
        ..DEFAULT
    };
    assert!(area_code_in_service(201) && area_code_in_service(800) && area_code_in_service(416));
    assert!(!area_code_in_service(555) && !area_code_in_service(999) && !area_code_in_service(199));
    assert_eq!(ok("201-555-0123", &assigned).0, "2015550123");
    assert_eq!(ok("416-555-0123", &assigned).0, "4165550123");
    for input in ["555-123-4567", "999-234-5678", "299-234-5678"] {
        let (code, message) = rejected(input, &assigned);
        assert_eq!(
            (code, message),
            (INVALID_PHONE, "The area code is not in service"),
            "{input:?}"
        );
        // Structurally fine, so the default mode takes them.
        assert!(validate_phone(input, &DEFAULT).is_ok(), "{input:?}");
    }
}

#[test]
fn extensions_letters_and_junk_are_rejected_with_their_reason() {
    let cases = [
        ("201-555-0123 x123", "extension"),
        ("201-555-0123 ext. 5", "extension"),
        ("201-555-0123 EXT 5", "extension"),
        ("201-555-0123 eXt5", "extension"),
        ("201-555-0123 ex", "not letters"),
        ("201-555-0123 e5", "not letters"),
        ("201-555-0123 #5", "extension"),
        ("201-555-0123x", "extension"),
        ("1-800-FLOWERS", "not letters"),
        ("call 201 555 0123 now", "not letters"),
        ("201-555-0123 now", "not letters"),
        ("201_555_0123", "Use digits, spaces"),
        ("201*555*0123", "Use digits, spaces"),
        ("++1 201 555 0123", "single +"),
        ("1+201 555 0123", "only come before the country code"),
        ("", "Enter a phone number"),
        ("() -", "Enter a phone number"),
        ("1234567890123456", "at most 15"),
    ];
    for (input, message_part) in cases {
        let (code, message) = rejected(input, &DEFAULT);
        assert_eq!(code, INVALID_PHONE, "{input:?}");
        assert!(message.contains(message_part), "{input:?}: {message}");
    }
}

#[test]
fn phone_code_selects_the_country_rules() {
    let uk = PhoneOptions {
        phone_code: Some("44"),
        ..DEFAULT
    };
    assert_eq!(
        ok("20 7946 0958", &uk),
        ("2079460958".into(), "44".into(), "+442079460958".into())
    );
    assert_eq!(ok("+44 20 7946 0958", &uk).0, "2079460958");
    // A trunk 0 is not removed: 11 digits is too long for +44.
    assert!(rejected("020 7946 0958", &uk)
        .1
        .contains("Too many digits for the country code"));
    // The + code must be phone_code, also when it is no calling code at all.
    for input in ["+1 201 555 0123", "+49 30 123456", "+999 1234 5678", "+4"] {
        let message = rejected(input, &uk).1;
        assert!(
            message.contains("is not the lead's country code"),
            "{input:?}: {message}"
        );
    }
    // NANP rules do not apply to other codes, and length rules do.
    assert!(validate_phone("2015550123", &uk).is_ok());
    assert!(rejected("123", &uk)
        .1
        .contains("Too few digits for the country code"));
    // "+44" and " 44 " are the same calling code.
    let plus = PhoneOptions {
        phone_code: Some("+44"),
        ..DEFAULT
    };
    assert_eq!(ok("20 7946 0958", &plus).1, "44");
}

#[test]
fn without_phone_code_the_plus_names_the_country() {
    assert_eq!(ok("+44 20 7946 0958", &DEFAULT).1, "44");
    assert_eq!(ok("+49 30 123456", &DEFAULT).2, "+4930123456");
    assert_eq!(ok("+1 416 555 0123", &DEFAULT).1, "1");
    assert!(rejected("+999 1234 5678", &DEFAULT)
        .1
        .contains("country code"));
    // No calling code starts with 0: the zero is not skipped to find one.
    for input in ["+044 20 7946 0958", "+01 201 555 0123", "+0"] {
        assert_eq!(
            rejected(input, &DEFAULT),
            (INVALID_PHONE, "Unknown country code after +"),
            "{input}"
        );
    }
    let uk = PhoneOptions {
        phone_code: Some("44"),
        ..DEFAULT
    };
    assert!(rejected("+044 20 7946 0958", &uk)
        .1
        .contains("not the lead's country code"));
    // E.164 caps the whole number at 15 digits.
    assert!(validate_phone("+49 1234567890123", &DEFAULT).is_ok());
    assert!(validate_phone("+49 12345678901234", &DEFAULT).is_err());
}

#[test]
fn invalid_phone_codes_have_their_own_code() {
    for code in ["0", "999", "abc", "", "1234", "+", "01"] {
        let options = PhoneOptions {
            phone_code: Some(code),
            ..DEFAULT
        };
        assert_eq!(
            rejected("2015550123", &options).0,
            INVALID_PHONE_CODE,
            "{code:?}"
        );
    }
}

#[test]
fn calling_code_table_edges() {
    use convoso_leads_core::validate::phone::parse_phone_code;
    // The first and last codes of the table, and their unassigned neighbours.
    for (code, known) in [("1", true), ("2", false), ("7", true), ("8", false)] {
        assert_eq!(parse_phone_code(code).is_ok(), known, "{code:?}");
    }
    for (code, known) in [("998", true), ("999", false), ("211", true), ("210", false)] {
        assert_eq!(parse_phone_code(code).is_ok(), known, "{code:?}");
    }
}

#[test]
fn phone_code_trims_ascii_whitespace_only() {
    use convoso_leads_core::validate::phone::parse_phone_code;
    for code in [" 44 ", "\t+44\n", "+44", "44"] {
        assert_eq!(parse_phone_code(code), Ok(44), "{code:?}");
    }
    // Unicode spaces are not trimmed, as PHP's trim() on the server does not trim them.
    for code in ["\u{a0}44", "44\u{3000}", "+ 44", "4 4", "\u{ff14}\u{ff14}"] {
        assert_eq!(
            parse_phone_code(code).map_err(|e| u32::from(e.code)),
            Err(INVALID_PHONE_CODE),
            "{code:?}"
        );
    }
}

/// Every character, in every role it could play: only the documented ones are formatting,
/// digits or `+`. (The scanner matches these by their UTF-8 bytes, so this pins the bytes.)
#[test]
fn every_character_is_formatting_a_digit_a_plus_or_rejected() {
    let separators = [
        ' ', '\t', '\u{a0}', '\u{3000}', '-', '.', '(', ')', '/', '\u{2212}',
    ]
    .into_iter()
    .chain('\u{2010}'..='\u{2015}')
    .chain(['\u{ff08}', '\u{ff09}', '\u{ff0d}', '\u{ff0e}'])
    .collect::<Vec<_>>();
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{ff10}'..='\u{ff19}' => Some(c as u32 - 0xff10),
        _ => None,
    };
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        let formatted = validate_phone(&format!("201{c}5550123"), &DEFAULT);
        match digit(c) {
            // The character is the area code's last digit.
            Some(d) if d >= 2 => assert_eq!(
                validate_phone(&format!("20{c}5550123"), &DEFAULT).map(|p| p.e164().to_owned()),
                Ok(format!("+120{d}5550123")),
                "{c:?}"
            ),
            Some(_) => assert!(formatted.is_err(), "{c:?}"),
            None => assert_eq!(formatted.is_ok(), separators.contains(&c), "{c:?}"),
        }
        let plus = validate_phone(&format!("{c}1 201 555 0123"), &DEFAULT);
        assert_eq!(
            plus.is_ok(),
            matches!(c, '+' | '\u{ff0b}') || separators.contains(&c),
            "{c:?}"
        );
        // Not a digit, formatting or +: the reason names what it is.
        if digit(c).is_none() && !separators.contains(&c) && !matches!(c, '+' | '\u{ff0b}') {
            let reason = formatted.map(|_| ()).unwrap_err().message;
            let expected = match c {
                'x' | 'X' | '#' => "Remove the extension (x, ext, #)",
                _ if c.is_ascii_alphabetic() => "Use digits, not letters or words",
                _ => "Use digits, spaces and + - . ( ) / only",
            };
            assert_eq!(reason, expected, "{c:?}");
        }
    }
}

/// `+` numbers are split after the first known calling code, which is only right because
/// no calling code is a prefix of another.
#[test]
fn calling_codes_are_prefix_free() {
    use convoso_leads_core::validate::phone::parse_phone_code;
    for code in (1..1000).filter(|c| parse_phone_code(&c.to_string()).is_ok()) {
        for prefix in [code / 10, code / 100].into_iter().filter(|&p| p > 0) {
            assert!(
                parse_phone_code(&prefix.to_string()).is_err(),
                "{prefix} < {code}"
            );
        }
    }
}

/// For every calling code, a national number that would make the E.164 form longer than 15
/// digits is rejected, and every accepted one fits.
#[test]
fn every_calling_code_stays_within_e164() {
    use convoso_leads_core::validate::phone::parse_phone_code;
    for code in (2..1000).filter(|c| parse_phone_code(&c.to_string()).is_ok()) {
        let code = code.to_string();
        let options = PhoneOptions {
            phone_code: Some(&code),
            ..DEFAULT
        };
        for len in 1..=15 {
            let national = "2".repeat(len);
            match validate_phone(&national, &options) {
                Ok(phone) => {
                    assert!(code.len() + len <= 15, "+{code} {national}");
                    assert_eq!(phone.e164(), format!("+{code}{national}"));
                }
                Err(e) => assert_eq!(u32::from(e.code), INVALID_PHONE, "+{code} {national}"),
            }
        }
    }
}

#[test]
fn too_few_digits_so_far_is_incomplete_unless_they_rule_the_number_out() {
    let uk = PhoneOptions {
        phone_code: Some("44"),
        ..DEFAULT
    };
    for (input, options, incomplete) in [
        ("2", &DEFAULT, true),
        ("201", &DEFAULT, true),
        ("201-555", &DEFAULT, true),
        ("1 201 555", &DEFAULT, true),
        ("201-555-012", &DEFAULT, true),
        ("0", &DEFAULT, false),
        ("911", &DEFAULT, false),
        ("201-0", &DEFAULT, false),
        ("201-555-01234", &DEFAULT, false),
        ("20 79", &uk, true),
        ("20 7946 0958 123", &uk, false),
    ] {
        let found = validate_phone(input, options).err().map(|e| e.incomplete);
        assert_eq!(found, Some(incomplete), "{input:?}");
    }
}
