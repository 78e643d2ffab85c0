//! Dates and date-times as the Leads API writes them.
//!
//! - A date is `YYYY-MM-DD` exactly (zero-padded, no surrounding spaces) and names a real day
//!   of the Gregorian calendar: `2024-02-29` passes, `2023-02-29` and `2024-04-31` fail. Years
//!   run 1000–9999, the range a SQL `DATE` column holds. Code 9002.
//! - A date-time is `YYYY-MM-DD HH:MM:SS` (24-hour clock, no zone, no leap second), the form of
//!   get-recordings' `start_time`/`end_time`. Code 9003.
//! - Search date filters accept either form (the service documents dates; clients also send
//!   date-times).
//! - Because both forms are fixed-width and zero-padded, comparing the text compares the
//!   instants: [`reversed`] uses that to catch a range whose end precedes its start.

use super::codes::{INVALID_DATE, INVALID_DATETIME};
use super::report::Invalid;

const DATE_FORMAT: Invalid = Invalid::new(INVALID_DATE, "Write the date as YYYY-MM-DD");
const NO_SUCH_DATE: Invalid = Invalid::new(INVALID_DATE, "No such date");
const DATETIME_FORMAT: Invalid =
    Invalid::new(INVALID_DATETIME, "Write the time as YYYY-MM-DD HH:MM:SS");
const NO_SUCH_DATETIME: Invalid = Invalid::new(INVALID_DATETIME, "No such date or time");

/// A real calendar date written `YYYY-MM-DD`.
pub fn check_date(text: &str) -> Result<(), Invalid> {
    check(text, Form::Date).map_err(|e| *e)
}

/// A real date and time written `YYYY-MM-DD HH:MM:SS`.
pub fn check_datetime(text: &str) -> Result<(), Invalid> {
    check(text, Form::DateTime).map_err(|e| *e)
}

/// A date, or a date-time: what search's date filters take.
pub fn check_date_or_datetime(text: &str) -> Result<(), Invalid> {
    check(text, Form::Either).map_err(|e| *e)
}

/// Which of the written forms a value may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DD HH:MM:SS`.
    DateTime,
    /// Either; the length tells which.
    Either,
}

/// Whether a range written in either form ends before it starts. A bare date as the end
/// covers its whole day, so `2026-03-01 10:00:00`..`2026-03-01` is not reversed.
///
/// The first byte that differs decides. When there is none, one end is the other or its day
/// (the forms are fixed-width), and that is not reversed either way. For text in neither form
/// the answer means nothing.
// Inlined: one caller, the request loop; a function of its own costs more in the wasm.
#[inline(always)]
pub fn reversed(start: &str, end: &str) -> bool {
    let mut pairs = end.bytes().zip(start.bytes());
    pairs.find(|(e, s)| e != s).is_some_and(|(e, s)| e < s)
}

/// How a date-time is written: `0` stands for any ASCII digit, other bytes for themselves. A
/// date is written as its first [`DATE_LEN`] bytes. (One text: a second costs a pointer.)
const WRITTEN: &[u8; 19] = b"0000-00-00 00:00:00";
const DATE_LEN: usize = 10;

/// Text written in `form` that names a real day and, for a date-time, a real time of day.
/// Problems are references to their constants: one word to return, and one function for every
/// caller (the request loop calls it for three checks and for both ends of every range).
#[allow(
    clippy::manual_range_contains,
    reason = "`RangeInclusive::contains` stays a function of its own in the wasm, 30 B of gzip more"
)]
pub(super) fn check(text: &str, form: Form) -> Result<(), &'static Invalid> {
    let bytes = text.as_bytes();
    let datetime = match form {
        Form::Date => false,
        Form::DateTime => true,
        Form::Either => bytes.len() > DATE_LEN,
    };
    let (len, format, impossible) = if datetime {
        (WRITTEN.len(), &DATETIME_FORMAT, &NO_SUCH_DATETIME)
    } else {
        (DATE_LEN, &DATE_FORMAT, &NO_SUCH_DATE)
    };
    if bytes.len() != len {
        return Err(format);
    }
    // The numbers between the separators, year first; a date's time stays 00:00:00, which is
    // real. Four digits are at most 9999, so only the year's floor is checked.
    let mut numbers = [0u32; 6];
    let mut at = 0;
    for (&b, &f) in bytes.iter().zip(WRITTEN) {
        if f != b'0' {
            if b != f {
                return Err(format);
            }
            at += 1;
            continue;
        }
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return Err(format);
        }
        // Six numbers in either pattern: `get_mut` only spares the wasm a panic path.
        if let Some(n) = numbers.get_mut(at) {
            *n = *n * 10 + u32::from(digit);
        }
    }
    let [year, month, day, hour, minute, second] = numbers;
    let real = year >= 1000
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= days_in_month(year, month)
        && hour < 24
        && minute < 60
        && second < 60;
    if real {
        Ok(())
    } else {
        Err(impossible)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    // Leap years: every fourth, but of the centuries only every fourth.
    let leap = year % if year % 100 == 0 { 400 } else { 4 } == 0;
    match month {
        2 => 28 + u32::from(leap),
        // 31 days in the odd months up to July and the even ones from August.
        _ => 30 + ((month ^ month >> 3) & 1),
    }
}

#[cfg(test)]
mod tests {
    use super::days_in_month;

    #[test]
    fn days_in_month_follows_the_calendar() {
        for year in 1000..=9999 {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            for month in 1..=12 {
                let days = match month {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                assert_eq!(days_in_month(year, month), days, "{year}-{month}");
            }
        }
    }
}
