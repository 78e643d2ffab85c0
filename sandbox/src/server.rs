//! Binding, the accept loop and the handle a caller stops the server with.
//!
//! The loop is hand-written (rather than `axum::serve`) because two features need the
//! connection itself: the admin API answers loopback peers only, and the `drop` fault closes
//! the connection without a response. Each request carries a `ConnInfo` for both.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::http::StatusCode;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, Notify};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt;

use crate::app::{self, App};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::faults::Faults;
use crate::parse_errors::{JsonParseErrors, ParseErrorReply, Routed};
use crate::render::RecordingBase;
use crate::stats::Stats;
use crate::store::Store;

/// The peer of a request's connection, and a way to cut that connection.
#[derive(Clone, Debug)]
pub struct ConnInfo {
    pub peer: SocketAddr,
    kill: Arc<Notify>,
}

impl ConnInfo {
    pub fn new(peer: SocketAddr) -> ConnInfo {
        ConnInfo {
            peer,
            kill: Arc::new(Notify::new()),
        }
    }

    /// Closes the connection at once, with no response.
    pub fn drop_connection(&self) {
        self.kill.notify_one();
    }
}

/// Why a sandbox could not start.
#[derive(Debug)]
pub struct StartError(String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// A running sandbox. Dropping it leaves the server running until the runtime ends;
/// `shutdown` stops it and closes its storage.
pub struct Running {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Running {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://HOST:PORT`
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://HOST:PORT/v1`, the API base URL.
    pub fn base_url(&self) -> String {
        format!("{}/v1", self.origin())
    }

    /// Stops accepting, closes open connections and waits until storage is released.
    pub async fn shutdown(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

/// Opens storage, binds and starts serving in the background.
pub async fn serve(config: Config) -> Result<Running, StartError> {
    let business_status = StatusCode::from_u16(config.business_error_status)
        .ok()
        .filter(|s| (200..=599).contains(&s.as_u16()))
        .ok_or_else(|| {
            StartError(format!(
                "business error status must be from 200 to 599, not {}",
                config.business_error_status
            ))
        })?;
    let catalog = Arc::new(Catalog::new(&config.catalog).map_err(StartError)?);
    let store = {
        let (db, seed, catalog) = (config.db.clone(), config.seed, Arc::clone(&catalog));
        tokio::task::spawn_blocking(move || Store::open(db.as_deref(), seed, &catalog))
            .await
            .map_err(|e| StartError(format!("storage setup failed: {e}")))?
            .map_err(|e| StartError(format!("cannot open storage: {e}")))?
    };
    let listener = TcpListener::bind((config.host, config.port))
        .await
        .map_err(|e| {
            StartError(format!(
                "cannot listen on {}:{}: {e}",
                config.host, config.port
            ))
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| StartError(format!("no local address: {e}")))?;
    let app = Arc::new(App {
        config,
        catalog,
        store: Arc::new(store),
        stats: Stats::default(),
        faults: Faults::default(),
        recordings: RecordingBase(format!("http://{addr}/recordings")),
        business_status,
    });
    let reply = Arc::new(ParseErrorReply {
        style: app.config.style,
        any_origin: app.config.cors_origins.is_empty()
            || app.config.cors_origins.iter().any(|o| o == "*"),
    });
    let router = app::router(app).map_err(StartError)?;
    let (stop, stopped) = oneshot::channel();
    let task = tokio::spawn(accept_loop(listener, router, reply, stopped));
    Ok(Running { addr, stop, task })
}

async fn accept_loop(
    listener: TcpListener,
    router: Router,
    reply: Arc<ParseErrorReply>,
    mut stopped: oneshot::Receiver<()>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    connections.spawn(serve_connection(stream, peer, router.clone(), Arc::clone(&reply)));
                }
                // Out of file descriptors and the like: back off instead of spinning.
                Err(err) => {
                    eprintln!("convoso-sandbox: accept failed: {err}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    reply: Arc<ParseErrorReply>,
) {
    let _ = stream.set_nodelay(true);
    let info = ConnInfo::new(peer);
    let kill = Arc::clone(&info.kill);
    let routed = Routed::default();
    let io = JsonParseErrors::new(stream, routed.clone(), reply);
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(info.clone());
        let (router, routed) = (router.clone(), routed.clone());
        async move {
            let response = router.oneshot(request.map(Body::new)).await;
            routed.mark();
            response
        }
    });
    let connection =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(io), service);
    tokio::select! {
        _ = connection => {}
        // Dropping the connection future closes the socket without writing anything.
        _ = kill.notified() => {}
    }
}
