//! The validators for JavaScript: `validatePhone`, `validateEmail`, `validateLead`,
//! `validateSearch`, `validateUpdate`, `validateRecordings`.
//!
//! Synchronous, and shipped in both wasm builds (the validation-only one behind
//! `convoso-leads/validate` too), so nothing here may depend on the `client` feature. Results
//! are plain JS objects built property by property: serde-wasm-bindgen and `core::fmt` would
//! cost more than the validators themselves. Property names and messages are JS strings made
//! once (`intern`): decoding them anew on every call was most of a call's cost.

use alloc::borrow::Cow;

use wasm_bindgen::prelude::*;

use super::guard;
use crate::validate::email::{check_emails, EMPTY as NO_EMAIL};
use crate::validate::fields::{given_text, Fields, Value, INT_TEXT};
use crate::validate::lead::{
    check_request, check_required, Request, Sink, INSERT, RECORDINGS, SEARCH, UPDATE,
};
use crate::validate::{validate_phone as phone, Invalid, PhoneOptions};

mod intern;

#[wasm_bindgen]
extern "C" {
    /// Any JS object, read and written by property name.
    #[wasm_bindgen(js_name = Object)]
    type Props;

    #[wasm_bindgen(constructor, js_class = "Object")]
    fn new() -> Props;

    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get(this: &Props, key: &str) -> JsValue;

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Props, key: &JsValue, value: &JsValue);

    /// A JS string.
    type Text;

    #[wasm_bindgen(method)]
    fn slice(this: &Text, start: u32, end: u32) -> JsValue;

    #[wasm_bindgen(method)]
    fn concat(this: &Text, other: &Text) -> JsValue;

    /// `String(n)`: a number's decimal digits.
    #[wasm_bindgen(js_name = String)]
    fn digits_of(n: f64) -> Text;

    /// The optional options argument of `validatePhone`.
    #[wasm_bindgen(typescript_type = "PhoneOptions")]
    pub type PhoneOptionsArg;

    /// The optional options argument of the request validators.
    #[wasm_bindgen(typescript_type = "LeadOptions")]
    pub type LeadOptionsArg;

    #[wasm_bindgen(js_name = Array)]
    type List;

    #[wasm_bindgen(constructor, js_class = "Array")]
    fn new() -> List;

    #[wasm_bindgen(method, js_class = "Array")]
    fn push(this: &List, value: &JsValue);

    #[wasm_bindgen(method, getter, structural)]
    fn length(this: &List) -> u32;

    #[wasm_bindgen(method, structural, indexing_getter)]
    fn at(this: &List, index: u32) -> JsValue;
}

/// Declares a JS object shape once: the TypeScript interface (emitted into the `.d.ts`) and
/// the Rust struct that builds or reads it, from the same list of properties.
macro_rules! js_shape {
    (
        $(#[doc = $doc:literal])*
        $ts_name:ident as $name:ident {
            $($key:ident: $ts:literal,)*
            $(?$opt:ident: $opt_ts:literal,)*
        }
    ) => {
        $(#[doc = $doc])*
        #[allow(dead_code)] // Each shape is either built (results) or read (options).
        struct $name {
            $($key: JsValue,)*
            $($opt: Option<JsValue>,)*
        }

        #[allow(dead_code)]
        impl $name {
            fn into_js(self) -> JsValue {
                let object = Props::new();
                $(object.set(intern::js(stringify!($key)), &self.$key);)*
                $(if let Some(value) = &self.$opt {
                    object.set(intern::js(stringify!($opt)), value);
                })*
                object.into()
            }

            fn from_js(object: &JsValue) -> Self {
                let object: &Props = object.unchecked_ref();
                $name {
                    $($key: object.get(stringify!($key)),)*
                    $($opt: Some(object.get(stringify!($opt))).filter(|v| !v.is_undefined()),)*
                }
            }
        }

        const _: () = {
            #[wasm_bindgen(typescript_custom_section)]
            const TS: &str = concat!(
                "/**", $($doc, "\n *",)* "/\nexport interface ", stringify!($ts_name), " {\n",
                $("    ", stringify!($key), ": ", $ts, ";\n",)*
                $("    ", stringify!($opt), "?: ", $opt_ts, ";\n",)*
                "}\n"
            );
        };
    };
}

js_shape! {
    /// A valid phone number: Convoso's `phone_number` (national digits), its `phone_code`
    /// and the E.164 form.
    PhoneValid as JsPhoneValid {
        valid: "true",
        phone_number: "string",
        phone_code: "string",
        e164: "string",
    }
}

js_shape! {
    /// A rejected value: the code the Leads API would answer (or a client-side 9001-9099 code)
    /// and a message for a person.
    Invalid as JsInvalid {
        valid: "false",
        code: "number",
        message: "string",
    }
}

js_shape! {
    /// How to read a phone number.
    PhoneOptions as JsPhoneOptions {
        ?phone_code: "string | number",
        ?assigned_area_codes_only: "boolean",
    }
}

js_shape! {
    /// Every address of a valid email field, in order.
    EmailValid as JsEmailValid {
        valid: "true",
        emails: "string[]",
    }
}

js_shape! {
    /// An email field with invalid addresses: code 6079, the first problem's message, and one
    /// entry per invalid address.
    EmailInvalid as JsEmailInvalid {
        valid: "false",
        code: "number",
        message: "string",
        errors: "AddressError[]",
    }
}

js_shape! {
    /// One invalid address of an email field: its position (from 0) among the addresses.
    AddressError as JsAddressError {
        index: "number",
        address: "string",
        code: "number",
        message: "string",
    }
}

js_shape! {
    /// One problem with one field of a request. `index` is set for multi-value fields
    /// (`email`): the position of the offending value.
    FieldError as JsFieldError {
        field: "string",
        code: "number",
        message: "string",
        ?index: "number",
    }
}

js_shape! {
    /// A request with nothing to object to.
    RequestValid as JsRequestValid {
        valid: "true",
    }
}

js_shape! {
    /// A request with problems, one entry per problem, in field order.
    RequestInvalid as JsRequestInvalid {
        valid: "false",
        errors: "FieldError[]",
    }
}

js_shape! {
    /// Options of the request validators.
    LeadOptions as JsLeadOptions {
        ?assigned_area_codes_only: "boolean",
        ?required: "string[]",
    }
}

#[wasm_bindgen(typescript_custom_section)]
const RESULTS: &str = "\
export type PhoneResult = PhoneValid | Invalid;
export type EmailResult = EmailValid | EmailInvalid;
export type ValidationResult = RequestValid | RequestInvalid;
";

// The request shapes come from the params types (tsify, `typescript` feature). A build
// without it still declares the names, loosely, so the signatures below stay valid.
#[cfg(not(feature = "typescript"))]
#[wasm_bindgen(typescript_custom_section)]
const PARAMS: &str = "\
type LooseParams = { [field: string]: string | number | boolean | null | undefined };
export type InsertParams = LooseParams;
export type UpdateParams = LooseParams;
export type SearchParams = LooseParams;
export type RecordingsParams = LooseParams;
";

/// Validates one phone number: `{ valid: true, phone_number, phone_code, e164 }` or
/// `{ valid: false, code, message }`.
#[wasm_bindgen(js_name = validatePhone, unchecked_return_type = "PhoneResult")]
pub fn validate_phone(
    #[wasm_bindgen(unchecked_param_type = "string | number")] input: JsValue,
    options: Option<PhoneOptionsArg>,
) -> JsValue {
    let read = options
        .and_then(|o| guard::object(&o))
        .map(|o| JsPhoneOptions::from_js(&o));
    let phone_code = read
        .as_ref()
        .and_then(|o| o.phone_code.clone())
        .map_or(Value::Absent, js_value);
    let assigned_area_codes_only = read
        .and_then(|o| o.assigned_area_codes_only)
        .is_some_and(|v| v.is_truthy());
    let (mut code_digits, mut input_digits) = ([0; INT_TEXT], [0; INT_TEXT]);
    let options = PhoneOptions {
        phone_code: given_text(&phone_code, &mut code_digits),
        assigned_area_codes_only,
    };
    let input = js_value(input);
    let Some(input) = given_text(&input, &mut input_digits) else {
        return invalid(PHONE_NOT_TEXT);
    };
    match phone(input, &options) {
        Ok(p) => {
            // The digits cross as one number, which JS writes out and cuts: no text decoding.
            // Exact, as an E.164 number has at most 15 digits and never starts with 0.
            let number = p
                .e164()
                .bytes()
                .skip(1)
                .fold(0.0, |n, d| n * 10.0 + f64::from(d & 0xf));
            let digits = digits_of(number);
            let code_end = p.phone_code().len() as u32;
            let plus: &Text = intern::js("+").unchecked_ref();
            JsPhoneValid {
                valid: JsValue::TRUE,
                phone_number: digits.slice(code_end, p.e164().len() as u32 - 1),
                phone_code: digits.slice(0, code_end),
                e164: plus.concat(&digits),
            }
            .into_js()
        }
        Err(e) => invalid(e),
    }
}

const PHONE_NOT_TEXT: Invalid = Invalid {
    code: crate::validate::codes::INVALID_PHONE,
    message: "Enter the phone number as text",
};

/// Validates an email field (one or more addresses separated by `,` `;` or whitespace).
#[wasm_bindgen(js_name = validateEmail, unchecked_return_type = "EmailResult")]
pub fn validate_email(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue) -> JsValue {
    let input = input.as_string().unwrap_or_default();
    let emails = List::new();
    let errors = List::new();
    let mut first: Option<Invalid> = None;
    for (index, address, verdict) in check_emails(&input) {
        match verdict {
            Ok(()) => emails.push(&address.into()),
            Err(e) => {
                first.get_or_insert(e);
                let error = JsAddressError {
                    index: index.into(),
                    address: address.into(),
                    code: e.code.into(),
                    message: intern::js(e.message).clone(),
                };
                errors.push(&error.into_js());
            }
        }
    }
    match first {
        None if emails.length() == 0 => invalid(NO_EMAIL),
        None => JsEmailValid {
            valid: JsValue::TRUE,
            emails: emails.into(),
        }
        .into_js(),
        Some(e) => JsEmailInvalid {
            valid: JsValue::FALSE,
            code: e.code.into(),
            message: intern::js(e.message).clone(),
            errors: errors.into(),
        }
        .into_js(),
    }
}

/// Validates a whole insert request (what `insertLead` sends).
#[wasm_bindgen(js_name = validateLead, unchecked_return_type = "ValidationResult")]
pub fn validate_lead(
    #[wasm_bindgen(unchecked_param_type = "InsertParams")] lead: JsValue,
    options: Option<LeadOptionsArg>,
) -> JsValue {
    validate_js(&INSERT, lead, options)
}

/// Validates an update request (`lead_id` required).
#[wasm_bindgen(js_name = validateUpdate, unchecked_return_type = "ValidationResult")]
pub fn validate_update(
    #[wasm_bindgen(unchecked_param_type = "UpdateParams")] params: JsValue,
    options: Option<LeadOptionsArg>,
) -> JsValue {
    validate_js(&UPDATE, params, options)
}

/// Validates a search request (limit 1-2000, offset >= 0, date filters).
#[wasm_bindgen(js_name = validateSearch, unchecked_return_type = "ValidationResult")]
pub fn validate_search(
    #[wasm_bindgen(unchecked_param_type = "SearchParams")] params: JsValue,
) -> JsValue {
    validate_js(&SEARCH, params, None)
}

/// Validates a get-recordings request (`lead_id` required, limit 1-100, times).
#[wasm_bindgen(js_name = validateRecordings, unchecked_return_type = "ValidationResult")]
pub fn validate_recordings(
    #[wasm_bindgen(unchecked_param_type = "RecordingsParams")] params: JsValue,
) -> JsValue {
    validate_js(&RECORDINGS, params, None)
}

fn validate_js(request: &Request, params: JsValue, options: Option<LeadOptionsArg>) -> JsValue {
    // Callers' objects are read through copies (guard.js): a throwing getter or proxy must not
    // unwind through wasm.
    let options = options
        .and_then(|o| guard::object(&o))
        .map(|o| JsLeadOptions::from_js(&o));
    // A missing or non-object argument reads as an empty request: its required fields are
    // reported rather than a TypeError thrown.
    let params = guard::object(&params).unwrap_or_else(|| Props::new().into());
    let fields = JsFields(params.unchecked_into());
    let mut errors = JsErrors(None);
    let assigned_only = options
        .as_ref()
        .and_then(|o| o.assigned_area_codes_only.as_ref())
        .is_some_and(JsValue::is_truthy);
    check_request(request, &fields, assigned_only, &mut errors);
    if let Some(names) = options.and_then(|o| o.required) {
        if let guard::List::Items(names) = guard::list(&names, MAX_REQUIRED) {
            let names: List = names.unchecked_into();
            for name in (0..names.length()).filter_map(|i| names.at(i).as_string()) {
                check_required(request, &fields, &name, &mut errors);
            }
        }
    }
    match errors.0 {
        None => JsRequestValid {
            valid: JsValue::TRUE,
        }
        .into_js(),
        Some(list) => JsRequestInvalid {
            valid: JsValue::FALSE,
            errors: list.into(),
        }
        .into_js(),
    }
}

/// More names in `options.required` than any request has fields: ignored beyond this.
const MAX_REQUIRED: u32 = 1000;

/// Field errors collected straight into a JS array, created at the first error.
struct JsErrors(Option<List>);

impl Sink for JsErrors {
    fn error(&mut self, field: &str, code: u32, message: &'static str, index: Option<u32>) {
        let error = JsFieldError {
            field: field.into(),
            code: code.into(),
            message: intern::js(message).clone(),
            index: index.map(JsValue::from),
        };
        self.0.get_or_insert_with(List::new).push(&error.into_js());
    }
}

fn invalid(e: Invalid) -> JsValue {
    JsInvalid {
        valid: JsValue::FALSE,
        code: e.code.into(),
        message: intern::js(e.message).clone(),
    }
    .into_js()
}

/// A JS value as validation sees it.
fn js_value(value: JsValue) -> Value<'static> {
    if let Some(text) = value.as_string() {
        Value::Text(Cow::Owned(text))
    } else if let Some(n) = value.as_f64() {
        Value::from_number(n)
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if value.is_undefined() || value.is_null() {
        Value::Absent
    } else {
        Value::Other
    }
}

/// A JS object's properties as request fields.
struct JsFields(Props);

impl Fields for JsFields {
    fn value(&self, name: &str) -> Value<'_> {
        js_value(self.0.get(name))
    }
}

// The validation-only build's allocator: its allocations are a few short strings per call,
// and dlmalloc alone would be a third of the wasm. The full build keeps the default.
#[cfg(not(feature = "client"))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has a single thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

// The no_std validation build (see src/lib.rs) stops on a panic without formatting a message:
// no path is expected to panic, and a message would bring back the formatting machinery.
#[cfg(all(not(feature = "client"), not(feature = "typescript")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
