//! The five API endpoints by name.

use axum::http::Method;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    Search,
    Recordings,
    Insert,
    Update,
    Delete,
}

impl Endpoint {
    pub const ALL: [Endpoint; 5] = [
        Endpoint::Search,
        Endpoint::Recordings,
        Endpoint::Insert,
        Endpoint::Update,
        Endpoint::Delete,
    ];

    /// The last path segment (`/v1/leads/<name>`), also used by the admin API.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Search => "search",
            Endpoint::Recordings => "get-recordings",
            Endpoint::Insert => "insert",
            Endpoint::Update => "update",
            Endpoint::Delete => "delete",
        }
    }

    pub fn from_name(name: &str) -> Option<Endpoint> {
        Self::ALL.into_iter().find(|e| e.name() == name)
    }

    /// Every endpoint takes POST; the two read-only ones also GET, as some of the service's
    /// docs show them.
    pub fn methods(self) -> &'static [Method] {
        match self {
            Endpoint::Search | Endpoint::Recordings => &[Method::GET, Method::POST],
            _ => &[Method::POST],
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}
