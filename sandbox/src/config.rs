//! Everything a sandbox is started with; the CLI and the tests both build one of these.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use crate::catalog::CatalogFile;
use crate::style::Style;

/// Leads generated on top of the fixed example lead when no `--seed` is given.
pub const DEFAULT_SEED: u32 = 25;
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Clone, Debug)]
pub struct Config {
    pub host: IpAddr,
    /// 0 picks a free port; `Running::addr` tells which.
    pub port: u16,
    /// Accepted `auth_token` values.
    pub tokens: Vec<String>,
    pub style: Style,
    /// SQLite file to keep data in; `None` keeps it in memory.
    pub db: Option<PathBuf>,
    /// How many generated leads to add to the example lead 12345.
    pub seed: u32,
    /// Allowed browser origins; empty allows any.
    pub cors_origins: Vec<String>,
    pub max_body_bytes: usize,
    pub catalog: CatalogFile,
    /// HTTP status of numbered (6xxx/7xxx) errors in both styles. The live service and
    /// leads-api.md both send them with 200; 400 is a test knob for clients' non-2xx paths.
    pub business_error_status: u16,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            tokens: vec!["dev-token".into()],
            style: Style::Documented,
            db: None,
            seed: DEFAULT_SEED,
            cors_origins: Vec::new(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            catalog: CatalogFile::default(),
            business_error_status: 200,
        }
    }
}
