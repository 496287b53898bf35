//! Binding names, mirrored exactly in `edge/wrangler.toml`. Only the edge knows them.

pub const DB: &str = "DB";
pub const FILES: &str = "FILES";
pub const ASSETS: &str = "ASSETS";
pub const RATE_LIMITER: &str = "RATE_LIMITER";
pub const ENROLLMENT: &str = "ENROLLMENT";
