//! The request pipeline shared by the five endpoints: count, style, faults, body, parameters,
//! auth; then the endpoint's own module, then rendering in the request's style.

mod auth;
mod delete;
mod fields;
mod insert;
mod recordings;
mod search;
mod update;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use http_body_util::{BodyExt, LengthLimitError, Limited};

use crate::app::{App, SharedApp};
use crate::endpoint::Endpoint;
use crate::error::ApiError;
use crate::faults::{self, Fault};
use crate::multipart::{self, MULTIPART_TYPE};
use crate::params::Params;
use crate::render::{self, Reply};
use crate::server::ConnInfo;
use crate::style::Style;

const FORM_TYPE: &str = "application/x-www-form-urlencoded";

pub async fn handle(State(app): State<SharedApp>, request: Request) -> Response {
    let name = request.uri().path().rsplit('/').next().unwrap_or_default();
    let Some(endpoint) = Endpoint::from_name(name) else {
        return not_found(State(app), request).await;
    };
    app.stats.count(endpoint);
    let style = match Style::for_request(request.headers(), app.config.style) {
        Ok(style) => style,
        Err(err) => return app.error(app.config.style, &err),
    };
    let conn = request.extensions().get::<ConnInfo>().cloned();
    let fault = app.faults.take(endpoint);
    if let Some(fault) = &fault {
        if let Some(response) = fault.apply(conn.as_ref()).await {
            return response;
        }
    }
    let response = if !endpoint.methods().contains(request.method()) {
        method_not_allowed(&app, style, endpoint)
    } else {
        match run(&app, endpoint, request).await {
            Ok(reply) => render::reply(style, &reply, &app.recordings),
            Err(err) => app.error(style, &err),
        }
    };
    // `drop_after`: the work is done (and committed); the answer never leaves.
    if fault.as_ref().is_some_and(Fault::drops_after) {
        return faults::drop_connection(conn.as_ref()).await;
    }
    response
}

async fn run(app: &App, endpoint: Endpoint, request: Request) -> Result<Reply, ApiError> {
    let query = request.uri().query().map(str::to_owned);
    let (parts, body) = request.into_parts();
    let body = read_body(body, app.config.max_body_bytes).await?;
    let params = match body_kind(&parts.headers) {
        BodyKind::Form => Params::parse(query.as_deref(), &body)?,
        BodyKind::Multipart(content_type) => {
            let fields = multipart::text_fields(&content_type, body).await?;
            Params::with_fields(query.as_deref(), fields)?
        }
        BodyKind::Other if body.is_empty() => Params::parse(query.as_deref(), b"")?,
        BodyKind::Other => {
            return Err(ApiError::http(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "Send parameters as {FORM_TYPE} or {MULTIPART_TYPE} (or in the query string)"
                ),
            ))
        }
    };
    auth::check(&params, &app.config.tokens)?;
    match endpoint {
        Endpoint::Search => search::run(app, params).await,
        Endpoint::Recordings => recordings::run(app, params).await,
        Endpoint::Insert => insert::run(app, params).await,
        Endpoint::Update => update::run(app, params).await,
        Endpoint::Delete => delete::run(app, params).await,
    }
}

/// Unknown paths: a 404 in the request's style (or the server's, if the header is bad).
pub async fn not_found(State(app): State<SharedApp>, request: Request) -> Response {
    let style = Style::for_request(request.headers(), app.config.style).unwrap_or(app.config.style);
    let err = ApiError::http(StatusCode::NOT_FOUND, "No such endpoint");
    app.error(style, &err)
}

fn method_not_allowed(app: &App, style: Style, endpoint: Endpoint) -> Response {
    let allowed: Vec<&str> = endpoint.methods().iter().map(|m| m.as_str()).collect();
    let allowed = allowed.join(", ");
    let err = ApiError::http(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("Use {allowed} for /leads/{}", endpoint.name()),
    );
    let mut response = app.error(style, &err);
    if let Ok(value) = HeaderValue::from_str(&allowed) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}

enum BodyKind {
    Form,
    /// With the whole Content-Type value, which carries the boundary.
    Multipart(String),
    Other,
}

/// No Content-Type is read as a form too (as curl and PHP send without one).
fn body_kind(headers: &HeaderMap) -> BodyKind {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return BodyKind::Form;
    };
    let Ok(value) = value.to_str() else {
        return BodyKind::Other;
    };
    let mime = value.split(';').next().unwrap_or_default().trim();
    if mime.eq_ignore_ascii_case(FORM_TYPE) {
        BodyKind::Form
    } else if mime.eq_ignore_ascii_case(MULTIPART_TYPE) {
        BodyKind::Multipart(value.to_string())
    } else {
        BodyKind::Other
    }
}

async fn read_body(body: Body, limit: usize) -> Result<Bytes, ApiError> {
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => Err(ApiError::http(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Request body is larger than {limit} bytes"),
        )),
        Err(_) => Err(ApiError::http(
            StatusCode::BAD_REQUEST,
            "Could not read the request body",
        )),
    }
}
