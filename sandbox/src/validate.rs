//! Format checks on parameter values. This is the sandbox's own reading of the spec; it
//! deliberately shares nothing with the library's validators.

use chrono::{NaiveDate, NaiveDateTime};
use email_address::EmailAddress;

pub const DATE_FORMAT: &str = "%Y-%m-%d";
pub const TIMESTAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// Characters people type inside phone numbers; they are dropped before checking.
const PHONE_PUNCTUATION: &[char] = &[' ', '-', '(', ')', '.'];

/// Digits of a phone number for `phone_code`, or `None` when it cannot be one.
/// North American numbers (code 1) are 10 digits whose area code does not start with 0 or 1;
/// other countries get the E.164 bound (at most 15 digits including the country code).
pub fn phone(raw: &str, phone_code: &str) -> Option<String> {
    let digits = without_punctuation(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ok = if phone_code == "1" {
        digits.len() == 10 && !digits.starts_with(['0', '1'])
    } else {
        (4..=15usize.saturating_sub(phone_code.len())).contains(&digits.len())
    };
    ok.then_some(digits)
}

/// A typed number with the punctuation people type inside numbers removed.
pub fn without_punctuation(raw: &str) -> String {
    raw.chars()
        .filter(|c| !PHONE_PUNCTUATION.contains(c))
        .collect()
}

/// A country calling code: 1 to 3 digits, not starting with 0.
pub fn phone_code(raw: &str) -> bool {
    (1..=3).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_digit()) && !raw.starts_with('0')
}

/// One address or several separated by commas ("Invalid Email(s)"); each needs a dotted domain.
pub fn emails(raw: &str) -> bool {
    raw.split(',').map(str::trim).all(|one| {
        EmailAddress::parse_with_options(
            one,
            email_address::Options::default().without_display_text(),
        )
        .is_ok_and(|addr| addr.domain().contains('.'))
    })
}

/// `YYYY-MM-DD`, zero-padded, a real calendar date.
pub fn date(raw: &str) -> Option<NaiveDate> {
    (raw.len() == 10)
        .then(|| NaiveDate::parse_from_str(raw, DATE_FORMAT).ok())
        .flatten()
}

/// `YYYY-MM-DD HH:MM:SS`, zero-padded.
pub fn timestamp(raw: &str) -> Option<NaiveDateTime> {
    (raw.len() == 19)
        .then(|| NaiveDateTime::parse_from_str(raw, TIMESTAMP_FORMAT).ok())
        .flatten()
}

/// A plain decimal amount such as `1250` or `-3.75` (no exponent, no NaN/inf).
pub fn number(raw: &str) -> bool {
    let unsigned = raw.strip_prefix('-').unwrap_or(raw);
    let mut parts = unsigned.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn north_american_phones() {
        assert_eq!(phone("5551234567", "1").as_deref(), Some("5551234567"));
        assert_eq!(phone("(555) 123-4567", "1").as_deref(), Some("5551234567"));
        assert_eq!(phone("555.123.4567", "1").as_deref(), Some("5551234567"));
        for bad in [
            "555123456",
            "15551234567",
            "0551234567",
            "1551234567",
            "555123456x",
            "",
            "+15551234567",
        ] {
            assert_eq!(phone(bad, "1"), None, "{bad}");
        }
    }

    #[test]
    fn other_country_phones_use_the_e164_bound() {
        assert!(phone("2071234567", "44").is_some());
        assert!(phone("123", "44").is_none());
        assert!(phone("1234567890123", "44").is_some());
        assert!(phone("12345678901234", "44").is_none());
    }

    #[test]
    fn phone_codes() {
        assert!(phone_code("1") && phone_code("44") && phone_code("358"));
        assert!(!phone_code("") && !phone_code("0") && !phone_code("1234") && !phone_code("+1"));
    }

    #[test]
    fn email_lists() {
        assert!(emails("john@example.com"));
        assert!(emails("a@example.com, b@example.org"));
        for bad in [
            "john",
            "john@",
            "john@example",
            "a@example.com,",
            "John <john@example.com>",
            "a b@example.com",
        ] {
            assert!(!emails(bad), "{bad}");
        }
    }

    #[test]
    fn dates_and_timestamps() {
        assert!(date("2026-03-01").is_some());
        assert!(
            date("2026-3-1").is_none()
                && date("2026-02-30").is_none()
                && date("03/01/2026").is_none()
        );
        assert!(timestamp("2026-03-01 08:00:00").is_some());
        assert!(
            timestamp("2026-03-01T08:00:00").is_none() && timestamp("2026-03-01 8:00:00").is_none()
        );
    }

    #[test]
    fn numbers() {
        for good in ["0", "1250", "-3.75", "10.5"] {
            assert!(number(good), "{good}");
        }
        for bad in ["", "-", "1e3", "NaN", "inf", "1.", ".5", "1,000", "abc"] {
            assert!(!number(bad), "{bad}");
        }
    }
}
