//! Go rules and tables, below the syntax layer: what each Go release knows.

pub mod release;
