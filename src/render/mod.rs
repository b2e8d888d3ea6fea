//! Renderers: turn command results into bytes. Commands never print.

pub mod diagnostics;
pub mod json;
pub mod text;
