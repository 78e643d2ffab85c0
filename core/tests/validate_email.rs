//! Email rules: RFC 5321 limits and the stated policies.

use convoso_leads_core::validate::codes::INVALID_EMAIL;
use convoso_leads_core::validate::{check_emails, validate_email};

fn message(address: &str) -> &'static str {
    match validate_email(address) {
        Ok(()) => panic!("{address:?} accepted"),
        Err(e) => {
            assert_eq!(e.code, INVALID_EMAIL, "{address:?}");
            e.message
        }
    }
}

#[test]
fn ordinary_addresses_pass() {
    let long_local = "a".repeat(64);
    let long_label = "b".repeat(63);
    let at_limit = format!(
        "{}@{}.{}.{}.{}.com",
        "c".repeat(60),
        "d".repeat(45),
        "e".repeat(45),
        "f".repeat(45),
        "g".repeat(51)
    );
    assert_eq!(at_limit.len(), 254);
    for address in [
        "john@example.com",
        "John.Doe+leads@sub.example.co.uk",
        "o'brien@example.ie",
        "x!#$%&'*+/=?^_`{|}~-y@example.org",
        "user@xn--bcher-kva.example",
        "a@b.co",
        "a@b-c.d-e.io",
        &format!("{long_local}@example.com"),
        &format!("a@{long_label}.com"),
        &at_limit,
    ] {
        assert_eq!(validate_email(address), Ok(()), "{address:?}");
    }
}

#[test]
fn rfc_5321_limits() {
    assert!(message(&format!("{}@example.com", "a".repeat(65))).contains("at most 64"));
    assert!(message(&format!("a@{}.com", "b".repeat(64))).contains("at most 63"));
    let too_long = format!(
        "{}@{}.{}.{}.{}.com",
        "c".repeat(60),
        "d".repeat(45),
        "e".repeat(45),
        "f".repeat(45),
        "g".repeat(52)
    );
    assert_eq!(too_long.len(), 255);
    assert!(message(&too_long).contains("at most 254"));
}

#[test]
fn structural_rules() {
    let cases = [
        ("john.example.com", "Missing the @"),
        ("john@", "Missing the @"),
        ("@example.com", "Nothing before the @"),
        ("a@b@example.com", "exactly one @"),
        (".john@example.com", "Misplaced dot before"),
        ("john.@example.com", "Misplaced dot before"),
        ("jo..hn@example.com", "Misplaced dot before"),
        ("jo(hn)@example.com", "Invalid character"),
        ("jo\\hn@example.com", "Invalid character"),
        ("john@localhost", "needs a dot"),
        ("john@.example.com", "Misplaced dot in the domain"),
        ("john@example.com.", "Misplaced dot in the domain"),
        ("john@example..com", "Misplaced dot in the domain"),
        ("john@-example.com", "start or end with -"),
        ("john@example-.com", "start or end with -"),
        ("john@exa_mple.com", "letters, digits, - and ."),
        ("john@1.2.3.4", "end in a number"),
    ];
    for (address, part) in cases {
        assert!(
            message(address).contains(part),
            "{address:?}: {}",
            message(address)
        );
    }
}

#[test]
fn policies_have_their_own_messages() {
    assert!(message("John Doe <john@example.com>").contains("not Name <"));
    assert!(message("<john@example.com>").contains("not Name <"));
    assert!(message("\"john doe\"@example.com").contains("Quoted"));
    assert!(message("\"john\"@example.com").contains("Quoted"));
    assert!(message("john@[192.0.2.1]").contains("IP address"));
    assert!(message("josé@example.com").contains("ASCII"));
    assert!(message("user@bücher.example").contains("xn--"));
    assert!(message("用户@例子.广告").contains("ASCII"));
}

#[test]
fn multi_address_fields_split_and_report_each_address() {
    let all: Vec<_> = check_emails("a@b.com; c@d.org,e@f.net\tg@h.io\n , ").collect();
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|(_, _, verdict)| verdict.is_ok()));
    assert_eq!(
        all.iter().map(|(_, a, _)| *a).collect::<Vec<_>>(),
        ["a@b.com", "c@d.org", "e@f.net", "g@h.io"]
    );

    let bad: Vec<_> = check_emails("a@b.com, nope; c@d, e@f.org")
        .filter_map(|(index, address, verdict)| verdict.err().map(|e| (index, address, e.code)))
        .collect();
    assert_eq!(bad, [(1, "nope", INVALID_EMAIL), (2, "c@d", INVALID_EMAIL)]);
    assert_eq!(check_emails(" ,; ").count(), 0);
}

#[test]
fn every_ascii_character_in_the_local_part_and_the_domain() {
    const ATEXT: &str =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~";
    const LABEL: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    for c in (0u8..128).map(char::from) {
        // Between two letters: a dot is then in its place in either part.
        let local = format!("a{c}b@example.com");
        let is_local = ATEXT.contains(c) || c == '.';
        // Separators split the field, but validate_email takes one address as given.
        let expected = if is_local { Ok(()) } else { Err(INVALID_EMAIL) };
        assert_eq!(
            validate_email(&local).map_err(|e| e.code),
            expected,
            "{local:?}"
        );

        let domain = format!("a@x{c}y.com");
        let is_label = LABEL.contains(c) || c == '.';
        let expected = if is_label { Ok(()) } else { Err(INVALID_EMAIL) };
        assert_eq!(
            validate_email(&domain).map_err(|e| e.code),
            expected,
            "{domain:?}"
        );
    }
}
