//! The JavaScript bindings: translation between JS values and the core, and HTTP. Nothing here
//! decides anything the core could.
//!
//! Public for Rust code compiled to wasm alongside the package (and its wasm tests):
//! [`client::ConvosoClient`] is the class JS sees, and [`errors`] names the JS error classes.

#[cfg(feature = "client")]
mod batch;
#[cfg(feature = "client")]
mod browser;
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod errors;
#[cfg(feature = "client")]
mod guard;
#[cfg(feature = "client")]
mod hooks;
#[cfg(feature = "client")]
mod iterate;
#[cfg(feature = "client")]
pub mod json;
#[cfg(feature = "client")]
mod options;
#[cfg(feature = "client")]
pub mod output;
#[cfg(feature = "client")]
mod pending;
#[cfg(feature = "client")]
mod recheck;
#[cfg(feature = "client")]
mod retrying;
#[cfg(feature = "client")]
pub mod rules;
#[cfg(feature = "client")]
mod task;
#[cfg(feature = "client")]
mod transport;
// The validators' own ABI, in the validation-only build; the client checks requests with that
// module (rules.rs) instead of carrying the rules twice.
#[cfg(not(feature = "client"))]
mod validate;

// The client build's allocator: talc, in place of std's dlmalloc (1.9 KB of code against 5.9 KB;
// the module is single-threaded, so no lock). The validation build allocates nothing.
#[cfg(all(feature = "client", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// TypeScript names of the lenient parameter types (`crate::wire::lenient`): what JS callers
/// may pass for numbers and flags.
#[cfg(feature = "typescript")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const LENIENT_TYPES: &str = r#"
/** An integer: a number, or a string of digits (`5`, `"5"`). */
export type IntLike = number | `${number}`;
/** A decimal number: a number or a numeric string (`1200.5`, `"1200.50"`). */
export type NumberLike = number | `${number}`;
/** A boolean, also as the service spells it in forms: `1`/`0`, `"1"`/`"0"`, `"true"`/`"false"`. */
export type FlagLike = boolean | 0 | 1 | "0" | "1" | "true" | "false";
"#;
