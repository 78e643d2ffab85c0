//! Country, state and postal code rules, checked character by character.

use convoso_leads_core::validate::places::{is_postal_code, is_state, Country};

/// Every ASCII byte in every position of a valid code: only the documented ones fit.
#[test]
fn postal_codes_character_by_character() {
    // Shapes: 9 a digit, L a postal letter (not D F I O Q U), F a first letter (also not
    // W Z), anything else itself.
    let fits = |shape: u8, c: u8| {
        let letter = c.is_ascii_alphabetic() && !b"DFIOQUdfioqu".contains(&c);
        match shape {
            b'9' => c.is_ascii_digit(),
            b'L' => letter,
            b'F' => letter && !b"WZwz".contains(&c),
            _ => c == shape,
        }
    };
    let cases = [
        ("12345", Country::Us, "99999"),
        ("12345-6789", Country::Us, "99999-9999"),
        ("K1A0B1", Country::Ca, "F9L9L9"),
        ("k1a0b1", Country::Ca, "F9L9L9"),
    ];
    for (valid, country, shape) in cases {
        assert!(is_postal_code(country, valid), "{valid}");
        assert!(is_postal_code(Country::Unspecified, valid), "{valid}");
        assert!(!is_postal_code(other(country), valid), "{valid}");
        for (i, rule) in shape.bytes().enumerate() {
            for c in 0..128u8 {
                let mut text = valid.as_bytes().to_vec();
                text[i] = c;
                let text = String::from_utf8(text).unwrap();
                assert_eq!(is_postal_code(country, &text), fits(rule, c), "{text:?}");
            }
        }
    }
    for canadian in ["K1A 0B1", "K1A-0B1", "h2x 1y4"] {
        assert!(is_postal_code(Country::Ca, canadian), "{canadian}");
    }
    for wrong in [
        "K1A_0B1",
        "K1A  0B1",
        "K1A0B",
        "1234",
        "123456",
        "12345-678",
        "12345 6789",
        "",
        "K1A 0B1 ",
    ] {
        for country in [Country::Us, Country::Ca, Country::Unspecified] {
            assert!(!is_postal_code(country, wrong), "{wrong:?}");
        }
    }
    assert!(is_postal_code(Country::Other, "anything"));
}

fn other(country: Country) -> Country {
    if country == Country::Us {
        Country::Ca
    } else {
        Country::Us
    }
}

#[test]
fn two_letter_codes_in_any_case() {
    let mut countries = 0;
    let (mut us, mut ca) = (0, 0);
    for a in 0..128u8 {
        for b in 0..128u8 {
            let text = String::from_utf8(vec![a, b]).unwrap();
            let upper = text.to_ascii_uppercase();
            assert_eq!(Country::read(&text), Country::read(&upper), "{text:?}");
            countries += usize::from(Country::read(&text).is_some());
            let (in_us, in_ca) = (is_state(Country::Us, &text), is_state(Country::Ca, &text));
            assert!(!(in_us && in_ca), "{text:?}");
            assert_eq!(
                is_state(Country::Unspecified, &text),
                in_us || in_ca,
                "{text:?}"
            );
            assert!(is_state(Country::Other, &text));
            us += usize::from(in_us);
            ca += usize::from(in_ca);
        }
    }
    // Each code in its four letter-case spellings: 249 countries, 57 US + AA/AE/AP, 13 CA.
    assert_eq!((countries, us, ca), (249 * 4, 60 * 4, 13 * 4));
    assert_eq!(Country::read("us"), Some(Country::Us));
    assert_eq!(Country::read("Ca"), Some(Country::Ca));
    assert_eq!(Country::read("DE"), Some(Country::Other));
    assert_eq!(Country::read("XX"), None);
    assert_eq!(Country::read("USA"), None);
    for (state, country) in [
        ("NY", Country::Us),
        ("ae", Country::Us),
        ("QC", Country::Ca),
        ("yt", Country::Ca),
    ] {
        assert!(is_state(country, state), "{state}");
    }
    for country in [Country::Us, Country::Ca, Country::Unspecified] {
        assert!(!is_state(country, "California"));
        assert!(!is_state(country, "N"));
    }
    assert!(is_state(Country::Other, "Bayern"));
    // Two bytes, one letter: bytes past ASCII are no letters in any case.
    for text in ["é", "É", "ß"] {
        assert_eq!(Country::read(text), None, "{text}");
        assert!(!is_state(Country::Unspecified, text), "{text}");
    }
}
