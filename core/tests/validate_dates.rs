//! Date rules: real calendar dates in the API's fixed formats.

use convoso_leads_core::validate::codes::{INVALID_DATE, INVALID_DATETIME};
use convoso_leads_core::validate::dates::{
    check_date, check_date_or_datetime, check_datetime, reversed,
};

#[test]
fn real_calendar_dates() {
    for ok in [
        "2024-02-29",
        "2000-02-29",
        "1999-12-31",
        "1000-01-01",
        "9999-12-31",
        "2026-03-03",
    ] {
        assert_eq!(check_date(ok), Ok(()), "{ok}");
    }
    for (bad, part) in [
        ("2023-02-29", "No such date"),
        ("1900-02-29", "No such date"),
        ("2024-04-31", "No such date"),
        ("2024-13-01", "No such date"),
        ("2024-00-10", "No such date"),
        ("2024-01-00", "No such date"),
        ("0999-01-01", "No such date"),
        ("2024-1-01", "YYYY-MM-DD"),
        ("24-01-01", "YYYY-MM-DD"),
        ("2024/01/01", "YYYY-MM-DD"),
        ("01/02/2024", "YYYY-MM-DD"),
        (" 2024-01-01", "YYYY-MM-DD"),
        ("2024-01-01 10:00:00", "YYYY-MM-DD"),
        ("２０２４-01-01", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
    ] {
        let e = check_date(bad).expect_err(bad);
        assert_eq!(u32::from(e.code), INVALID_DATE, "{bad}");
        assert!(e.message.contains(part), "{bad}: {}", e.message);
    }
}

#[test]
fn date_times() {
    for ok in [
        "2026-03-01 08:00:00",
        "2024-02-29 23:59:59",
        "2026-03-03 00:00:00",
    ] {
        assert_eq!(check_datetime(ok), Ok(()), "{ok}");
    }
    for bad in [
        "2026-03-01 24:00:00",
        "2026-03-01 12:60:00",
        "2026-03-01 12:00:60",
        "2026-02-30 12:00:00",
        "2026-03-01T08:00:00",
        "2026-03-01 8:00:00",
        "2026-03-01 08:00",
        "2026-03-01",
        "2026-03-01 08:00:00Z",
    ] {
        assert_eq!(
            check_datetime(bad).map_err(|e| u32::from(e.code)),
            Err(INVALID_DATETIME),
            "{bad}"
        );
    }
}

#[test]
fn search_filters_take_either_form() {
    assert_eq!(check_date_or_datetime("2026-03-01"), Ok(()));
    assert_eq!(check_date_or_datetime("2026-03-01 08:00:00"), Ok(()));
    assert_eq!(
        check_date_or_datetime("2026-03-32").map_err(|e| u32::from(e.code)),
        Err(INVALID_DATE)
    );
    assert_eq!(
        check_date_or_datetime("2026-03-01 25:00:00").map_err(|e| u32::from(e.code)),
        Err(INVALID_DATETIME)
    );
}

#[test]
fn reversed_ranges() {
    assert!(reversed("2026-03-02", "2026-03-01"));
    assert!(reversed("2026-03-01 10:00:00", "2026-03-01 09:59:59"));
    assert!(!reversed("2026-03-01", "2026-03-01"));
    assert!(!reversed("2026-03-01 10:00:00", "2026-03-01"));
    assert!(!reversed("2026-03-01", "2026-03-01 00:00:00"));
    assert!(!reversed("2026-02-28", "2026-03-01"));
    // Across forms and days, and the later field deciding when the earlier ones agree.
    assert!(reversed("2026-03-02 00:00:00", "2026-03-01"));
    assert!(reversed("2026-03-02", "2026-03-01 23:59:59"));
    assert!(!reversed("2026-03-01", "2026-03-02 00:00:00"));
    assert!(reversed("2027-01-01", "2026-12-31 23:59:59"));
    assert!(!reversed("2026-03-01 09:59:59", "2026-03-01 10:00:00"));
    assert!(!reversed("2026-03-01 10:00:00", "2026-03-01 10:00:00"));
}
