//! Renderers: turn command results into bytes. Commands never print.

pub mod diagnostics;
pub mod embed;
pub mod json;
pub mod matrix;
pub mod matrix_explain;
pub mod matrix_html;
pub mod text;
