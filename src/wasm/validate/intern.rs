//! JS strings for the validators' fixed texts (property names, messages), made once per text
//! and reused: decoding a string out of wasm memory costs more than validating a phone number,
//! and the same few dozen texts make up every result.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::UnsafeCell;

use wasm_bindgen::JsValue;

/// Where a text's bytes are: a `&'static str` lives at one address, with its length because the
/// linker may let a text share its bytes with a longer one that begins with it.
type Key = (*const u8, usize);

/// The texts seen so far (a few dozen: a linear scan is as fast as a hash here).
struct Interned(UnsafeCell<Vec<(Key, &'static JsValue)>>);

// SAFETY: wasm32-unknown-unknown without the atomics feature runs a single thread, so the list
// is never shared between threads (as for the allocator in validate.rs).
unsafe impl Sync for Interned {}

static INTERNED: Interned = Interned(UnsafeCell::new(Vec::new()));

/// The JS string for `text`, created on first use and kept for the life of the module.
pub(super) fn js(text: &'static str) -> &'static JsValue {
    // SAFETY: one thread (above), and the borrow ends in this function, which nothing it calls
    // re-enters (creating a JS string runs no Rust), so it is the only reference to the list.
    // (A RefCell's borrow check would bring its panic message's formatting into the module.)
    let seen = unsafe { &mut *INTERNED.0.get() };
    let key = (text.as_ptr(), text.len());
    if let Some((_, value)) = seen.iter().find(|(at, _)| *at == key) {
        return value;
    }
    // Leaked on purpose: one small box per distinct text, used until the module goes away.
    let value: &'static JsValue = Box::leak(Box::new(JsValue::from_str(text)));
    seen.push((key, value));
    value
}
