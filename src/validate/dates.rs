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
use super::Invalid;

const DATE_FORMAT: Invalid = Invalid {
    code: INVALID_DATE,
    message: "Write the date as YYYY-MM-DD",
};
const NO_SUCH_DATE: Invalid = Invalid {
    code: INVALID_DATE,
    message: "No such date",
};
const DATETIME_FORMAT: Invalid = Invalid {
    code: INVALID_DATETIME,
    message: "Write the time as YYYY-MM-DD HH:MM:SS",
};
const NO_SUCH_DATETIME: Invalid = Invalid {
    code: INVALID_DATETIME,
    message: "No such date or time",
};

/// A real calendar date written `YYYY-MM-DD`.
pub fn check_date(text: &str) -> Result<(), Invalid> {
    match parse_date(text.as_bytes()) {
        Parsed::Ok => Ok(()),
        Parsed::Format => Err(DATE_FORMAT),
        Parsed::Impossible => Err(NO_SUCH_DATE),
    }
}

/// A real date and time written `YYYY-MM-DD HH:MM:SS`.
pub fn check_datetime(text: &str) -> Result<(), Invalid> {
    let bytes = text.as_bytes();
    let (Some(date), Some(b' '), Some(time), 19) =
        (bytes.get(..10), bytes.get(10), bytes.get(11..), bytes.len())
    else {
        return Err(DATETIME_FORMAT);
    };
    match (parse_date(date), parse_time(time)) {
        (Parsed::Format, _) | (_, Parsed::Format) => Err(DATETIME_FORMAT),
        (Parsed::Impossible, _) | (_, Parsed::Impossible) => Err(NO_SUCH_DATETIME),
        (Parsed::Ok, Parsed::Ok) => Ok(()),
    }
}

/// A date, or a date-time: what search's date filters take.
pub fn check_date_or_datetime(text: &str) -> Result<(), Invalid> {
    if text.len() > 10 {
        check_datetime(text)
    } else {
        check_date(text)
    }
}

/// Whether a range written in either form ends before it starts. A bare date as the end
/// covers its whole day, so `2026-03-01 10:00:00`..`2026-03-01` is not reversed.
pub fn reversed(start: &str, end: &str) -> bool {
    let same_day = start.get(..10).is_some_and(|day| day == end);
    !same_day && end < start
}

enum Parsed {
    Ok,
    Format,
    Impossible,
}

fn parse_date(bytes: &[u8]) -> Parsed {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else {
        return Parsed::Format;
    };
    let (Some(year), Some(month), Some(day)) = (
        number(&[y1, y2, y3, y4]),
        number(&[m1, m2]),
        number(&[d1, d2]),
    ) else {
        return Parsed::Format;
    };
    let real = (1000..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month);
    if real {
        Parsed::Ok
    } else {
        Parsed::Impossible
    }
}

fn parse_time(bytes: &[u8]) -> Parsed {
    let [h1, h2, b':', m1, m2, b':', s1, s2] = *bytes else {
        return Parsed::Format;
    };
    match (number(&[h1, h2]), number(&[m1, m2]), number(&[s1, s2])) {
        (Some(h), Some(m), Some(s)) if h < 24 && m < 60 && s < 60 => Parsed::Ok,
        (Some(_), Some(_), Some(_)) => Parsed::Impossible,
        _ => Parsed::Format,
    }
}

/// The value of a run of ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
