//! The browser-token rule: a client constructed with an `authToken` in a web page (where
//! `window` and `document` exist) is refused unless the caller passes
//! `dangerouslyAllowBrowser: true`. A token in a page is readable by every visitor (view
//! source, dev tools, any script on the page), and it grants the whole Leads API. A page should
//! call its own backend instead (no token, `baseUrl` pointing at `convoso-leads/proxy`), which
//! adds the token on the server. Node, Deno, Bun and workers have no `document` and are not
//! affected.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::client::malformed_object;
use crate::error::Error;

const REFUSAL: &str = "is refused in a web page: every visitor could read the token. Call your \
own backend instead (no authToken, baseUrl pointing at convoso-leads/proxy), or pass \
dangerouslyAllowBrowser: true if the page is never served to anyone who must not have it";

/// `Err` when a token is given in a browser without the explicit opt-in.
pub fn check_token(has_token: bool, allow_browser: Option<bool>) -> Result<(), Error> {
    if has_token && !allow_browser.unwrap_or(false) && in_browser() {
        return Err(malformed_object("", "options.authToken", REFUSAL));
    }
    Ok(())
}

/// Whether this runs in a web page: both `window` and `document` are defined.
fn in_browser() -> bool {
    let global = js_sys::global();
    let defined = |name: &str| {
        Reflect::get(&global, &JsValue::from_str(name)).is_ok_and(|v| !v.is_undefined())
    };
    defined("window") && defined("document")
}
