//! Real headless Chromium for the browser journeys, and the small find/act/wait steps they are
//! written in: elements found by label, role and visible text, as people find them.

pub mod act;
pub mod application_form;
pub mod camera;
mod chromium;
pub mod find;
pub mod network;
pub mod pictures;
pub mod staff_console;
pub mod wait;

pub use chromium::{Browser, Chromedriver};
