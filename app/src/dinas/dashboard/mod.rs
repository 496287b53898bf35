//! `/dinas/dasbor`: the dashboard of the dinas console. Where applications pile up: counts per
//! stage per kecamatan, the backlog's age per stage, submissions per day, open adjudication
//! cases, cards waiting for collection and stuck items. The edge computes every number in SQL;
//! the charts are plain SVG drawn here (`charts.rs`).

mod charts;
mod dashboard_page;
pub mod strings;

pub use dashboard_page::DashboardPage;
