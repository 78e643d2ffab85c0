//! Request counters, bumped as a request arrives at an endpoint (before faults, body limits
//! or auth), so a test can prove whether a request was sent at all.

use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value};

use crate::endpoint::Endpoint;

#[derive(Default)]
pub struct Stats {
    counts: [AtomicU64; Endpoint::ALL.len()],
}

impl Stats {
    pub fn count(&self, endpoint: Endpoint) {
        if let Some(counter) = self.counts.get(endpoint.index()) {
            counter.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn clear(&self) {
        for counter in &self.counts {
            counter.store(0, Ordering::Relaxed);
        }
    }

    /// `{"search":n,…,"total":n}`
    pub fn requests(&self) -> Value {
        let mut object = Map::new();
        let mut total = 0;
        for (endpoint, counter) in Endpoint::ALL.iter().zip(&self.counts) {
            let n = counter.load(Ordering::Relaxed);
            total += n;
            object.insert(endpoint.name().into(), n.into());
        }
        object.insert("total".into(), total.into());
        Value::Object(object)
    }
}
