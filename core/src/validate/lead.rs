//! Whole requests: which field of which endpoint gets which check, declared once per endpoint,
//! and the one loop that applies them.
//!
//! The tables below are the rules. A blank value (absent, empty or only spaces) counts as not
//! given: optional fields are then skipped and required ones reported. Errors come in table
//! order, one per field (one per address for `email`), each naming its field.

use alloc::borrow::{Cow, ToOwned};
use alloc::string::String;
use alloc::vec::Vec;

use super::codes::*;
use super::dates::{self, reversed, Form};
use super::email::problems as email_problems;
use super::fields::{given_text, Fields, Value, INT_TEXT};
use super::numbers::{check_int, digits, is_decimal, IntError};
use super::phone::{parse_phone_code, validate_phone, PhoneOptions};
use super::places::{is_postal_code, is_state, Country};
use super::problems::problems;
use super::report::{FieldError, Invalid};

problems! {
    /// The messages of the request rules, each reported with the code of its check. One text,
    /// not a pointer per message in the rule tables (binary gzips poorly).
    texts Said;
    Required: "Fill in this field",
    LeadId: "Enter the lead's ID: digits only",
    WrongType: "Enter text or a number",
    NotWhole: "Enter a whole number",
    Reversed: "Ends before the start",
    Unknown: "Not a field of this form",
    CheckDup: "Use a level from 0 to 4",
    HopperPriority: "Use 0 (lowest) to 99 (highest)",
    HopperExpiresIn: "Use 0 to 300 minutes",
    NotNegative: "Cannot be negative",
    SearchLimit: "Use 1 to 2000",
    RecordingsLimit: "Use 1 to 100",
    Decimal: "Enter a plain number, like 1200.50",
    Country: "Use a two-letter country code: US, CA, GB",
    State: "Use a two-letter state or province code: CA, ON",
    PostalCode: "Use a ZIP (12345, 12345-6789) or Canadian code (A1A 1A1)",
    CarrierTypes: "Use MOBILE, VOIP, LANDLINE, comma-separated",
    Order: "Use ASC or DESC",
    ListId: "Enter the list ID",
    Phone: "Enter a phone number",
}

/// What a field must be. Two bytes: checks with parameters name them (see [`Whole`] and
/// [`Choice`]), so that the rule tables hold no pointers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Anything: only whether it is given matters.
    Any,
    /// A phone number in the request's `phone_code` (6008).
    Phone,
    /// The request's `phone_code`: a country calling code (9001).
    PhoneCode,
    /// One or more email addresses (6079).
    Emails,
    /// `YYYY-MM-DD` (9002), `YYYY-MM-DD HH:MM:SS` (9003) or either.
    Date(Form),
    /// A whole number in a range.
    Int(Whole),
    /// A plain decimal number (9009).
    Decimal,
    /// The request's `country`: ISO 3166-1 alpha-2 (9010).
    Country,
    /// A state code for the request's country (9011).
    State,
    /// A postal code for the request's country (9012).
    PostalCode,
    /// Words from a fixed set.
    Words(Choice),
    /// A lead ID: digits (6070).
    LeadId,
}

/// The whole-number fields' ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whole {
    /// `check_dup` (9005).
    CheckDup,
    /// `hopper_priority` (9006).
    HopperPriority,
    /// `hopper_expires_in` (9007).
    HopperExpiresIn,
    /// `offset` (7231).
    Offset,
    /// Search's `limit` (7258).
    SearchLimit,
    /// Get-recordings' `limit` (7258).
    RecordingsLimit,
    /// An ID option: a whole number ≥ 0 (9013).
    Id,
}

/// A whole number in `min..=max`, reported with `code`.
#[derive(Clone, Copy, Debug)]
pub struct IntRange {
    pub min: i64,
    pub max: i64,
    pub code: u32,
    /// Says the range; reported for whole numbers outside it.
    pub message: Said,
}

impl Whole {
    /// The range, its code and the message that says it.
    pub fn range(self) -> &'static IntRange {
        macro_rules! range {
            ($min:expr, $max:expr, $code:expr, $message:expr) => {
                &IntRange {
                    min: $min,
                    max: $max,
                    code: $code,
                    message: $message,
                }
            };
        }
        match self {
            Whole::CheckDup => range!(0, 4, INVALID_CHECK_DUP, Said::CheckDup),
            Whole::HopperPriority => range!(0, 99, INVALID_HOPPER_PRIORITY, Said::HopperPriority),
            Whole::HopperExpiresIn => {
                range!(0, 300, INVALID_HOPPER_EXPIRES_IN, Said::HopperExpiresIn)
            }
            Whole::Offset => range!(0, i64::MAX, INVALID_OFFSET, Said::NotNegative),
            Whole::SearchLimit => range!(1, 2000, INVALID_LIMIT, Said::SearchLimit),
            Whole::RecordingsLimit => range!(1, 100, INVALID_LIMIT, Said::RecordingsLimit),
            Whole::Id => range!(0, i64::MAX, INVALID_ID, Said::NotWhole),
        }
    }
}

/// The fields that take words from a fixed set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// `reject_by_carrier_type`: a comma-separated list.
    CarrierTypes,
    /// `update_order_by_last_called_time`: one word.
    Order,
}

/// Words from a fixed set, reported with `code`.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    /// The words, spelt exactly as the API spells them, each followed by a space.
    pub words: &'static str,
    /// `false`: the value is one of the words, exactly. `true`: a comma-separated list of
    /// them, ASCII spaces allowed around each.
    pub list: bool,
    pub code: u32,
    /// Names the words.
    pub message: Said,
}

impl Choice {
    /// The words, how they may be given, the code and the message that names them.
    pub fn words(self) -> &'static Words {
        match self {
            Choice::CarrierTypes => &Words {
                words: "MOBILE VOIP LANDLINE ",
                list: true,
                code: INVALID_CARRIER_TYPE,
                message: Said::CarrierTypes,
            },
            Choice::Order => &Words {
                words: "ASC DESC ",
                list: false,
                code: INVALID_CHOICE,
                message: Said::Order,
            },
        }
    }
}

/// What a blank field is: fine, or reported with a code and message of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Not required: a blank value is skipped.
    Optional,
    /// `list_id` of an insert (6007, which the service answers for either of the two).
    List,
    /// `phone_number` of an insert (6007).
    Phone,
    /// `lead_id` (6070).
    LeadId,
}

impl Need {
    fn problem(self) -> Option<Invalid> {
        let (code, message) = match self {
            Need::Optional => return None,
            Need::List => (LIST_AND_PHONE_REQUIRED, Said::ListId),
            Need::Phone => (LIST_AND_PHONE_REQUIRED, Said::Phone),
            Need::LeadId => (INVALID_LEAD_ID, Said::LeadId),
        };
        Some(message.with(code))
    }
}

/// One field's rule (its name is in [`Request::names`]).
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// What its value must be.
    pub check: Check,
    /// Whether, and how, a blank value is reported.
    pub need: Need,
}

/// The rules of one endpoint. Field names are text, not a pointer and a length each: binary
/// in the wasm gzips poorly.
#[derive(Clone, Copy, Debug)]
pub struct Request {
    /// The API names of every field of the endpoint, each followed by a space: first those
    /// the rules apply to, in the order of `rules`, then the others (no rule: given, they are
    /// passed as they are), the flags first. A name not in the list is not a field of the
    /// endpoint (9000).
    pub names: &'static str,
    /// Per-field rules, in the order of `names` and of the errors reported.
    pub rules: &'static [Rule],
    /// `start end ` name pairs, each name followed by a space: ranges whose end may not
    /// precede the start (9004).
    pub ranges: &'static str,
    /// How many of the fields without a rule, the first ones, are flags, which take `true` and
    /// `false` (the rest take text). A count, not names: the names are in `names` already.
    pub flags: usize,
}

impl Request {
    /// The names of every field: those with a rule first (one per rule), then the others.
    pub fn fields(&self) -> Names {
        Names(self.names.as_bytes())
    }

    /// Where `name` is in [`Request::fields`]: below `rules.len()` it has a rule; `None`: not a
    /// field of the endpoint.
    fn position(&self, name: &str) -> Option<usize> {
        self.fields().position(|field| field == name)
    }

    /// The `(start, end)` pairs of ranges.
    pub fn ranges(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        let mut names = Names(self.ranges.as_bytes());
        core::iter::from_fn(move || Some((names.next()?, names.next()?)))
    }
}

/// The names of a list, each followed by a space.
#[derive(Clone, Debug)]
pub struct Names(&'static [u8]);

impl Names {
    /// The names in `list`, each followed by a space.
    pub fn new(list: &'static str) -> Names {
        Names(list.as_bytes())
    }
}

impl Iterator for Names {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        // A plain byte loop: `str::split` would link memchr.
        let end = self.0.iter().position(|&b| b == b' ')?;
        let name = self.0.get(..end)?;
        self.0 = self.0.get(end + 1..)?;
        // SAFETY: cut from a `str` just before an ASCII space, so whole characters only.
        Some(unsafe { core::str::from_utf8_unchecked(name) })
    }
}

/// Options of a whole-request validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeadOptions {
    /// Accept only NANP area codes in service (see [`super::phone`]).
    pub assigned_area_codes_only: bool,
    /// More fields that must be given, e.g. the required custom fields of the target list
    /// (6023 when missing).
    pub required: Vec<String>,
}

// The checks with parameters, as the endpoint declarations (`api/`) name them.
pub const DATE: Check = Check::Date(Form::Date);
pub const DATETIME: Check = Check::Date(Form::DateTime);
pub const DATE_OR_DATETIME: Check = Check::Date(Form::Either);
pub const CHECK_DUP: Check = Check::Int(Whole::CheckDup);
pub const HOPPER_PRIORITY: Check = Check::Int(Whole::HopperPriority);
pub const HOPPER_EXPIRES_IN: Check = Check::Int(Whole::HopperExpiresIn);
pub const OFFSET: Check = Check::Int(Whole::Offset);
pub const SEARCH_LIMIT: Check = Check::Int(Whole::SearchLimit);
pub const RECORDINGS_LIMIT: Check = Check::Int(Whole::RecordingsLimit);
pub const ID: Check = Check::Int(Whole::Id);
pub const CARRIER_TYPES: Check = Check::Words(Choice::CarrierTypes);
pub const ORDER: Check = Check::Words(Choice::Order);

/// Where a validation run reports its errors: a `Vec<FieldError>` natively, JS objects in the
/// wasm build (which so needs no `Vec` of errors, and no growth code, at all).
pub trait Sink {
    /// One problem of one field; for multi-value fields (`email`) the position of the value
    /// and the value itself (`subject`), which the message is about (see [`about`]).
    fn error(&mut self, field: &str, problem: Invalid, index: Option<u32>, subject: &str);
}

impl Sink for Vec<FieldError> {
    fn error(&mut self, field: &str, problem: Invalid, index: Option<u32>, subject: &str) {
        self.push(FieldError {
            field: Cow::Owned(field.to_owned()),
            code: u32::from(problem.code),
            message: if subject.is_empty() {
                Cow::Borrowed(problem.message)
            } else {
                Cow::Owned(about(subject, problem.message))
            },
            index,
            incomplete: problem.incomplete,
        });
    }
}

/// The message of a problem with one value of a multi-value field: the value, quoted, then
/// what is wrong with it (`“bad@” needs a domain after the @`). The bindings' JavaScript
/// builds the same text.
pub fn about(subject: &str, predicate: &str) -> String {
    let mut text = String::with_capacity(subject.len() + predicate.len() + 8);
    text.push('“');
    text.push_str(subject);
    text.push_str("” ");
    text.push_str(predicate);
    text
}

/// Applies `request`'s rules and the options' extra required fields to `fields`.
pub fn validate_request(
    request: &Request,
    fields: &dyn Fields,
    options: &LeadOptions,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_request(
        request,
        fields,
        options.assigned_area_codes_only,
        &mut errors,
    );
    for name in &options.required {
        check_required(request, fields, name, &mut errors);
    }
    errors
}

/// Applies `request`'s rules to `fields`, reporting to `sink`.
pub fn check_request(
    request: &Request,
    fields: &dyn Fields,
    assigned_area_codes_only: bool,
    sink: &mut dyn Sink,
) {
    // Blank counts as not given here too: the service's default calling code, no country.
    let phone_code_value = not_blank(fields.value("phone_code"));
    let mut phone_code_digits = [0; INT_TEXT];
    let phone_code_text = given_text(&phone_code_value, &mut phone_code_digits);
    let country_value = not_blank(fields.value("country"));
    let context = Context {
        phone_code: phone_code_text
            .map(|code| parse_phone_code(code).map(|_| ()))
            .unwrap_or(Ok(())),
        phone_code_text,
        country: match given_text(&country_value, &mut [0; INT_TEXT]) {
            Some(text) => Country::read(text),
            None => Some(Country::Unspecified),
        },
        assigned_area_codes_only,
    };
    let mut names = request.fields();
    for rule in request.rules {
        // `names` holds as many names as there are rules.
        let field = names.next().unwrap_or_default();
        let value = fields.value(field);
        let problem = if value.is_blank() {
            rule.need.problem()
        } else {
            check(field, rule.check, &value, &context, sink).err()
        };
        // One place reports both kinds of problem: each call through the sink is code.
        if let Some(problem) = problem {
            sink.error(field, problem, None, "");
        }
    }
    for (start, end) in request.ranges() {
        if range_reversed(fields, start, end) {
            sink.error(end, Said::Reversed.with(REVERSED_RANGE), None, "");
        }
    }
}

/// Reports `name` (9000) when it is not a field of `request` (a misspelt name, which the
/// client refuses to send); where it is in [`Request::fields`].
pub fn check_name(request: &Request, name: &str, sink: &mut dyn Sink) -> Option<usize> {
    let at = request.position(name);
    if at.is_none() {
        sink.error(name, Said::Unknown.with(UNKNOWN_FIELD), None, "");
    }
    at
}

/// Checks the name and, for a field without a rule, the kind of `value` as the client reads it
/// (9000): an object or a list is never a parameter's value, and only a flag takes `true`.
/// (A field with a rule has its value judged by the rule.)
pub fn check_given(request: &Request, name: &str, value: &Value<'_>, sink: &mut dyn Sink) {
    let Some(at) = check_name(request, name, sink) else {
        return;
    };
    let Some(unruled) = at.checked_sub(request.rules.len()) else {
        return;
    };
    let wrong = match value {
        Value::Other => true,
        Value::Bool(_) => unruled >= request.flags,
        _ => false,
    };
    if wrong {
        sink.error(name, Said::WrongType.with(UNKNOWN_FIELD), None, "");
    }
}

/// Reports `name` (6023) when the caller requires it and it is blank, unless the request's
/// own rules already report it as required; or (9000) when it is not a field of the request.
pub fn check_required(request: &Request, fields: &dyn Fields, name: &str, sink: &mut dyn Sink) {
    let Some(at) = check_name(request, name, sink) else {
        return;
    };
    let in_table = request
        .rules
        .get(at)
        .is_some_and(|rule| rule.need != Need::Optional);
    if !in_table && fields.value(name).is_blank() {
        sink.error(name, Said::Required.with(REQUIRED_FIELD), None, "");
    }
}

fn not_blank(value: Value<'_>) -> Value<'_> {
    if value.is_blank() {
        Value::Absent
    } else {
        value
    }
}

/// What checks of one field need to know about the others.
struct Context<'a> {
    /// `Err` when the request's `phone_code` is invalid: phones are then not checked.
    phone_code: Result<(), Invalid>,
    /// The request's `phone_code` as text, when given.
    phone_code_text: Option<&'a str>,
    /// `None` when `country` is invalid: states and postal codes are then not checked.
    country: Option<Country>,
    assigned_area_codes_only: bool,
}

/// The problem with a given value. Emails, one field holding several values, report their own.
fn check(
    field: &str,
    check: Check,
    value: &Value<'_>,
    context: &Context<'_>,
    sink: &mut dyn Sink,
) -> Result<(), Invalid> {
    let mut buffer = [0; INT_TEXT];
    // Worked out once for every way the value can fail the check.
    let code = code_of(check);
    match check {
        // Any text, as for a field without a rule: never an object, and `true` is no text.
        Check::Any => match value {
            Value::Other | Value::Bool(_) => Err(Said::WrongType.with(UNKNOWN_FIELD)),
            _ => Ok(()),
        },
        Check::Int(whole) => {
            let range = whole.range();
            check_int(value, range.min, range.max).map_err(|e| {
                match e {
                    IntError::NotWhole => Said::NotWhole,
                    IntError::OutOfRange => range.message,
                }
                .with(code)
            })
        }
        Check::Decimal => is_decimal(value)
            .then_some(())
            .ok_or(Said::Decimal.with(code)),
        text_check => match given_text(value, &mut buffer) {
            None => Err(Said::WrongType.with(code)),
            Some(text) => {
                if let Check::Emails = text_check {
                    for (index, address, e) in email_problems(text) {
                        sink.error(field, e, Some(index), address);
                    }
                    Ok(())
                } else {
                    check_text(text_check, code, text, context)
                }
            }
        },
    }
}

/// The checks of text values (numbers given to text fields are checked as their digits).
fn check_text(check: Check, code: u32, text: &str, context: &Context<'_>) -> Result<(), Invalid> {
    // The checks judged here fail with a message and the check's code, put together once.
    let message = match check {
        Check::Phone => {
            if context.phone_code.is_err() {
                // Reported on phone_code itself; without a calling code no phone can be judged.
                return Ok(());
            }
            let options = PhoneOptions {
                // The service's default calling code is 1.
                phone_code: Some(context.phone_code_text.unwrap_or("1")),
                assigned_area_codes_only: context.assigned_area_codes_only,
            };
            return validate_phone(text, &options).map(|_| ());
        }
        Check::PhoneCode => return context.phone_code,
        Check::Date(form) => return dates::check(text, form).map_err(|e| *e),
        // Read once per request, for states and postal codes too.
        Check::Country if context.country.is_none() => Said::Country,
        Check::State
            if context
                .country
                .is_some_and(|country| !is_state(country, text)) =>
        {
            Said::State
        }
        Check::PostalCode
            if context
                .country
                .is_some_and(|country| !is_postal_code(country, text)) =>
        {
            Said::PostalCode
        }
        Check::Words(choice) if !choice.words().allow(text) => choice.words().message,
        // Digits, however many: the value itself is not checked.
        Check::LeadId if digits(text.as_bytes().trim_ascii()).is_none() => Said::LeadId,
        _ => return Ok(()),
    };
    Err(message.with(code))
}

impl Words {
    /// Whether `text` is one of the words, or a list of them when the check takes a list.
    fn allow(&self, text: &str) -> bool {
        let known = |item: &[u8]| Names(self.words.as_bytes()).any(|word| word.as_bytes() == item);
        let text = text.as_bytes();
        if self.list {
            text.split(|&b| b == b',')
                .all(|item| known(item.trim_ascii()))
        } else {
            known(text)
        }
    }
}

/// The code a check reports.
fn code_of(check: Check) -> u32 {
    match check {
        Check::Any => REQUIRED_FIELD,
        Check::Phone => INVALID_PHONE,
        Check::PhoneCode => INVALID_PHONE_CODE,
        Check::Emails => INVALID_EMAIL,
        Check::Date(Form::DateTime) => INVALID_DATETIME,
        Check::Date(_) => INVALID_DATE,
        Check::Int(whole) => whole.range().code,
        Check::Decimal => INVALID_NUMBER,
        Check::Country => INVALID_COUNTRY,
        Check::State => INVALID_STATE,
        Check::PostalCode => INVALID_POSTAL_CODE,
        Check::Words(choice) => choice.words().code,
        Check::LeadId => INVALID_LEAD_ID,
    }
}

/// Both ends given and valid, and the end before the start. Invalid ends are reported by
/// their own rules.
fn range_reversed(fields: &dyn Fields, start: &str, end: &str) -> bool {
    let (start, end) = (fields.value(start), fields.value(end));
    match (start.text(), end.text()) {
        (Some(s), Some(e)) => {
            let valid = |text| dates::check(text, Form::Either).is_ok();
            valid(s) && valid(e) && reversed(s, e)
        }
        _ => false,
    }
}
