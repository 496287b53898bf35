//! The regency office (dinas) console (desktop, 1440x900): adjudication of possible duplicates,
//! printing, the Surat Keterangan and distribution, for dinas operators and supervisors.
//!
//! Routes (registered in `routes/staff.rs`): `/dinas` (start), `/dinas/adjudikasi`,
//! `/dinas/cetak`, `/dinas/surat-keterangan`, `/dinas/distribusi`.

mod coming_page;
mod home_page;
mod section;
mod shell;
pub mod strings;

pub use coming_page::ComingPage;
pub use home_page::HomePage;
pub use section::Section;
pub use shell::DinasShell;
