//! Every error code a validator can report.
//!
//! Where the Leads API documents a code for a check, the validators use it, so a form can show
//! the same code the server would answer with. Checks the server documents no code for use the
//! client-side range [`CLIENT_RANGE`] (9001–9099), which the service has never been seen to use.

use core::ops::RangeInclusive;

/// 6007: `list_id` or `phone_number` missing from an insert.
pub const LIST_AND_PHONE_REQUIRED: u32 = 6007;
/// 6008: the phone number (or an alternate phone) is invalid.
pub const INVALID_PHONE: u32 = 6008;
/// 6023: a field the caller declared required (e.g. a list's required custom field) is missing.
pub const REQUIRED_FIELD: u32 = 6023;
/// 6070: `lead_id` missing or not a lead ID (update; also used for get-recordings).
pub const INVALID_LEAD_ID: u32 = 6070;
/// 6079: one or more email addresses are invalid.
pub const INVALID_EMAIL: u32 = 6079;
/// 7231: `offset` is not a whole number ≥ 0 (search, get-recordings).
pub const INVALID_OFFSET: u32 = 7231;
/// 7258: `limit` outside 1..=2000 (search) or 1..=100 (get-recordings).
pub const INVALID_LIMIT: u32 = 7258;

/// 9000: not a field of the endpoint (a misspelt name): the code the client answers for it
/// too, before anything is sent.
pub const UNKNOWN_FIELD: u32 = 9000;

/// The codes reserved for checks the server documents no code for.
pub const CLIENT_RANGE: RangeInclusive<u32> = 9001..=9099;

/// 9001: `phone_code` is not a country calling code.
pub const INVALID_PHONE_CODE: u32 = 9001;
/// 9002: not a real calendar date written `YYYY-MM-DD`.
pub const INVALID_DATE: u32 = 9002;
/// 9003: not a real date and time written `YYYY-MM-DD HH:MM:SS`.
pub const INVALID_DATETIME: u32 = 9003;
/// 9004: the end of a date range comes before its start.
pub const REVERSED_RANGE: u32 = 9004;
/// 9005: `check_dup` is not a whole number 0–4.
pub const INVALID_CHECK_DUP: u32 = 9005;
/// 9006: `hopper_priority` is not a whole number 0–99.
pub const INVALID_HOPPER_PRIORITY: u32 = 9006;
/// 9007: `hopper_expires_in` is not a whole number of minutes 0–300.
pub const INVALID_HOPPER_EXPIRES_IN: u32 = 9007;
/// 9008: `reject_by_carrier_type` holds something other than MOBILE, VOIP, LANDLINE.
pub const INVALID_CARRIER_TYPE: u32 = 9008;
/// 9009: a revenue field is not a plain decimal number.
pub const INVALID_NUMBER: u32 = 9009;
/// 9010: `country` is not an ISO 3166-1 alpha-2 code.
pub const INVALID_COUNTRY: u32 = 9010;
/// 9011: `state` is not a US state/territory or Canadian province code.
pub const INVALID_STATE: u32 = 9011;
/// 9012: `postal_code` is not a US ZIP code or Canadian postal code.
pub const INVALID_POSTAL_CODE: u32 = 9012;
/// 9013: an ID option (`lead_id`, `search_list_id`, `search_campaign_id`) is not a whole
/// number ≥ 0.
pub const INVALID_ID: u32 = 9013;
/// 9014: a value outside a documented set of words (`update_order_by_last_called_time`).
pub const INVALID_CHOICE: u32 = 9014;

/// Every code with its one-line meaning: the table the README reproduces.
pub const ALL: &[(u32, &str)] = &[
    (
        LIST_AND_PHONE_REQUIRED,
        "The lead requires a phone number and list id",
    ),
    (INVALID_PHONE, "The phone number is invalid"),
    (REQUIRED_FIELD, "Required fields are missed"),
    (INVALID_LEAD_ID, "Invalid lead ID"),
    (INVALID_EMAIL, "Invalid Email(s)"),
    (INVALID_OFFSET, "Invalid offset value"),
    (INVALID_LIMIT, "Invalid limit value"),
    (UNKNOWN_FIELD, "Not a field of the endpoint"),
    (
        INVALID_PHONE_CODE,
        "phone_code is not a country calling code",
    ),
    (INVALID_DATE, "Not a real date written YYYY-MM-DD"),
    (
        INVALID_DATETIME,
        "Not a real date and time written YYYY-MM-DD HH:MM:SS",
    ),
    (REVERSED_RANGE, "A range ends before it starts"),
    (INVALID_CHECK_DUP, "check_dup must be 0-4"),
    (INVALID_HOPPER_PRIORITY, "hopper_priority must be 0-99"),
    (
        INVALID_HOPPER_EXPIRES_IN,
        "hopper_expires_in must be 0-300 minutes",
    ),
    (
        INVALID_CARRIER_TYPE,
        "reject_by_carrier_type takes MOBILE, VOIP, LANDLINE",
    ),
    (INVALID_NUMBER, "Not a plain decimal number"),
    (INVALID_COUNTRY, "Not an ISO 3166-1 alpha-2 country code"),
    (INVALID_STATE, "Not a US state or Canadian province code"),
    (
        INVALID_POSTAL_CODE,
        "Not a US ZIP code or Canadian postal code",
    ),
    (INVALID_ID, "Not a whole number >= 0"),
    (INVALID_CHOICE, "Not one of the documented values"),
];
