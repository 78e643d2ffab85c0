//! Any text as one address and as a multi-address field: no panic, positions count up, and
//! every piece of a field is non-empty.
#![no_main]

use convoso_leads_core::validate::{check_emails, validate_email};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = validate_email(text);
    for (expected, (index, address, _)) in check_emails(text).enumerate() {
        assert_eq!(index as usize, expected);
        assert!(!address.is_empty());
    }
});
