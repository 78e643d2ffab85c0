//! Email addresses: RFC 5321 limits and the forms a lead's mailbox can really have.
//!
//! Rules (every failure is code 6079):
//! - The `email` field may hold several addresses separated by `,`, `;` or whitespace; each is
//!   checked on its own and reported with its position ([`check_emails`]).
//! - At most 254 characters in all, a local part of 1–64, domain labels of 1–63 (RFC 5321).
//! - Local part: dot-atom only, i.e. letters, digits and ``!#$%&'*+/=?^_`{|}~-`` with single dots
//!   between them (no leading, trailing or double dot).
//! - Domain: at least two labels; letters, digits and `-`, a label neither starting nor ending
//!   with `-`; the last label is not all digits.
//! - Rejected by policy, each with its own message: the display-name form `Name <a@b.com>`;
//!   quoted local parts (`"a b"@x.com`: legal, but practically never a real lead's mailbox and
//!   refused by many mail and CRM systems); IP-literal domains (`a@[192.0.2.1]`); and
//!   internationalised addresses (non-ASCII anywhere). An internationalised *domain* is
//!   accepted in its ASCII `xn--` form.

use super::codes::INVALID_EMAIL;
use super::Invalid;

const MAX_ADDRESS: usize = 254;
const MAX_LOCAL: usize = 64;
const MAX_LABEL: usize = 63;

const fn invalid(message: &'static str) -> Invalid {
    Invalid {
        code: INVALID_EMAIL,
        message,
    }
}

/// Reported by [`validate_email`] for a field with no address in it.
pub const EMPTY: Invalid = invalid("Enter an email address");
const DISPLAY_NAME: Invalid =
    invalid("Enter the address alone (a@example.com), not Name <a@example.com>");
const NON_ASCII: Invalid =
    invalid("Only ASCII addresses are accepted; write an international domain in its xn-- form");
const QUOTED: Invalid = invalid("Quoted local parts (\"...\"@example.com) are not accepted");
const TOO_LONG: Invalid = invalid("An email address has at most 254 characters");
const NO_AT: Invalid = invalid("An email address needs an @ followed by a domain");
const MANY_AT: Invalid = invalid("An email address has exactly one @");
const LOCAL_EMPTY: Invalid = invalid("Nothing before the @");
const LOCAL_TOO_LONG: Invalid = invalid("The part before the @ has at most 64 characters");
const LOCAL_DOTS: Invalid =
    invalid("The part before the @ cannot start or end with a dot or have two dots in a row");
const LOCAL_CHAR: Invalid = invalid("The part before the @ has a character that is not allowed");
const IP_LITERAL: Invalid = invalid("IP-address domains such as [192.0.2.1] are not accepted");
const NO_DOT: Invalid = invalid("The domain needs a dot, as in example.com");
const DOMAIN_DOTS: Invalid =
    invalid("The domain cannot start or end with a dot or have two dots in a row");
const LABEL_TOO_LONG: Invalid = invalid("Each part of the domain has at most 63 characters");
const DOMAIN_CHAR: Invalid = invalid("The domain may only have letters, digits, hyphens and dots");
const LABEL_HYPHEN: Invalid = invalid("A part of the domain cannot start or end with a hyphen");
const NUMERIC_TLD: Invalid = invalid("The domain cannot end in a number");

/// Validates a single address (no separators in it).
pub fn validate_email(address: &str) -> Result<(), Invalid> {
    if address.is_empty() {
        return Err(EMPTY);
    }
    if address.contains(['<', '>']) {
        return Err(DISPLAY_NAME);
    }
    if !address.is_ascii() {
        return Err(NON_ASCII);
    }
    if address.contains('"') {
        return Err(QUOTED);
    }
    if address.len() > MAX_ADDRESS {
        return Err(TOO_LONG);
    }
    let (local, domain) = address.rsplit_once('@').ok_or(NO_AT)?;
    if local.contains('@') {
        return Err(MANY_AT);
    }
    check_local(local)?;
    check_domain(domain)
}

/// The addresses of a multi-address field, each with its position and verdict. Separators are
/// `,`, `;` and whitespace; empty pieces (`a@b.com, c@d.org`) are skipped.
pub fn check_emails(field: &str) -> impl Iterator<Item = (u32, &str, Result<(), Invalid>)> {
    split_emails(field)
        .zip(0u32..)
        .map(|(address, index)| (index, address, validate_email(address)))
}

/// The pieces of a multi-address field.
pub fn split_emails(field: &str) -> impl Iterator<Item = &str> {
    field
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|piece| !piece.is_empty())
}

fn check_local(local: &str) -> Result<(), Invalid> {
    if local.is_empty() {
        return Err(LOCAL_EMPTY);
    }
    if local.len() > MAX_LOCAL {
        return Err(LOCAL_TOO_LONG);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(LOCAL_DOTS);
    }
    if !local.bytes().all(|b| b == b'.' || is_atext(b)) {
        return Err(LOCAL_CHAR);
    }
    Ok(())
}

/// RFC 5322 `atext`: what a dot-atom local part is made of.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn check_domain(domain: &str) -> Result<(), Invalid> {
    if domain.starts_with('[') {
        return Err(IP_LITERAL);
    }
    if domain.is_empty() {
        return Err(NO_AT);
    }
    if !domain.contains('.') {
        return Err(NO_DOT);
    }
    let mut last = "";
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(DOMAIN_DOTS);
        }
        if label.len() > MAX_LABEL {
            return Err(LABEL_TOO_LONG);
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(DOMAIN_CHAR);
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(LABEL_HYPHEN);
        }
        last = label;
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NUMERIC_TLD);
    }
    Ok(())
}
