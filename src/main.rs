//! The `gotags` binary: a thin clap front end over the library.
fn main() {}
