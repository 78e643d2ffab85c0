//! Shared state and the route table.

use std::any::Any;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use serde_json::json;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::catalog::Catalog;
use crate::config::Config;
use crate::error::ApiError;
use crate::faults::Faults;
use crate::render::RecordingBase;
use crate::stats::Stats;
use crate::store::Store;
use crate::style::STYLE_HEADER;
use crate::{admin, audio, endpoints};

pub struct App {
    pub config: Config,
    pub catalog: Arc<Catalog>,
    pub store: Arc<Store>,
    pub stats: Stats,
    pub faults: Faults,
    pub recordings: RecordingBase,
    /// `config.business_error_status`, checked at start.
    pub business_status: StatusCode,
}

pub type SharedApp = Arc<App>;

impl App {
    /// Runs storage work off the async threads (SQLite calls block).
    /// An error answer in `style` with this server's status for numbered errors.
    pub fn error(&self, style: crate::style::Style, err: &ApiError) -> Response {
        crate::render::error(style, self.business_status, err)
    }

    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut rusqlite::Connection) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || store.with(f))
            .await
            .map_err(|_| ApiError::internal())?
    }
}

pub fn router(app: SharedApp) -> Result<Router, String> {
    let cors = cors(&app.config.cors_origins)?;
    Ok(Router::new()
        .route("/v1/leads/{endpoint}", any(endpoints::handle))
        .route("/recordings/{file}", get(audio::serve))
        .nest("/__sandbox", admin::router())
        .fallback(endpoints::not_found)
        .with_state(app)
        // A last net only: no handler is meant to panic.
        .layer(CatchPanicLayer::custom(panic_response))
        // Outermost, so every answer (errors and faults included) carries CORS headers and a
        // browser test sees the real status instead of an opaque CORS failure.
        .layer(cors))
}

fn cors(origins: &[String]) -> Result<CorsLayer, String> {
    let allow = if origins.is_empty() || origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        let values = origins
            .iter()
            .map(|o| HeaderValue::from_str(o).map_err(|_| format!("bad --cors-origin {o:?}")))
            .collect::<Result<Vec<_>, _>>()?;
        AllowOrigin::list(values)
    };
    Ok(CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE, HeaderName::from_static(STYLE_HEADER)])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600)))
}

fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response {
    let body = json!({"success": false, "code": 500, "text": "Internal error"});
    (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::catalog::CatalogFile;

    /// A router over a small in-memory sandbox, for driving without a socket.
    pub fn app() -> Router {
        let config = Config {
            seed: 3,
            ..Config::default()
        };
        let catalog = Arc::new(Catalog::new(&CatalogFile::default()).unwrap());
        let store = Store::open(None, config.seed, &catalog).unwrap();
        let app = App {
            config,
            catalog,
            store: Arc::new(store),
            stats: Stats::default(),
            faults: Faults::default(),
            recordings: RecordingBase("http://127.0.0.1:1/recordings".into()),
            business_status: StatusCode::OK,
        };
        router(Arc::new(app)).unwrap()
    }
}
