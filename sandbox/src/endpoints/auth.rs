//! The `auth_token` parameter. It is compared and then forgotten: never echoed, logged or
//! stored.

use crate::error::{ApiError, Code};
use crate::params::Params;

pub fn check(params: &Params, tokens: &[String]) -> Result<(), ApiError> {
    match params.get("auth_token") {
        Some(token) if tokens.iter().any(|known| known == token) => Ok(()),
        _ => Err(ApiError::coded(Code::AuthInvalid)),
    }
}
