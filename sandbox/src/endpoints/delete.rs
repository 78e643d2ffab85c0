//! `POST /leads/delete`: a soft delete; the lead stays findable by `deleted_at_*`.

use crate::app::App;
use crate::error::{ApiError, Code};
use crate::params::{parse_int, Params};
use crate::render::Reply;
use crate::store::{leads, now};

pub async fn run(app: &App, params: Params) -> Result<Reply, ApiError> {
    let id = params
        .get("lead_id")
        .and_then(parse_int)
        .ok_or_else(|| ApiError::coded(Code::NoSuchLead))?;
    app.db(move |conn| {
        let tx = conn.transaction()?;
        if !leads::soft_delete(&tx, id, &now())? {
            return Err(ApiError::coded(Code::NoSuchLead));
        }
        tx.commit()?;
        Ok(Reply::Deleted)
    })
    .await
}
