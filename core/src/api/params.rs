//! The params of one call: a value per declared parameter of its endpoint, read by the one
//! reader from an untyped object (a JS object in wasm, a JSON value natively) or, natively,
//! taken from a typed struct.

use alloc::string::String;
use alloc::vec::Vec;

use super::endpoint::Endpoint;
use crate::validate::fields::{int_string, Fields, Value};
use crate::wire::params::{BadField, FieldSource, Given};

/// The params of one call: a value per declared parameter of its endpoint.
#[derive(Clone, Debug)]
pub struct Params {
    pub endpoint: &'static Endpoint,
    values: Vec<Given>,
}

impl Params {
    /// No parameter given.
    pub fn empty(endpoint: &'static Endpoint) -> Params {
        let mut values = Vec::new();
        values.resize(endpoint.params.kinds.len(), Given::Absent);
        Params { endpoint, values }
    }

    /// Reads every declared parameter from `source`, or reports every property that holds
    /// no value its parameter can take (so one error lists them all). Names the endpoint
    /// does not take are the caller's to check: only the caller can list a source's keys.
    pub fn read<S: FieldSource + ?Sized>(
        endpoint: &'static Endpoint,
        source: &S,
    ) -> Result<Params, Vec<BadField>> {
        let mut params = Params::empty(endpoint);
        let mut bad = Vec::new();
        for ((name, kind), slot) in endpoint.params.iter().zip(params.values.iter_mut()) {
            let read = source
                .scalar(name)
                .ok()
                .map(|scalar| scalar.map_or(Some(Given::Absent), |s| kind.read::<S>(s)));
            match read.flatten() {
                Some(given) => *slot = given,
                None => bad.push(BadField {
                    field: name,
                    must_be: kind.must_be(),
                }),
            }
        }
        if bad.is_empty() {
            Ok(params)
        } else {
            Err(bad)
        }
    }

    /// The params a typed struct holds (natively: the typed API goes through the same
    /// encoder and rules as a JS object).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of<T: super::endpoint::Typed>(typed: &T) -> Params {
        let float_text = crate::wire::lenient::float_text;
        let endpoint = T::ENDPOINT;
        let mut params = Params::empty(endpoint);
        for ((name, kind), slot) in endpoint.params.iter().zip(params.values.iter_mut()) {
            *slot = Given::from_value(kind, typed.value(name), float_text);
        }
        params
    }

    /// The value of `name` (absent for names the endpoint does not take).
    pub fn get(&self, name: &str) -> &Given {
        const ABSENT: &Given = &Given::Absent;
        self.endpoint
            .params
            .index(name)
            .and_then(|i| self.values.get(i))
            .unwrap_or(ABSENT)
    }

    /// Sets `name`, when the endpoint takes it.
    pub fn set(&mut self, name: &str, value: Given) {
        if let Some(slot) = self
            .endpoint
            .params
            .index(name)
            .and_then(|i| self.values.get_mut(i))
        {
            *slot = value;
        }
    }

    /// Every parameter with its value, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Given)> {
        self.endpoint.params.names().zip(self.values.iter())
    }

    /// The text of a parameter given as text (or digits), e.g. an id.
    pub fn text(&self, name: &str) -> Option<String> {
        match self.get(name) {
            Given::Text(text) | Given::Raw(text) => Some(text.clone()),
            Given::Int(i) => Some(int_string(*i)),
            _ => None,
        }
    }

    /// A whole number ≥ 0 the caller gave (pagination).
    pub fn count(&self, name: &str) -> Option<u64> {
        match self.get(name) {
            Given::Int(i) => u64::try_from(*i).ok(),
            _ => None,
        }
    }
}

impl Fields for Params {
    fn value(&self, name: &str) -> Value<'_> {
        self.get(name).as_value()
    }
}
