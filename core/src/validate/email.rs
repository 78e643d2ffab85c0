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
use super::problems::problems;
use super::report::Invalid;

const MAX_ADDRESS: usize = 254;
const MAX_LOCAL: usize = 64;
const MAX_LABEL: usize = 63;

problems! {
    /// What is wrong with an address: one byte to pass back.
    enum Problem;
    Empty: "Enter an email address",
    DisplayName: "has a name with it: enter the address alone",
    NonAscii: "has a character an address cannot hold (write an international domain as xn--)",
    Quoted: "has quotes, which are not accepted",
    TooLong: "is too long (at most 254 characters)",
    NoAt: "needs an @ and a domain",
    ManyAt: "has more than one @",
    LocalEmpty: "needs a name before the @",
    LocalTooLong: "is too long before the @ (at most 64)",
    LocalDots: "has a misplaced dot before the @",
    LocalChar: "has a character that cannot come before the @",
    IpLiteral: "has an IP address for a domain",
    NoDomain: "needs a domain after the @",
    NoDot: "needs a dot in its domain",
    DomainDots: "has a misplaced dot in its domain",
    LabelTooLong: "has a domain part over 63 characters",
    DomainChar: "has a character a domain cannot hold",
    LabelHyphen: "has a domain part that starts or ends with -",
    NumericTld: "cannot end in a number",
}

impl Problem {
    const fn code(self) -> u32 {
        INVALID_EMAIL
    }

    /// An address still being typed: no @ yet, or no (dotted) domain after it.
    const fn incomplete(self) -> bool {
        matches!(self, Problem::NoAt | Problem::NoDomain | Problem::NoDot)
    }
}

/// Reported by [`validate_email`] for a field with no address in it. A function, not a
/// `const`: a constant's message would be a second copy of every email message in the wasm.
pub fn empty() -> Invalid {
    Problem::Empty.invalid()
}

/// Validates a single address (no separators in it).
pub fn validate_email(address: &str) -> Result<(), Invalid> {
    check_address(address.as_bytes()).map_err(Problem::invalid)
}

/// The checks, in order.
fn check_address(bytes: &[u8]) -> Result<(), Problem> {
    // Works on bytes: once the address is known to be ASCII every byte is a character, and
    // byte slices keep the str-boundary checks (and their panic formatting) out of the wasm.
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if has(bytes, b'<') || has(bytes, b'>') {
        return Err(Problem::DisplayName);
    }
    if bytes.iter().any(|b| !b.is_ascii()) {
        return Err(Problem::NonAscii);
    }
    if has(bytes, b'"') {
        return Err(Problem::Quoted);
    }
    if bytes.len() > MAX_ADDRESS {
        return Err(Problem::TooLong);
    }
    let at = bytes
        .iter()
        .rposition(|&b| b == b'@')
        .ok_or(Problem::NoAt)?;
    let (local, rest) = bytes.split_at_checked(at).ok_or(Problem::NoAt)?;
    let domain = rest.split_first().map_or(&[][..], |(_, domain)| domain);
    if has(local, b'@') {
        return Err(Problem::ManyAt);
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
/// reports.
pub(super) fn problems(field: &str) -> impl Iterator<Item = (u32, &str, Invalid)> + '_ {
    split_emails(field)
        .zip(0u32..)
        .filter_map(|(address, index)| {
            Some((
                index,
                address,
                check_address(address.as_bytes()).err()?.invalid(),
            ))
        })
}

/// The pieces of a multi-address field (split at `,` `;` and ASCII whitespace). In a field
/// with `<` or `>` only `,` and `;` split, and pieces are trimmed: `Ada <ada@example.com>` is
/// one address written with a name, not two addresses.
pub fn split_emails(field: &str) -> impl Iterator<Item = &str> {
    let bytes = field.as_bytes();
    let named = has(bytes, b'<') || has(bytes, b'>');
    bytes
        .split(move |&b| b == b',' || b == b';' || (!named && b.is_ascii_whitespace()))
        .map(<[u8]>::trim_ascii)
        .filter(|piece| !piece.is_empty())
        // SAFETY: the separators are ASCII, so every cut falls between whole UTF-8 characters
        // of a `str`, and each piece is UTF-8 (a `char` split would bring UTF-8 decoding into
        // the wasm for nothing).
        .map(|piece| unsafe { core::str::from_utf8_unchecked(piece) })
}

/// Whether `bytes` holds `b`.
#[allow(
    clippy::manual_contains,
    reason = "`<[u8]>::contains` brings ~450 B of `memchr` into the wasm for short inputs"
)]
fn has(bytes: &[u8], b: u8) -> bool {
    bytes.iter().any(|&c| c == b)
}

fn check_local(local: &[u8]) -> Result<(), Problem> {
    if local.is_empty() {
        return Err(Problem::LocalEmpty);
    }
    if local.len() > MAX_LOCAL {
        return Err(Problem::LocalTooLong);
    }
    // A dot after a dot, or first (after an imagined one), or last: one pass, no splitting.
    let mut previous = b'.';
    for &b in local {
        if b == b'.' && previous == b'.' {
            return Err(Problem::LocalDots);
        }
        previous = b;
    }
    if previous == b'.' {
        return Err(Problem::LocalDots);
    }
    if !local.iter().all(|&b| in_set(&LOCAL, b)) {
        return Err(Problem::LocalChar);
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

fn check_domain(domain: &[u8]) -> Result<(), Problem> {
    if let Some(b'[') = domain.first() {
        return Err(Problem::IpLiteral);
    }
    if domain.is_empty() {
        return Err(Problem::NoDomain);
    }
    if !has(domain, b'.') {
        return Err(Problem::NoDot);
    }
    let mut last: &[u8] = &[];
    for label in domain.split(|&b| b == b'.') {
        if label.is_empty() {
            return Err(Problem::DomainDots);
        }
        if label.len() > MAX_LABEL {
            return Err(Problem::LabelTooLong);
        }
        if !label.iter().all(|&b| in_set(&LABEL, b)) {
            return Err(Problem::DomainChar);
        }
        if matches!(label.first(), Some(b'-')) || matches!(label.last(), Some(b'-')) {
            return Err(Problem::LabelHyphen);
        }
        last = label;
    }
    if last.iter().all(u8::is_ascii_digit) {
        return Err(Problem::NumericTld);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_reads_its_own_line() {
        assert_eq!(
            empty(),
            Invalid::new(INVALID_EMAIL, "Enter an email address")
        );
        assert_eq!(
            Problem::NumericTld.invalid().message,
            "cannot end in a number"
        );
        assert_eq!(
            validate_email("a@b.c-"),
            Err(Invalid::new(
                INVALID_EMAIL,
                "has a domain part that starts or ends with -"
            ))
        );
    }
}
