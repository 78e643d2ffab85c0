//! Email addresses: RFC 5321 limits and the forms a lead's mailbox can really have.
//!
//! Rules (every failure is code 6079):
//! - The `email` field may hold several addresses separated by `,`, `;` or ASCII whitespace; each is
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
const DISPLAY_NAME: Invalid = invalid("Enter the address alone, not Name <a@b.com>");
const NON_ASCII: Invalid = invalid("Use ASCII only (an xn-- domain for international names)");
const QUOTED: Invalid = invalid("Quoted names (\"a b\"@b.com) are not accepted");
const TOO_LONG: Invalid = invalid("Too long (at most 254 characters)");
const NO_AT: Invalid = invalid("Missing the @ and domain");
const MANY_AT: Invalid = invalid("Use exactly one @");
const LOCAL_EMPTY: Invalid = invalid("Nothing before the @");
const LOCAL_TOO_LONG: Invalid = invalid("Too long before the @ (at most 64)");
const LOCAL_DOTS: Invalid = invalid("Misplaced dot before the @");
const LOCAL_CHAR: Invalid = invalid("Invalid character before the @");
const IP_LITERAL: Invalid = invalid("IP address domains ([1.2.3.4]) are not accepted");
const NO_DOT: Invalid = invalid("The domain needs a dot (example.com)");
const DOMAIN_DOTS: Invalid = invalid("Misplaced dot in the domain");
const LABEL_TOO_LONG: Invalid = invalid("A domain part is too long (at most 63)");
const DOMAIN_CHAR: Invalid = invalid("The domain has letters, digits, - and . only");
const LABEL_HYPHEN: Invalid = invalid("A domain part cannot start or end with -");
const NUMERIC_TLD: Invalid = invalid("The domain cannot end in a number");

/// Validates a single address (no separators in it).
pub fn validate_email(address: &str) -> Result<(), Invalid> {
    check_address(address.as_bytes()).map_err(|e| *e)
}

/// The checks, in order. Problems are references to their constants: one word to return.
fn check_address(bytes: &[u8]) -> Result<(), &'static Invalid> {
    // Works on bytes: once the address is known to be ASCII every byte is a character, and
    // byte slices keep the str-boundary checks (and their panic formatting) out of the wasm.
    if bytes.is_empty() {
        return Err(&EMPTY);
    }
    if has(bytes, b'<') || has(bytes, b'>') {
        return Err(&DISPLAY_NAME);
    }
    if bytes.iter().any(|b| !b.is_ascii()) {
        return Err(&NON_ASCII);
    }
    if has(bytes, b'"') {
        return Err(&QUOTED);
    }
    if bytes.len() > MAX_ADDRESS {
        return Err(&TOO_LONG);
    }
    let at = bytes.iter().rposition(|&b| b == b'@').ok_or(&NO_AT)?;
    let (local, rest) = bytes.split_at_checked(at).ok_or(&NO_AT)?;
    let domain = rest.split_first().map_or(&[][..], |(_, domain)| domain);
    if has(local, b'@') {
        return Err(&MANY_AT);
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

/// The invalid addresses of a multi-address field, with their positions: what a request
/// reports. Problems stay references to their constants.
pub(super) fn problems(field: &str) -> impl Iterator<Item = (u32, &'static Invalid)> + '_ {
    split_emails(field)
        .zip(0u32..)
        .filter_map(|(address, index)| Some((index, check_address(address.as_bytes()).err()?)))
}

/// The pieces of a multi-address field (split at `,` `;` and ASCII whitespace).
pub fn split_emails(field: &str) -> impl Iterator<Item = &str> {
    field
        .as_bytes()
        .split(|&b| is_separator(b))
        .filter(|piece| !piece.is_empty())
        // SAFETY: the separators are ASCII, so every cut falls between whole UTF-8 characters
        // of a `str`, and each piece is UTF-8 (a `char` split would bring UTF-8 decoding into
        // the wasm for nothing).
        .map(|piece| unsafe { core::str::from_utf8_unchecked(piece) })
}

fn is_separator(b: u8) -> bool {
    b == b',' || b == b';' || b.is_ascii_whitespace()
}

/// Whether `bytes` holds `b`.
#[allow(
    clippy::manual_contains,
    reason = "`<[u8]>::contains` brings ~450 B of `memchr` into the wasm for short inputs"
)]
fn has(bytes: &[u8], b: u8) -> bool {
    bytes.iter().any(|&c| c == b)
}

fn check_local(local: &[u8]) -> Result<(), &'static Invalid> {
    if local.is_empty() {
        return Err(&LOCAL_EMPTY);
    }
    if local.len() > MAX_LOCAL {
        return Err(&LOCAL_TOO_LONG);
    }
    // A dot after a dot, or first (after an imagined one), or last: one pass, no splitting.
    let mut previous = b'.';
    for &b in local {
        if b == b'.' && previous == b'.' {
            return Err(&LOCAL_DOTS);
        }
        previous = b;
    }
    if previous == b'.' {
        return Err(&LOCAL_DOTS);
    }
    if !local.iter().all(|&b| in_set(&LOCAL, b)) {
        return Err(&LOCAL_CHAR);
    }
    Ok(())
}

/// ASCII characters as a bitmap, one bit per code: smaller in the wasm than a chain of
/// comparisons.
type AsciiSet = [u64; 2];

/// The set of the characters in `ranges` (first and last, inclusive).
const fn ascii_set(ranges: &[(u8, u8)]) -> AsciiSet {
    let mut set = [0; 2];
    let mut i = 0;
    // Evaluated at compile time only: an index out of range would fail the build.
    while i < ranges.len() {
        let (mut b, last) = ranges[i];
        while b <= last {
            set[(b / 64) as usize] |= 1 << (b % 64);
            b += 1;
        }
        i += 1;
    }
    set
}

fn in_set(set: &AsciiSet, b: u8) -> bool {
    set.get(usize::from(b / 64))
        .is_some_and(|bits| bits >> (b % 64) & 1 != 0)
}

/// A dot-atom local part: RFC 5322 `atext` (letters, digits and
/// ``! # $ % & ' * + - / = ? ^ _ ` { | } ~``) and dots.
const LOCAL: AsciiSet = ascii_set(&[
    (b'a', b'z'),
    (b'A', b'Z'),
    (b'0', b'9'),
    (b'!', b'!'),
    (b'#', b'\''),
    (b'*', b'+'),
    (b'-', b'/'),
    (b'=', b'='),
    (b'?', b'?'),
    (b'^', b'`'),
    (b'{', b'~'),
]);

/// A domain label: letters, digits and `-`.
const LABEL: AsciiSet = ascii_set(&[(b'a', b'z'), (b'A', b'Z'), (b'0', b'9'), (b'-', b'-')]);

fn check_domain(domain: &[u8]) -> Result<(), &'static Invalid> {
    if let Some(b'[') = domain.first() {
        return Err(&IP_LITERAL);
    }
    if domain.is_empty() {
        return Err(&NO_AT);
    }
    if !has(domain, b'.') {
        return Err(&NO_DOT);
    }
    let mut last: &[u8] = &[];
    for label in domain.split(|&b| b == b'.') {
        if label.is_empty() {
            return Err(&DOMAIN_DOTS);
        }
        if label.len() > MAX_LABEL {
            return Err(&LABEL_TOO_LONG);
        }
        if !label.iter().all(|&b| in_set(&LABEL, b)) {
            return Err(&DOMAIN_CHAR);
        }
        if matches!(label.first(), Some(b'-')) || matches!(label.last(), Some(b'-')) {
            return Err(&LABEL_HYPHEN);
        }
        last = label;
    }
    if last.iter().all(u8::is_ascii_digit) {
        return Err(&NUMERIC_TLD);
    }
    Ok(())
}
