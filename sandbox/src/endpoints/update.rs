//! `POST /leads/update`

use super::fields::{read_columns, read_custom, stamp_changes};
use crate::app::App;
use crate::error::{ApiError, Code};
use crate::params::{parse_int, Params};
use crate::render::Reply;
use crate::store::columns::SetBy;
use crate::store::{leads, now};

pub async fn run(app: &App, params: Params) -> Result<Reply, ApiError> {
    let id = params
        .get("lead_id")
        .and_then(parse_int)
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::coded(Code::InvalidLeadId))?;
    if let Some(list) = params.get("list_id") {
        if !app.catalog.lists.contains_key(list) {
            return Err(ApiError::coded(Code::NoSuchList));
        }
    }
    app.db(move |conn| {
        let tx = conn.transaction()?;
        let lead =
            leads::find(&tx, id, false)?.ok_or_else(|| ApiError::coded(Code::LeadNotFound))?;
        let phone_code = lead.get("phone_code").unwrap_or("1").to_string();
        let mut changes = read_columns(&params, |s| s == SetBy::InsertUpdate, &phone_code)?;
        stamp_changes(&mut changes, &lead, &now());
        leads::update(&tx, &lead, &changes, &read_custom(&params))?;
        tx.commit()?;
        Ok(Reply::Updated(id))
    })
    .await
}
