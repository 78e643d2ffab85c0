//! What makes one endpoint different from another, as each endpoint file declares it.

use crate::validate::lead::Request;
use crate::wire::params::ParamList;

/// What makes one endpoint different from another; everything else is shared. Each endpoint
/// file declares its own as `ENDPOINT`.
#[derive(Debug)]
pub struct Endpoint {
    /// The path under the base URL, as the API documents it.
    pub path: &'static str,
    /// Whether sending the call twice is harmless: only then may it be retried blindly.
    pub idempotent: bool,
    /// How its answer becomes its result.
    pub answer: Answer,
    /// Every parameter it takes.
    pub params: ParamList,
    /// The same checks the service makes, run before anything is sent.
    pub rules: &'static Request,
}

/// Which result an answer decodes to (each decoder is in its endpoint's file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Search,
    Recordings,
    Insert,
    Update,
    Delete,
}

/// A typed params struct and its endpoint (natively; the typed API shares the tables).
#[cfg(not(target_arch = "wasm32"))]
pub trait Typed: crate::validate::fields::Fields {
    const ENDPOINT: &'static Endpoint;
}
