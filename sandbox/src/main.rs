//! `convoso-sandbox`: run the sandbox from the command line.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use convoso_sandbox::{CatalogFile, Config, Style, DEFAULT_MAX_BODY_BYTES, DEFAULT_SEED};

/// A local server that behaves like the Convoso Leads API.
#[derive(Parser)]
#[command(name = "convoso-sandbox", version)]
struct Cli {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port to listen on; 0 picks a free one (the printed URL shows it).
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// An accepted auth_token (repeatable). Default: dev-token.
    #[arg(long = "token", value_name = "TOKEN")]
    tokens: Vec<String>,
    /// Response shapes: documented (leads-api.md) or live (the live service's).
    #[arg(long, default_value = "documented")]
    style: Style,
    /// Keep data in this SQLite file instead of in memory.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Generated leads added to the example lead 12345.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SEED)]
    seed: u32,
    /// A browser origin allowed by CORS (repeatable). Default: any origin.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
    /// Larger request bodies are refused with 413.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BODY_BYTES)]
    max_body_bytes: usize,
    /// HTTP status of numbered errors (6xxx/7xxx), in both styles. The live service sends
    /// 200; 400 exercises a client's non-2xx error path.
    #[arg(long, value_name = "STATUS", default_value_t = 200,
          value_parser = clap::value_parser!(u16).range(200..=599))]
    business_error_status: u16,
    /// Exit when stdin reaches end-of-file. A wrapper that starts the sandbox with a pipe as
    /// stdin gets no orphan: when the wrapper dies, the pipe closes and the sandbox exits.
    /// Off by default, so `convoso-sandbox &` (stdin closed or /dev/null) keeps running.
    #[arg(long)]
    exit_with_stdin: bool,
    /// JSON file with extra users, campaigns, lists, DNC numbers and phone codes.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let catalog = match cli.config.as_deref().map(CatalogFile::load).transpose() {
        Ok(catalog) => catalog.unwrap_or_default(),
        Err(err) => {
            eprintln!("convoso-sandbox: {err}");
            return ExitCode::from(2);
        }
    };
    let defaults = Config::default();
    let config = Config {
        host: cli.host,
        port: cli.port,
        tokens: if cli.tokens.is_empty() {
            defaults.tokens
        } else {
            cli.tokens
        },
        style: cli.style,
        db: cli.db,
        seed: cli.seed,
        cors_origins: cli.cors_origins,
        max_body_bytes: cli.max_body_bytes,
        catalog,
        business_error_status: cli.business_error_status,
    };
    let running = match convoso_sandbox::serve(config).await {
        Ok(running) => running,
        Err(err) => {
            eprintln!("convoso-sandbox: {err}");
            return ExitCode::from(1);
        }
    };
    println!("convoso-sandbox listening on {}", running.base_url());
    // Flushed at once: wrappers read the port from this line through a pipe.
    use std::io::Write;
    let _ = std::io::stdout().flush();
    wait_for_stop(cli.exit_with_stdin).await;
    running.shutdown().await;
    ExitCode::SUCCESS
}

/// Resolves when stdin reaches end-of-file (or cannot be read); never without `enabled`.
async fn stdin_closed(enabled: bool) {
    if !enabled {
        return std::future::pending().await;
    }
    let (closed, on_close) = tokio::sync::oneshot::channel::<()>();
    // A plain thread: a blocking read of stdin cannot be cancelled, and this one never needs to be.
    std::thread::spawn(move || {
        let mut sink = [0u8; 256];
        let mut stdin = std::io::stdin().lock();
        loop {
            match std::io::Read::read(&mut stdin, &mut sink) {
                Ok(0) => break,
                Ok(_) => {}
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let _ = closed.send(());
    });
    let _ = on_close.await;
}

/// Ctrl-C, SIGTERM, or (with `--exit-with-stdin`) the end of stdin.
async fn wait_for_stop(exit_with_stdin: bool) {
    tokio::select! {
        _ = signalled() => {}
        _ = stdin_closed(exit_with_stdin) => {}
    }
}

/// Ctrl-C or SIGTERM.
async fn signalled() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
