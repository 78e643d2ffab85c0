//! Phone numbers: strip the formatting people type, then check the North American Numbering
//! Plan (calling code 1) or, for other calling codes, the E.164 length rules.
//!
//! Rules (every failure is code 6008 unless noted):
//! - Formatting is ignored: spaces (also no-break and ideographic), `-`, `.`, `(`, `)`, `/`,
//!   Unicode dashes. Full-width digits (`２０１…`, typed by CJK input methods) count as digits.
//! - A single `+` may open the number, followed by the calling code (`+1 201 555 0123`).
//!   `++1` and a `+` anywhere else are rejected: they are typos, not a dialling form. No
//!   calling code starts with 0, so `+044…` is rejected rather than read as +44.
//! - Letters are rejected: vanity numbers (`1-800-FLOWERS`) must be converted to digits by the
//!   person who knows them, and text around a number (`call 201 555 0123 now`) is not a number.
//!   `x`, `ext` or `#` after digits is reported as an extension (`201-555-0123 x12`, also a
//!   bare trailing `x`): Convoso stores digits only and has no extension field.
//! - Calling code: the `phone_code` option (a lead's `phone_code` field, default `1`). With a
//!   leading `+` the number must start with that code; when no `phone_code` was given at all
//!   ([`PhoneOptions::phone_code`] is `None`) the code is read from after the `+`.
//!   `44`, `+44` and ` 44 ` are the same; only ASCII whitespace is trimmed, as PHP's `trim()`
//!   on the server (a no-break space around the code makes it invalid).
//!   An unknown `phone_code` is code 9001.
//! - Calling code 1 (NANP): 10 digits, optionally preceded by `1` (`1-201-555-0123`). Area code
//!   and exchange are `[2-9]XX` and not `N11` (`211`, `911`, …). Area code 555 is exempt from
//!   both rules: it is reserved, unassigned, and it is where the Leads API documentation puts
//!   its example numbers (`5551234567`), which the service accepts. Exchange 555 in a real area
//!   code (`201-555-0123`, the fictional-number range) follows the ordinary rules and passes.
//! - [`PhoneOptions::assigned_area_codes_only`] additionally requires an area code in service
//!   (the embedded list; 555 is not in it).
//! - Other calling codes: the national number's length must be one the code uses, and the
//!   whole E.164 number at most 15 digits. Without a `+` the digits are the national number
//!   as typed: no trunk prefix (`0`) or calling code is removed, because which of those
//!   belongs to the number differs by country.
//! - Output: the national number (Convoso's `phone_number`), the calling code
//!   (`phone_code`) and the E.164 form, all ASCII digits.

use core::fmt;

use super::codes::{INVALID_PHONE, INVALID_PHONE_CODE};
use super::data::{CALLING_CODES, NANP_AREA_CODES, NATIONAL_LENGTHS};
use super::numbers;
use super::problems::problems;
use super::report::Invalid;

/// The most digits an E.164 number has, calling code included.
const MAX_DIGITS: usize = 15;

/// How to read a phone number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PhoneOptions<'a> {
    /// The country calling code (`"1"`, `"44"`, `"+44"`). `None`: taken from a leading `+`,
    /// else 1.
    pub phone_code: Option<&'a str>,
    /// Accept only NANP area codes that are in service.
    pub assigned_area_codes_only: bool,
}

/// A valid number, kept as `+` and its digits in a fixed buffer: no allocation per number.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Phone {
    text: [u8; MAX_DIGITS + 1],
    len: u8,
    code_len: u8,
}

impl Phone {
    /// The E.164 form: `+12015550123`.
    pub fn e164(&self) -> &str {
        self.slice(0, self.len)
    }

    /// The calling code without `+`: `1`.
    pub fn phone_code(&self) -> &str {
        self.slice(1, 1 + self.code_len)
    }

    /// The national number, as Convoso's `phone_number` holds it: `2015550123`.
    pub fn phone_number(&self) -> &str {
        self.slice(1 + self.code_len, self.len)
    }

    fn slice(&self, from: u8, to: u8) -> &str {
        let bytes = self
            .text
            .get(usize::from(from)..usize::from(to))
            .unwrap_or(&[]);
        // SAFETY: `build` writes only `+` and ASCII digits into `text`, so every slice of it
        // is ASCII and thus UTF-8. (`str::from_utf8` would cost the validation wasm 700 bytes
        // to re-check what this module guarantees.)
        unsafe { core::str::from_utf8_unchecked(bytes) }
    }
}

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Phone").field(&self.e164()).finish()
    }
}

problems! {
    /// What is wrong with a phone number: one byte to pass back.
    enum Problem;
    Empty: "Enter a phone number",
    DoublePlus: "Use a single + before the country code",
    MisplacedPlus: "A + can only come before the country code",
    Extension: "Remove the extension (x, ext, #)",
    Letters: "Use digits, not letters or words",
    Unexpected: "Use digits, spaces and + - . ( ) / only",
    TooManyDigits: "Too many digits (at most 15)",
    UnknownCountry: "Unknown country code after +",
    CountryMismatch: "The country code after + is not the lead's country code",
    NanpShort: "Enter all 10 digits: area code and number",
    NanpLong: "Too many digits: enter 10 digits, area code and number",
    AreaCodeStart: "The area code cannot start with 0 or 1",
    AreaCodeN11: "The area code cannot be N11 (411, 911)",
    ExchangeStart: "The exchange (digits 4-6) cannot start with 0 or 1",
    ExchangeN11: "The exchange (digits 4-6) cannot be N11 (411, 911)",
    AreaCodeUnassigned: "The area code is not in service",
    TooShort: "Too few digits for the country code",
    TooLong: "Too many digits for the country code",
    BadPhoneCode: "Enter a country calling code, like 1 or 44",
}

impl Problem {
    const fn code(self) -> u32 {
        match self {
            Problem::BadPhoneCode => INVALID_PHONE_CODE,
            _ => INVALID_PHONE,
        }
    }

    /// Digits still being typed: too few so far, and none that rule the number out.
    const fn incomplete(self) -> bool {
        matches!(self, Problem::NanpShort | Problem::TooShort)
    }
}

/// The reserved area code the API documentation uses for its example numbers.
const EXAMPLE_AREA_CODE: u16 = 555;

/// Validates one phone number and returns it normalised.
pub fn validate_phone(input: &str, options: &PhoneOptions<'_>) -> Result<Phone, Invalid> {
    read_phone(input, options).map_err(Problem::invalid)
}

fn read_phone(input: &str, options: &PhoneOptions<'_>) -> Result<Phone, Problem> {
    let given = options.phone_code.map(read_phone_code).transpose()?;
    let mut typed = Typed {
        digits: [0; MAX_DIGITS],
        len: 0,
        plus: false,
    };
    scan(input, &mut typed)?;
    let digits = typed.digits();
    if digits.is_empty() {
        return Err(Problem::Empty);
    }
    let (code, national) = if typed.plus {
        // Calling codes are prefix-free, so the one the digits start with is the only one
        // they can start with.
        match (leading_calling_code(digits), given) {
            (Some((code, national)), None) => (code, national),
            (Some((code, national)), Some(given)) if code == given => (code, national),
            (_, Some(_)) => return Err(Problem::CountryMismatch),
            (None, None) => return Err(Problem::UnknownCountry),
        }
    } else {
        let code = given.unwrap_or(1);
        let national = match digits {
            // The trunk prefix: before 10 digits, or before a number still being typed.
            [b'1', rest @ ..] if code == 1 && (rest.len() == 10 || digits.len() < 10) => rest,
            _ => digits,
        };
        (code, national)
    };
    if code == 1 {
        check_nanp(national, options.assigned_area_codes_only)?;
    } else {
        check_length(code, national)?;
    }
    Ok(build(code, national))
}

/// Reads a `phone_code` value: 1–3 digits, optionally after `+`, that name a calling code.
/// Surrounding ASCII whitespace is ignored (see the module rules).
pub fn parse_phone_code(text: &str) -> Result<u16, Invalid> {
    read_phone_code(text).map_err(Problem::invalid)
}

fn read_phone_code(text: &str) -> Result<u16, Problem> {
    let digits = match text.as_bytes().trim_ascii() {
        [b'+', rest @ ..] => rest,
        all => all,
    };
    let code = match digits {
        // At most 999: the cast is exact.
        [b'1'..=b'9', ..] if digits.len() <= 3 => numbers::digits(digits).map(|n| n as u16),
        _ => None,
    };
    code.filter(|&code| is_calling_code(code))
        .ok_or(Problem::BadPhoneCode)
}

/// The digits of the input, as ASCII (copied as they are into the [`Phone`]), and whether it
/// opened with `+`.
struct Typed {
    digits: [u8; MAX_DIGITS],
    len: usize,
    plus: bool,
}

impl Typed {
    fn digits(&self) -> &[u8] {
        self.digits.get(..self.len).unwrap_or(&[])
    }
}

/// Reads `input` into `typed` (passed in, not returned: moving the digits out through a
/// `Result` copied them).
fn scan(input: &str, typed: &mut Typed) -> Result<(), Problem> {
    let mut rest = input.as_bytes();
    while !rest.is_empty() {
        let (c, len) = next_ascii(rest);
        match c {
            b'0'..=b'9' => {
                let slot = typed
                    .digits
                    .get_mut(typed.len)
                    .ok_or(Problem::TooManyDigits)?;
                *slot = c;
                typed.len += 1;
            }
            b' ' | b'\t' | b'-' | b'.' | b'(' | b')' | b'/' => {}
            b'+' if typed.plus => return Err(Problem::DoublePlus),
            b'+' if typed.len > 0 => return Err(Problem::MisplacedPlus),
            b'+' => typed.plus = true,
            _ if typed.len > 0 && is_extension_marker(rest) => return Err(Problem::Extension),
            _ if c.is_ascii_alphabetic() => return Err(Problem::Letters),
            _ => return Err(Problem::Unexpected),
        }
        rest = rest.get(len..).unwrap_or_default();
    }
    Ok(())
}

/// The character `rest` starts with, as the ASCII character it stands for, and its length
/// in bytes. The few non-ASCII characters a number may hold are matched by their UTF-8
/// bytes (decoding `char`s would cost the validation wasm ~500 bytes); any other
/// non-ASCII character comes back as 0xFF, which no rule accepts.
fn next_ascii(rest: &[u8]) -> (u8, usize) {
    let (c, len) = match *rest {
        [a @ 0xE0..=0xEF, b, c, ..] => (
            u32::from(a & 0x0F) << 12 | u32::from(b & 0x3F) << 6 | u32::from(c & 0x3F),
            3,
        ),
        // No-break space, the only two-byte character a number may hold.
        [0xC2, 0xA0, ..] => (0x20, 2),
        [a, ..] => (u32::from(a), 1),
        [] => (0, 1),
    };
    let ascii = match c {
        0xFF08..=0xFF19 if c != 0xFF0F => c - 0xFEE0,
        0x3000 | 0x2010..=0x2015 | 0x2212 => 0x20,
        0..=0x7F => c,
        _ => 0xFF,
    };
    (ascii as u8, len)
}

/// `x`, `#` or `ext`, any letter case.
fn is_extension_marker(rest: &[u8]) -> bool {
    matches!(
        rest,
        [b'x' | b'X' | b'#', ..] | [b'e' | b'E', b'x' | b'X', b't' | b'T', ..]
    )
}

/// The calling code a `+`-number starts with, and the national number after it. ITU
/// calling codes are prefix-free, so the first known prefix is the only one.
fn leading_calling_code(digits: &[u8]) -> Option<(u16, &[u8])> {
    // No calling code starts with 0: `+044` is not +44 with a stray zero.
    if let [b'0', ..] = digits {
        return None;
    }
    let mut code = 0u16;
    for (i, &d) in digits.iter().enumerate().take(3) {
        // ASCII digits: the low nibble is the value.
        code = code * 10 + u16::from(d & 0x0F);
        if is_calling_code(code) {
            return Some((code, digits.get(i + 1..)?));
        }
    }
    None
}

fn check_nanp(national: &[u8], assigned_only: bool) -> Result<(), Problem> {
    if national.len() > 10 {
        return Err(Problem::NanpLong);
    }
    if national.len() < 10 {
        // Too few digits so far: unfinished, unless the digits typed already rule the number
        // out. `2` in the missing places breaks no rule, so the typed digits are judged alone
        // (and an area code not yet typed in full is not looked up).
        let mut padded = [b'2'; 10];
        for (slot, &digit) in padded.iter_mut().zip(national) {
            *slot = digit;
        }
        check_full_nanp(&padded, assigned_only && national.len() >= 3)?;
        return Err(Problem::NanpShort);
    }
    check_full_nanp(national, assigned_only)
}

fn check_full_nanp(national: &[u8], assigned_only: bool) -> Result<(), Problem> {
    let [a, b, c, d, e, f, _, _, _, _] = *national else {
        return Err(Problem::NanpLong);
    };
    let area = u16::from(a & 0x0F) * 100 + u16::from(b & 0x0F) * 10 + u16::from(c & 0x0F);
    if area == EXAMPLE_AREA_CODE {
        return if assigned_only {
            Err(Problem::AreaCodeUnassigned)
        } else {
            Ok(())
        };
    }
    if a < b'2' {
        return Err(Problem::AreaCodeStart);
    }
    if b == b'1' && c == b'1' {
        return Err(Problem::AreaCodeN11);
    }
    if d < b'2' {
        return Err(Problem::ExchangeStart);
    }
    if e == b'1' && f == b'1' {
        return Err(Problem::ExchangeN11);
    }
    if assigned_only && !area_code_in_service(area) {
        return Err(Problem::AreaCodeUnassigned);
    }
    Ok(())
}

/// Whether the embedded list has this area code (200–999) in service.
pub fn area_code_in_service(area: u16) -> bool {
    let Some(bit) = area.checked_sub(200) else {
        return false;
    };
    NANP_AREA_CODES
        .get(usize::from(bit / 8))
        .is_some_and(|byte| byte & (1 << (bit % 8)) != 0)
}

fn check_length(code: u16, national: &[u8]) -> Result<(), Problem> {
    let (min, max) = lengths_for(code).ok_or(Problem::BadPhoneCode)?;
    // `data.rs` caps each code's longest national number to fit E.164's 15 digits.
    let len = national.len();
    if len < usize::from(min) {
        return Err(Problem::TooShort);
    }
    if len > usize::from(max) {
        return Err(Problem::TooLong);
    }
    Ok(())
}

/// Whether `code` is a country calling code.
fn is_calling_code(code: u16) -> bool {
    CALLING_CODES
        .get(usize::from(code / 8))
        .is_some_and(|bits| bits >> (code % 8) & 1 != 0)
}

/// The shortest and longest national number for a calling code, if it is one.
fn lengths_for(code: u16) -> Option<(u8, u8)> {
    if !is_calling_code(code) {
        return None;
    }
    // The lengths are in the codes' order: this code's come after those of the codes below
    // it. Counting them is at most a thousand bit tests, once per number.
    let index = (0..code).filter(|&below| is_calling_code(below)).count();
    let both = NATIONAL_LENGTHS.get(index)?;
    Some((both >> 4, both & 0x0f))
}

/// `+`, the calling code's digits and the national number's (ASCII), each written into its
/// slots of the text: no per-digit append with its bounds check and length update.
fn build(code: u16, national: &[u8]) -> Phone {
    let code_len = 1 + usize::from(code >= 10) + usize::from(code >= 100);
    let mut phone = Phone {
        text: [b'+'; MAX_DIGITS + 1],
        // The checks kept the number within E.164's 15 digits: the casts are exact.
        len: (1 + code_len + national.len()) as u8,
        code_len: code_len as u8,
    };
    let (code_slots, national_slots) = phone
        .text
        .get_mut(1..)
        .unwrap_or_default()
        .split_at_mut_checked(code_len)
        .unwrap_or_default();
    // The code's digits from the last: its slots are exactly as many.
    let mut rest = code;
    for slot in code_slots.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    for (slot, &d) in national_slots.iter_mut().zip(national) {
        *slot = d;
    }
    phone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_reads_its_own_line() {
        assert_eq!(Problem::Empty.invalid().message, "Enter a phone number");
        assert_eq!(u32::from(Problem::Letters.invalid().code), INVALID_PHONE);
        assert_eq!(
            Problem::BadPhoneCode.invalid(),
            Invalid {
                code: INVALID_PHONE_CODE as u16,
                message: "Enter a country calling code, like 1 or 44",
                incomplete: false,
            }
        );
    }
}
