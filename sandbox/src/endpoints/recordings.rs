//! `POST /leads/get-recordings`

use super::fields::{paging, range_bound, Bound};
use crate::app::App;
use crate::error::{ApiError, Code};
use crate::params::{parse_int, Params};
use crate::render::Reply;
use crate::store::{recordings, Page};

pub const DEFAULT_LIMIT: i64 = 10;
pub const MAX_LIMIT: i64 = 100;

pub async fn run(app: &App, params: Params) -> Result<Reply, ApiError> {
    // 6005 is the only code leads-api.md gives this endpoint besides 7231; a missing lead_id
    // is the request it can refuse.
    let lead_id = params
        .get("lead_id")
        .ok_or_else(|| ApiError::coded(Code::MissingUsers))?;
    let (limit, offset) = paging(&params, DEFAULT_LIMIT, MAX_LIMIT)?;
    let from = params
        .get("start_time")
        .map(|raw| range_bound("start_time", raw, Bound::Start))
        .transpose()?;
    let until = params
        .get("end_time")
        .map(|raw| range_bound("end_time", raw, Bound::End))
        .transpose()?;
    // A lead id that is not a number names no lead: like an unknown one, it has no recordings.
    let Some(lead_id) = parse_int(lead_id) else {
        return Ok(Reply::Recordings(Page {
            offset,
            limit,
            total: 0,
            entries: Vec::new(),
        }));
    };
    let page = app
        .db(move |conn| {
            Ok(recordings::for_lead(
                conn, lead_id, from, until, offset, limit,
            )?)
        })
        .await?;
    Ok(Reply::Recordings(page))
}
