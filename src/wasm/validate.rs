//! The validators for JavaScript (`validatePhone`, `validateEmail`, `validateLead`,
//! `validateUpdate`, `validateSearch`, `validateRecordings`): the Rust half of a small
//! hand-rolled ABI whose JavaScript half is `validate.js`.
//!
//! Why not wasm-bindgen here: its generic glue and externref runtime were a third of the
//! `convoso-leads/validate` entry's 10 KB gzip budget, for six functions that take a few
//! values and return codes and texts. The same exports are in both builds: the
//! validation-only module is nothing else, and the client build carries them too (wasm-bindgen
//! passes exports it did not make through untouched), so the main entry binds the validators
//! its client already contains instead of loading them twice.
//!
//! The ABI, all integers little-endian:
//! - JS asks `v_input(len)` for room (its address; 0 when memory cannot grow), writes the
//!   call's values there ([`Reader`] has the layout) and calls a validator with the address.
//! - A validator writes its findings to the output (`v_output()` is its address, valid until
//!   the next `v_input`) and returns how many it wrote (`u32::MAX`: output memory ran out). A
//!   finding is eight u32: the text (address, length), the code (its top bit set when the
//!   input is merely unfinished, see `Invalid::incomplete`), the message (address, length),
//!   the index (`u32::MAX`: none) and the subject (address, length). The text is the field
//!   (requests), the address (emails, code 0 when valid) or empty (phones); the subject is the
//!   value a message is about (one address of an email field), else empty, and JS puts it
//!   before the message as `lead::about` does.
//! - `v_phone` writes the number's E.164 digits (no `+`) to the output instead and returns
//!   their count times 4 plus the calling code's length less one; or -1 with one finding, or
//!   -2 when output memory ran out.
//!
//! A call needs memory for its input (at most 3 bytes per UTF-16 unit of text, plus a few per
//! value) and 32 bytes per finding; memory grows when a call needs more, and is reused after.

use core::sync::atomic::{AtomicBool, Ordering::Relaxed};

use crate::api::{delete, insert, recordings, search, update};
use crate::validate::email::{check_emails, empty as no_email};
use crate::validate::fields::{given_text, Fields, Value, INT_TEXT};
use crate::validate::lead::{check_given, check_request, check_required, Request, Said, Sink};
use crate::validate::phone::{validate_phone, PhoneOptions};
use crate::validate::{codes, Invalid};

mod room;

/// Room for `len` bytes of input: its address, or 0 when memory cannot grow that far.
#[no_mangle]
pub extern "C" fn v_input(len: usize) -> usize {
    OUT_OF_MEMORY.store(false, Relaxed);
    room::input(len).map_or(0, |at| at as usize)
}

/// The address of the last call's findings.
#[no_mangle]
pub extern "C" fn v_output() -> usize {
    room::output() as usize
}

/// `validatePhone(input, { phone_code, assigned_area_codes_only })`: input and phone_code are
/// two values at `at`.
#[no_mangle]
pub extern "C" fn v_phone(at: usize, len: usize, assigned_only: u32) -> i32 {
    let mut read = Reader(written(at, len));
    let (input, phone_code) = (read.value(), read.value());
    let (mut code_digits, mut input_digits) = ([0; INT_TEXT], [0; INT_TEXT]);
    let options = PhoneOptions {
        phone_code: given_text(&phone_code, &mut code_digits),
        assigned_area_codes_only: assigned_only != 0,
    };
    let result = match given_text(&input, &mut input_digits) {
        Some(text) => validate_phone(text, &options),
        // What a request's phone field answers to the same value.
        None => Err(Said::WrongType.with(codes::INVALID_PHONE)),
    };
    match result {
        Ok(p) => {
            let digits = p.e164().as_bytes().get(1..).unwrap_or_default();
            if !room::push(digits) {
                return -2;
            }
            (digits.len() * 4 + p.phone_code().len() - 1) as i32
        }
        Err(e) => {
            report(b"", e, None, b"");
            -1
        }
    }
}

/// `validateEmail(field)`: every address in order (code 0 when valid), or one finding without
/// an index when the field has no address at all.
#[no_mangle]
pub extern "C" fn v_email(at: usize, len: usize) -> u32 {
    let field = match Reader(written(at, len)).value() {
        Value::Text(text) => text,
        _ => "",
    };
    for (index, address, verdict) in check_emails(field) {
        let (problem, subject) = match verdict {
            Err(e) => (e, address.as_bytes()),
            Ok(()) => (Invalid::new(0, ""), &[][..]),
        };
        report(address.as_bytes(), problem, Some(index), subject);
    }
    if room::written() == 0 {
        report(b"", no_email(), None, b"");
    }
    findings()
}

/// `validateLead`, `validateUpdate`, `validateSearch`, `validateRecordings` (`kind` 0-3), and
/// the client's check of a delete (4): the request's fields, then the extra required names,
/// at `at`.
#[no_mangle]
pub extern "C" fn v_request(kind: u32, at: usize, len: usize, assigned_only: u32) -> u32 {
    let request = request(kind);
    let mut read = Reader(written(at, len));
    let fields = WrittenFields(read.0);
    for _ in 0..read.u32() {
        let name = read.text();
        check_given(request, name, &read.value(), &mut Findings);
    }
    check_request(request, &fields, assigned_only != 0, &mut Findings);
    for _ in 0..read.u32() {
        check_required(request, &fields, read.text(), &mut Findings);
    }
    findings()
}

/// The rules of request `kind` (see [`v_request`]).
fn request(kind: u32) -> &'static Request {
    match kind {
        0 => &insert::RULES,
        1 => &update::RULES,
        2 => &search::RULES,
        3 => &recordings::RULES,
        _ => &delete::RULES,
    }
}

/// The field names of request `kind`, for the Standard Schemas (which read only these, and
/// describe them in JSON Schema), written to the output: those with a rule first, each
/// followed by a space. Returns their length (-1: output memory ran out). After a `v_input`,
/// as every call.
#[no_mangle]
pub extern "C" fn v_names(kind: u32) -> i32 {
    let names = request(kind).names.as_bytes();
    if room::push(names) {
        names.len() as i32
    } else {
        -1
    }
}

/// The bytes JS wrote for this call.
fn written(at: usize, len: usize) -> &'static [u8] {
    if at == 0 {
        return &[];
    }
    // SAFETY: JS wrote `len` bytes at an address `v_input` returned for at least that many,
    // and nothing writes there until the next `v_input`, after this call has returned.
    unsafe { core::slice::from_raw_parts(at as *const u8, len) }
}

/// Reads what validate.js writes. A value is a tag byte, then: `0` absent (`undefined`,
/// `null`); `1` text: u32 length + UTF-8; `2` number: f64; `3` false; `4` true; `5` anything
/// else. A request is a u32 count of fields, each a text (the name) and a value, then a u32
/// count of extra required names, each a text. Input that ends early reads as absent.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let (head, rest) = self.0.split_at_checked(n).unwrap_or((&[], &[]));
        self.0 = rest;
        head
    }

    fn u32(&mut self) -> u32 {
        self.take(4).try_into().map_or(0, u32::from_le_bytes)
    }

    fn text(&mut self) -> &'a str {
        let n = self.u32() as usize;
        let bytes = self.take(n);
        // SAFETY: validate.js writes every text with `TextEncoder.encodeInto`, which writes
        // UTF-8, whole characters only; and `take` returns all `n` bytes or none.
        unsafe { core::str::from_utf8_unchecked(bytes) }
    }

    fn value(&mut self) -> Value<'a> {
        match self.take(1) {
            [1] => Value::Text(self.text()),
            [2] => self
                .take(8)
                .try_into()
                .map_or(Value::Absent, |b| Value::from_number(f64::from_le_bytes(b))),
            [3] => Value::Bool(false),
            [4] => Value::Bool(true),
            [5] => Value::Other,
            _ => Value::Absent,
        }
    }
}

/// A request's fields as written, found by name.
struct WrittenFields<'a>(&'a [u8]);

impl Fields for WrittenFields<'_> {
    fn value(&self, name: &str) -> Value<'_> {
        let mut read = Reader(self.0);
        for _ in 0..read.u32() {
            let (key, value) = (read.text(), read.value());
            if key == name {
                return value;
            }
        }
        Value::Absent
    }
}

// Whether a finding of this call could not be written. (An atomic only for a safe static: the
// module is single-threaded.)
static OUT_OF_MEMORY: AtomicBool = AtomicBool::new(false);

/// How many findings this call wrote (32 bytes each), or `u32::MAX` when one could not be.
fn findings() -> u32 {
    if OUT_OF_MEMORY.load(Relaxed) {
        u32::MAX
    } else {
        (room::written() / FINDING) as u32
    }
}

/// The bytes of one finding: eight u32.
const FINDING: usize = 32;

fn report(text: &[u8], problem: Invalid, index: Option<u32>, subject: &[u8]) {
    let words = [
        text.as_ptr() as u32,
        text.len() as u32,
        u32::from(problem.code) | u32::from(problem.incomplete) << 31,
        problem.message.as_ptr() as u32,
        problem.message.len() as u32,
        index.unwrap_or(u32::MAX),
        subject.as_ptr() as u32,
        subject.len() as u32,
    ];
    // SAFETY: the same 32 bytes seen as bytes (u8 has no alignment); wasm is little-endian,
    // as the ABI's integers are. (`to_le_bytes` + `copy_from_slice` would link a panic
    // message's formatting code, larger than the validators' glue.)
    let bytes = unsafe { &*(&words as *const [u32; 8] as *const [u8; FINDING]) };
    if !room::push(bytes) {
        OUT_OF_MEMORY.store(true, Relaxed);
    }
}

/// Request findings go straight to the output.
struct Findings;

impl Sink for Findings {
    fn error(&mut self, field: &str, problem: Invalid, index: Option<u32>, subject: &str) {
        report(field.as_bytes(), problem, index, subject.as_bytes());
    }
}

// The validation-only build (no_std, see src/lib.rs) has no allocator and needs none: values
// are read where JS wrote them. `alloc` is linked all the same, so it gets one that always
// fails: a path that tried to allocate would stop like a panic.
#[cfg(not(feature = "client"))]
struct NoAlloc;

// SAFETY: returning null is how an allocator reports failure.
#[cfg(not(feature = "client"))]
unsafe impl core::alloc::GlobalAlloc for NoAlloc {
    unsafe fn alloc(&self, _: core::alloc::Layout) -> *mut u8 {
        core::ptr::null_mut()
    }
    unsafe fn dealloc(&self, _: *mut u8, _: core::alloc::Layout) {}
}

#[cfg(not(feature = "client"))]
#[global_allocator]
static ALLOCATOR: NoAlloc = NoAlloc;

// The no_std validation build stops on a panic without formatting a message: no path is
// expected to panic, and a message would bring the formatting machinery back.
#[cfg(all(not(feature = "client"), not(feature = "typescript")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
