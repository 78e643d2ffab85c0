//! One module per Leads endpoint: its parameters, its result, and how its answer decodes.
//!
//! The params types are always compiled (validation checks them); decoding and the HTTP
//! details sit behind the `client` feature.

pub mod delete;
pub mod insert;
pub mod recordings;
pub mod search;
pub mod update;

pub use delete::DeleteParams;
pub use insert::InsertParams;
pub use recordings::RecordingsParams;
pub use search::SearchParams;
pub use update::UpdateParams;
