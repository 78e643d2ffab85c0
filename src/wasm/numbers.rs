//! The core's float hooks (`convoso_leads_core::wire::lenient`): the JS engine formats and
//! parses floats, so Rust's float formatting and parsing stay out of the module.

/// `String(f)`: the shortest text that reads back as `f`, as JS writes it.
#[no_mangle]
pub fn convoso_leads_float_text(f: f64) -> String {
    js_sys::Number::from(f)
        .to_string_with_radix(10)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// `parseFloat(text)` for text already checked to be a plain decimal; `None` unless finite.
#[no_mangle]
pub fn convoso_leads_parse_float(text: &str) -> Option<f64> {
    Some(js_sys::parse_float(text)).filter(|f| f.is_finite())
}
