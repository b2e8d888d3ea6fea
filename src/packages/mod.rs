//! Packages: go list's package patterns and the main modules they resolve against
//! (go.work workspaces, nested modules, go.mod `ignore`), for every command.

pub mod modfile;
pub mod modules;
pub mod pattern;
pub mod resolve;
pub mod workspace;

pub use modules::ModuleSet;
pub use resolve::{resolve, Item, Request, Resolved};
pub use workspace::{MainModule, MainModules, WorkspaceError};
