//! Simulated dialer calls (admin API): what a call does to a lead on the live service.

use chrono::Duration;
use serde::Deserialize;

use super::leads::{self, Custom, Values};
use super::{now, recordings, Recording};
use crate::validate::{timestamp, TIMESTAMP_FORMAT};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Call {
    /// When the call started (`YYYY-MM-DD HH:MM:SS`); default now.
    #[serde(default)]
    pub at: Option<String>,
    /// How long it lasted; default 60.
    #[serde(default)]
    pub seconds: Option<u32>,
}

impl Call {
    pub fn check(&self) -> Result<(), String> {
        match &self.at {
            Some(at) if timestamp(at).is_none() => Err("at must be YYYY-MM-DD HH:MM:SS".into()),
            _ => Ok(()),
        }
    }
}

/// Records the call; returns the new recording's id, or `None` if the lead does not exist.
pub fn record(
    conn: &mut rusqlite::Connection,
    lead_id: i64,
    call: &Call,
) -> rusqlite::Result<Option<String>> {
    let tx = conn.transaction()?;
    let Some(lead) = leads::find(&tx, lead_id, false)? else {
        return Ok(None);
    };
    let at = call.at.clone().unwrap_or_else(now);
    let seconds = call.seconds.unwrap_or(60);
    let count = lead
        .get("called_count")
        .and_then(|c| c.parse::<u64>().ok())
        .unwrap_or(0)
        + 1;
    let mut changes = Values::new();
    changes.insert("last_called_at", at.clone());
    changes.insert("called_count", count.to_string());
    leads::update(&tx, &lead, &changes, &Custom::new())?;
    let end = timestamp(&at).map(|start| {
        (start + Duration::seconds(i64::from(seconds)))
            .format(TIMESTAMP_FORMAT)
            .to_string()
    });
    let recording_id = format!("rec{lead_id}-c{count}");
    recordings::insert(
        &tx,
        &Recording {
            recording_id: recording_id.clone(),
            lead_id,
            start_time: at,
            end_time: end,
            seconds: Some(i64::from(seconds)),
        },
    )?;
    tx.commit()?;
    Ok(Some(recording_id))
}
