//! `POST /leads/search`

use super::fields::{paging, range_bound, Bound};
use crate::app::App;
use crate::error::ApiError;
use crate::params::Params;
use crate::render::Reply;
use crate::store::search::{self, Filter, FILTERS};

pub const DEFAULT_LIMIT: i64 = 10;
pub const MAX_LIMIT: i64 = 2000;

pub async fn run(app: &App, params: Params) -> Result<Reply, ApiError> {
    let (limit, offset) = paging(&params, DEFAULT_LIMIT, MAX_LIMIT)?;
    let mut criteria = Vec::new();
    for &(name, filter) in FILTERS {
        let Some(raw) = params.get(name) else {
            continue;
        };
        let value = match filter {
            Filter::From(_) => range_bound(name, raw, Bound::Start)?,
            Filter::Until(_) => range_bound(name, raw, Bound::End)?,
            // Numbers are stored as digits; "(555) 123-4567" finds 5551234567.
            Filter::Equals(column)
                if column.starts_with("phone") || column.starts_with("alt_phone") =>
            {
                raw.chars().filter(char::is_ascii_digit).collect()
            }
            Filter::Equals(_) | Filter::Id => raw.to_string(),
        };
        criteria.push((filter, value));
    }
    let page = app
        .db(move |conn| Ok(search::run(conn, &criteria, offset, limit)?))
        .await?;
    Ok(Reply::Search(page))
}
