//! Paged lists (search results, recordings) in both shapes: the list under `entries`
//! (live) or `results` (documented), inside `data` or at the top level, with `offset`,
//! `limit` and `total` as numbers or strings.

use super::envelope::Payload;
use super::json::{Json, Kind};
use super::lenient::IntLike;
use super::normalise::{count, Normaliser, Record};

/// One page, normalised: every item rewritten in place, counts as numbers.
pub struct Page<J> {
    pub items: Vec<J>,
    pub offset: u64,
    pub limit: u64,
    pub total: Option<u64>,
}

/// What the request asked for, used when the answer leaves `offset`/`limit` out (the
/// documented "not found" answer is just `{"success": true, "results": []}`).
pub struct Requested<'a> {
    pub offset: Option<&'a IntLike>,
    pub limit: Option<&'a IntLike>,
    pub default_limit: u64,
}

pub fn decode<J: Json, R: Record>(
    mut payload: Payload<J>,
    requested: Requested<'_>,
) -> Result<Page<J>, String> {
    let list = payload
        .take(&J::key("entries"))
        .or_else(|| payload.take(&J::key("results")))
        .or_else(|| payload.data.take().filter(|d| d.kind() == Kind::Array))
        .ok_or_else(|| format!("no list of {}s (`entries` or `results`)", R::NAME))?;
    let items = Normaliser::<J>::new::<R>().apply_list(list, &format!("{}s", R::NAME))?;

    let field = |name: &str| payload.get(&J::key(name)).map_or(Ok(None), |v| count(&v));
    let asked = |value: Option<&IntLike>| {
        value
            .and_then(|v| v.valid())
            .and_then(|n| u64::try_from(*n).ok())
    };
    Ok(Page {
        items,
        offset: field("offset")?
            .or_else(|| asked(requested.offset))
            .unwrap_or(0),
        limit: field("limit")?
            .or_else(|| asked(requested.limit))
            .unwrap_or(requested.default_limit),
        total: field("total")?,
    })
}
