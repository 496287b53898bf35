//! Binding names, mirrored exactly in `edge/wrangler.toml`. Only the edge knows them.

pub const DB: &str = "DB";
pub const FILES: &str = "FILES";
pub const ASSETS: &str = "ASSETS";
pub const RATE_LIMITER: &str = "RATE_LIMITER";
pub const ENROLLMENT: &str = "ENROLLMENT";
pub const MATCH_COORDINATOR: &str = "MATCH_COORDINATOR";
pub const GALLERY_SHARD: &str = "GALLERY_SHARD";
pub const GALLERY_SHARDS: &str = "GALLERY_SHARDS";
pub const REDRIVE_AFTER_MINUTES: &str = "REDRIVE_AFTER_MINUTES";
