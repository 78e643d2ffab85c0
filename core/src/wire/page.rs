//! Paged lists (search results, recordings) in both shapes: the list under `entries`
//! (live) or `results` (documented), inside `data` or at the top level, with `offset`,
//! `limit` and `total` as numbers or strings.

use super::envelope::Payload;
use super::json::{Json, Kind};
use super::normalise::{count, Normaliser};
use super::shape::Record;
use crate::text::text;

/// One page, normalised: every item rewritten in place, counts as numbers.
pub struct Page<J> {
    pub items: Vec<J>,
    pub offset: u64,
    pub limit: u64,
    pub total: Option<u64>,
}

/// What the request asked for, used when the answer leaves `offset`/`limit` out (the
/// documented "not found" answer is just `{"success": true, "results": []}`).
pub struct Requested {
    /// Whole numbers ≥ 0 the caller gave.
    pub offset: Option<u64>,
    pub limit: Option<u64>,
    pub default_limit: u64,
}

pub fn decode<J: Json, R: Record>(
    mut payload: Payload<J>,
    requested: Requested,
) -> Result<Page<J>, String> {
    let list = payload
        .take(&J::key("entries"))
        .or_else(|| payload.take(&J::key("results")))
        .or_else(|| payload.data.take().filter(|d| d.kind() == Kind::Array))
        .ok_or_else(|| text!("no list of ", R::NAME, "s (`entries` or `results`)"))?;
    let items = Normaliser::<J>::new::<R>().apply_list(list, &text!(R::NAME, "s"))?;

    let field = |name: &str| payload.get(&J::key(name)).map_or(Ok(None), |v| count(&v));
    Ok(Page {
        items,
        offset: field("offset")?.or(requested.offset).unwrap_or(0),
        limit: field("limit")?
            .or(requested.limit)
            .unwrap_or(requested.default_limit),
        total: field("total")?,
    })
}
