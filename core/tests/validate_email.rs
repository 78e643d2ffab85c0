//! Email rules: RFC 5321 limits and the stated policies.

use convoso_leads_core::validate::codes::INVALID_EMAIL;
use convoso_leads_core::validate::{check_emails, validate_email};

fn message(address: &str) -> &'static str {
    match validate_email(address) {
        Ok(()) => panic!("{address:?} accepted"),
        Err(e) => {
            assert_eq!(u32::from(e.code), INVALID_EMAIL, "{address:?}");
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
    assert!(message(&format!("a@{}.com", "b".repeat(64))).contains("over 63 characters"));
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
        ("john.example.com", "needs an @ and a domain"),
        ("john@", "needs a domain after the @"),
        ("@example.com", "needs a name before the @"),
        ("a@b@example.com", "more than one @"),
        (".john@example.com", "misplaced dot before the @"),
        ("john.@example.com", "misplaced dot before the @"),
        ("jo..hn@example.com", "misplaced dot before the @"),
        ("jo(hn)@example.com", "cannot come before the @"),
        ("jo\\hn@example.com", "cannot come before the @"),
        ("john@localhost", "needs a dot"),
        ("john@.example.com", "misplaced dot in its domain"),
        ("john@example.com.", "misplaced dot in its domain"),
        ("john@example..com", "misplaced dot in its domain"),
        ("john@-example.com", "starts or ends with -"),
        ("john@example-.com", "starts or ends with -"),
        ("john@exa_mple.com", "a character a domain cannot hold"),
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
    assert!(message("John Doe <john@example.com>").contains("has a name with it"));
    assert!(message("<john@example.com>").contains("has a name with it"));
    assert!(message("\"john doe\"@example.com").contains("has quotes"));
    assert!(message("\"john\"@example.com").contains("has quotes"));
    assert!(message("john@[192.0.2.1]").contains("IP address"));
    assert!(message("josé@example.com").contains("a character an address cannot hold"));
    assert!(message("user@bücher.example").contains("xn--"));
    assert!(message("用户@例子.广告").contains("a character an address cannot hold"));
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
        .filter_map(|(index, address, verdict)| {
            verdict.err().map(|e| (index, address, u32::from(e.code)))
        })
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
            validate_email(&local).map_err(|e| u32::from(e.code)),
            expected,
            "{local:?}"
        );

        let domain = format!("a@x{c}y.com");
        let is_label = LABEL.contains(c) || c == '.';
        let expected = if is_label { Ok(()) } else { Err(INVALID_EMAIL) };
        assert_eq!(
            validate_email(&domain).map_err(|e| u32::from(e.code)),
            expected,
            "{domain:?}"
        );
    }
}

#[test]
fn an_address_still_being_typed_is_incomplete() {
    for (address, incomplete) in [
        ("ada", true),
        ("ada@", true),
        ("ada@example", true),
        ("ada@example.", false),
        ("ada@@example.com", false),
        ("a da@example.com", false),
    ] {
        let found = validate_email(address).err().map(|e| e.incomplete);
        assert_eq!(found, Some(incomplete), "{address:?}");
    }
}

#[test]
fn a_name_with_an_address_is_one_piece() {
    let all: Vec<_> = check_emails(" Ada Lovelace <ada@example.com> ").collect();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].1, "Ada Lovelace <ada@example.com>");
    assert!(all[0]
        .2
        .is_err_and(|e| e.message.contains("has a name with it")));
}
