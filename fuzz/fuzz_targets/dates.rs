//! Any text as a date, a date-time, either, and as the ends of a range: no panic.
#![no_main]

use convoso_leads_core::validate::dates::{
    check_date, check_date_or_datetime, check_datetime, reversed,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (start, end) = input;
    let date = check_date(start).is_ok();
    let datetime = check_datetime(start).is_ok();
    assert!(!(date && datetime), "{start:?} is both");
    assert_eq!(check_date_or_datetime(start).is_ok(), date || datetime);
    let _ = reversed(start, end);
});
