//! Any text, with any phone_code, in both modes: no panic, and an accepted number is stable.
#![no_main]

use convoso_leads_core::validate::phone::parse_phone_code;
use convoso_leads_core::validate::{validate_phone, PhoneOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, Option<&str>, bool)| {
    let (text, phone_code, assigned_area_codes_only) = input;
    if let Some(code) = phone_code {
        let _ = parse_phone_code(code);
    }
    let options = PhoneOptions {
        phone_code,
        assigned_area_codes_only,
    };
    if let Ok(phone) = validate_phone(text, &options) {
        let plain = PhoneOptions::default();
        assert_eq!(validate_phone(phone.e164(), &plain), Ok(phone));
        assert!(phone.e164().len() <= 16);
    }
});
