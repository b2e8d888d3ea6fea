//! Renderers: turn command results into bytes. Commands never print.

pub mod diagnostics;
pub mod embed;
pub mod json;
pub mod matrix;
pub mod text;
