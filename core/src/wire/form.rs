//! `application/x-www-form-urlencoded` request bodies: the only place the auth token travels.
//! One encoder for every endpoint: it writes the params in declaration order.

use super::params::Given;

/// A request body under construction.
pub struct Form(form_urlencoded::Serializer<'static, String>);

impl Form {
    pub fn new() -> Self {
        Form(form_urlencoded::Serializer::new(String::new()))
    }

    /// Adds `name=value` when the value is set; absent parameters are left out entirely so the
    /// service applies its own defaults.
    pub fn field(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.0.append_pair(name, v);
        }
    }

    /// Every given parameter, as the service reads it: text as given, numbers in plain
    /// notation, flags as `1`/`0`, and values that did not read as their type as given (the
    /// caller turned validation off and wants the service's verdict).
    pub fn params<'a>(&mut self, params: impl Iterator<Item = (&'static str, &'a Given)>) {
        for (name, value) in params {
            self.field(name, value.form_text().as_deref());
        }
    }

    pub fn finish(mut self) -> String {
        self.0.finish()
    }
}

impl Default for Form {
    fn default() -> Self {
        Self::new()
    }
}
