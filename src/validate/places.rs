//! Country, state and postal codes.
//!
//! - `country`: an ISO 3166-1 alpha-2 code (`US`, `CA`, `GB`), any letter case. Code 9010.
//! - `state`: when the country is `US`, a US state, DC, territory (ISO 3166-2:US) or military
//!   code `AA`/`AE`/`AP`; when `CA`, a province or territory (ISO 3166-2:CA); when no country
//!   is given, either of those (leads default to North America). Any letter case. Other
//!   countries' states are free text. Code 9011.
//! - `postal_code`: for `US` a ZIP (`12345` or ZIP+4 `12345-6789`); for `CA` `A1A 1A1`
//!   (space or hyphen optional, no D F I O Q U, and no W or Z first); with no country either
//!   form; other countries free text. Code 9012.

use super::data::{CA_PROVINCES, COUNTRIES, US_STATES};

/// A lead's country as far as state and postal checks care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Country {
    Us,
    Ca,
    /// No country given: North American rules, either country.
    Unspecified,
    /// A country whose states and postal codes are not checked.
    Other,
}

impl Country {
    /// Reads a given `country` value: `None` when it is no ISO 3166-1 alpha-2 code.
    pub fn read(text: &str) -> Option<Country> {
        let [a, b] = *text.as_bytes() else {
            return None;
        };
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        if !in_letter_set(&COUNTRIES, code) {
            return None;
        }
        Some(match &code {
            b"US" => Country::Us,
            b"CA" => Country::Ca,
            _ => Country::Other,
        })
    }
}

/// Whether `state` is a valid state code for the country.
pub fn is_state(country: Country, state: &str) -> bool {
    let [a, b] = *state.as_bytes() else {
        return country == Country::Other;
    };
    let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
    match country {
        Country::Us => in_letter_set(&US_STATES, code),
        Country::Ca => in_letter_set(&CA_PROVINCES, code),
        Country::Unspecified => {
            in_letter_set(&US_STATES, code) || in_letter_set(&CA_PROVINCES, code)
        }
        Country::Other => true,
    }
}

/// Whether `postal` is a valid postal code for the country.
pub fn is_postal_code(country: Country, postal: &str) -> bool {
    match country {
        Country::Us => is_zip(postal),
        Country::Ca => is_canadian_postal(postal),
        Country::Unspecified => is_zip(postal) || is_canadian_postal(postal),
        Country::Other => true,
    }
}

/// `12345` or ZIP+4 `12345-6789`.
fn is_zip(text: &str) -> bool {
    let bytes = text.as_bytes();
    matches!(bytes.len(), 5 | 10)
        && (bytes.iter().enumerate()).all(|(i, &c)| {
            if i == 5 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `A1A 1A1`, with a space, a hyphen or nothing in the middle.
fn is_canadian_postal(text: &str) -> bool {
    let [l1, d1, l2, d2, l3, d3] = match *text.as_bytes() {
        [a, b, c, d, e, f] | [a, b, c, b' ' | b'-', d, e, f] => [a, b, c, d, e, f],
        _ => return false,
    };
    is_letter_of(POSTAL_FIRST_LETTERS, l1)
        && is_letter_of(POSTAL_LETTERS, l2)
        && is_letter_of(POSTAL_LETTERS, l3)
        && [d1, d2, d3].iter().all(u8::is_ascii_digit)
}

/// The letters of Canadian postal codes: not D, F, I, O, Q, U (bit `n`: letter `A + n`).
const POSTAL_LETTERS: u32 = letters(b"ABCEGHJKLMNPRSTVWXYZ");
/// The letters a Canadian postal code may start with: also not W, Z.
const POSTAL_FIRST_LETTERS: u32 = letters(b"ABCEGHJKLMNPRSTVXY");

const fn letters(list: &[u8]) -> u32 {
    let mut set = 0;
    let mut i = 0;
    while i < list.len() {
        set |= 1 << (list[i] - b'A');
        i += 1;
    }
    set
}

/// Whether `c`, in any letter case, is one of `set`'s letters.
fn is_letter_of(set: u32, c: u8) -> bool {
    let i = c.to_ascii_uppercase().wrapping_sub(b'A');
    i < 26 && set >> i & 1 != 0
}

/// Membership in a 26×26 bitset of two-letter codes (see `data.rs`).
fn in_letter_set(set: &[u8; 85], [a, b]: [u8; 2]) -> bool {
    if !a.is_ascii_uppercase() || !b.is_ascii_uppercase() {
        return false;
    }
    let i = usize::from(a - b'A') * 26 + usize::from(b - b'A');
    set.get(i / 8)
        .is_some_and(|byte| byte & (1 << (i % 8)) != 0)
}
