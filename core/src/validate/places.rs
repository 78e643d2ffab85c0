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
        let code = letter_pair(text);
        if !in_letter_set(&COUNTRIES, code) {
            return None;
        }
        Some(match code {
            US => Country::Us,
            CA => Country::Ca,
            _ => Country::Other,
        })
    }
}

/// Whether `state` is a valid state code for the country.
pub fn is_state(country: Country, state: &str) -> bool {
    // With no country given, either country's codes will do.
    let code = letter_pair(state);
    country == Country::Other
        || (country != Country::Ca && in_letter_set(&US_STATES, code))
        || (country != Country::Us && in_letter_set(&CA_PROVINCES, code))
}

/// Whether `postal` is a valid postal code for the country.
pub fn is_postal_code(country: Country, postal: &str) -> bool {
    let shapes = match country {
        Country::Us => POSTAL_SHAPES.get(..US_SHAPES_END),
        Country::Ca => POSTAL_SHAPES.get(US_SHAPES_END..),
        Country::Unspecified => Some(POSTAL_SHAPES),
        Country::Other => return true,
    };
    fits(postal.as_bytes(), shapes.unwrap_or_default())
}

/// The postal codes of the US (ZIP, ZIP+4), then Canada (`A1A 1A1`, with a space, a
/// hyphen or nothing in the middle), each ended by `|`. `9`: a digit, `L`: a postal
/// letter, `F`: a letter a postal code may start with; anything else stands for itself.
/// (One text: a list of byte strings costs a pointer and a length per shape.)
const POSTAL_SHAPES: &[u8] = b"99999|99999-9999|F9L9L9|F9L 9L9|F9L-9L9|";
/// Where the Canadian shapes begin. (One text sliced here is smaller in the wasm than two
/// texts and two searches for a lead without a country.)
const US_SHAPES_END: usize = 17;

/// Whether `text` has one of the `|`-ended `shapes`, character by character.
fn fits(text: &[u8], shapes: &[u8]) -> bool {
    // How much of `text` the current shape matched; past its end once it failed.
    let mut matched = 0;
    for &rule in shapes {
        if rule == b'|' {
            if matched == text.len() {
                return true;
            }
            matched = 0;
            continue;
        }
        let fits = text.get(matched).is_some_and(|&c| {
            // Each class is a bitset over the characters from its first one.
            let (first, set) = match rule {
                b'9' => (b'0', 0x3FF),
                b'L' => (b'A', POSTAL_LETTERS),
                b'F' => (b'A', POSTAL_FIRST_LETTERS),
                _ => return c == rule,
            };
            let i = c.to_ascii_uppercase().wrapping_sub(first);
            i < 26 && set >> i & 1 != 0
        });
        matched = if fits { matched + 1 } else { text.len() + 1 };
    }
    false
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

/// `US` and `CA` as [`letter_pair`] numbers them.
const US: usize = pair_number(*b"US");
const CA: usize = pair_number(*b"CA");

/// Two ASCII letters in any case, numbered `26 * first + second` (`A` is 0): the bit of their
/// code in a 26×26 bitset (see `data.rs`). Any other text gets [`NO_PAIR`], past every set.
/// (A number rather than the letters: the bitsets and `read`'s match need no further work on
/// them; and no `Option`, which the wasm returns through memory.)
fn letter_pair(text: &str) -> usize {
    // Setting bit 5 makes a letter lower case and leaves no other byte in `a..=z`.
    let letter = |c: u8| usize::from((c | 0x20).wrapping_sub(b'a'));
    match *text.as_bytes() {
        [a, b] if letter(a) < 26 && letter(b) < 26 => letter(a) * 26 + letter(b),
        _ => NO_PAIR,
    }
}

/// What [`letter_pair`] gives text that is no two letters: in no set.
const NO_PAIR: usize = usize::MAX;

/// The number of an upper-case code, for constants.
const fn pair_number([a, b]: [u8; 2]) -> usize {
    (a - b'A') as usize * 26 + (b - b'A') as usize
}

/// Whether bit `i` of a 26×26 bitset of two-letter codes is set (never past its end).
fn in_letter_set(set: &[u8; 85], i: usize) -> bool {
    set.get(i / 8)
        .is_some_and(|byte| byte & (1 << (i % 8)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_shapes_end_before_the_canadian_ones() {
        let (us, ca) = POSTAL_SHAPES.split_at(US_SHAPES_END);
        assert_eq!(
            (us, ca),
            (&b"99999|99999-9999|"[..], &b"F9L9L9|F9L 9L9|F9L-9L9|"[..])
        );
    }
}
