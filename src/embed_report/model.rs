//! The data of an `embed` report: variables with their directives, patterns and files,
//! per-package and per-platform totals, explanations and budget outcomes. Plain serialisable
//! data; [`super::collect`] fills it, `render::embed` prints it.

use super::budget::BudgetOutcome;
use serde::Serialize;

/// How a variable's bytes are counted (see [`super::sizing`] for the full rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SizeRule {
    /// `string` and `embed.FS`: identical contents are stored once per binary, so a file
    /// embedded by several such variables (or packages) is counted once.
    Shared,
    /// `[]byte` (and any type gotags cannot classify, conservatively): the variable carries
    /// its own copy, counted every time.
    OwnCopy,
}

impl SizeRule {
    pub fn label(self) -> &'static str {
        match self {
            SizeRule::Shared => "shared",
            SizeRule::OwnCopy => "own-copy",
        }
    }
}

/// Which files of the package a directive sits in; only `package` ends up in the binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// GoFiles and CgoFiles: compiled into the package.
    Package,
    /// TestGoFiles: only in the test binary.
    Test,
    /// XTestGoFiles: only in the test binary.
    Xtest,
}

/// One embedded file: slash path relative to the package directory, size from `lstat`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
}

/// One pattern of a directive and what it matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PatternResult {
    pub pattern: String,
    pub line: u32,
    pub column: u32,
    pub files: Vec<FileEntry>,
    /// Sum of `files` sizes.
    pub bytes: u64,
    /// The resolver's message (`no matching files found`, `cannot embed ...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Names inside a matched directory left out because they begin with `.` or `_`
    /// (directories end in `/`); `all:` would include them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out_hidden: Vec<String>,
}

/// One `//go:embed` line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DirectiveReport {
    pub line: u32,
    /// Column of the `//`.
    pub column: u32,
    pub patterns: Vec<PatternResult>,
}

/// A variable (or, when no var follows, a group of directives) and everything it embeds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VariableReport {
    pub id: usize,
    /// Import path of the package.
    pub package: String,
    /// Source file, slash path relative to the module root.
    pub file: String,
    /// `None` when no var declaration follows the directives.
    pub name: Option<String>,
    /// Position of the variable name (of the first directive when there is none).
    pub line: u32,
    pub column: u32,
    /// `string`, `[]byte`, `embed.FS`, the type as written, or `unknown`.
    pub var_type: String,
    /// What the compiler would say about the declaration (or why none was found).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    pub size_rule: SizeRule,
    pub scope: Scope,
    pub directives: Vec<DirectiveReport>,
    /// Union of the files of all patterns, sorted by path (what the variable holds).
    pub files: Vec<FileEntry>,
    /// Sum of `files` sizes: the variable alone.
    pub bytes: u64,
    /// Platforms (`goos/goarch`) on which the directive's file compiles.
    pub platforms: Vec<String>,
}

/// Byte totals and how they were counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Totals {
    /// `shared + own_copies`: what the binary carries.
    pub total: u64,
    /// Distinct files (by device and inode, else path) of `string`/`embed.FS` variables,
    /// each counted once.
    pub shared: u64,
    /// Sum over `[]byte` (and unclassified) variables of their files, one copy each.
    pub own_copies: u64,
    /// Bytes not counted because string/FS variables share them.
    pub deduplicated: u64,
    /// Stored file copies (distinct shared files plus every own copy).
    pub files: usize,
}

/// What the embeds add to a linked binary, by part ([`super::binary`] has the model).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct BinaryBytes {
    /// `contents + own_copies + names + headers + relocations`.
    pub total: u64,
    /// Distinct read-only contents (`string`, `embed.FS`) with their alignment padding.
    pub contents: u64,
    /// `[]byte` copies with their alignment padding.
    pub own_copies: u64,
    /// Distinct `embed.FS` entry names, directories included.
    pub names: u64,
    /// `embed.FS` entry tables and the variables' string/slice headers.
    pub headers: u64,
    /// Dynamic relocations of the stored pointers, where the default build is PIE, and the
    /// code signature's growth where the linker signs (darwin/arm64).
    pub relocations: u64,
    /// `embed.FS` entries (files and implicit directories) over all variables.
    pub entries: usize,
}

/// One `main` package: what its binary embeds, following its imports within the module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BinaryReport {
    /// Import path of the main package.
    pub package: String,
    /// Slash path relative to the module root.
    pub dir: String,
    /// The embedding packages it links (itself included), sorted.
    pub embeds_from: Vec<String>,
    pub totals: Totals,
    pub binary: BinaryBytes,
}

/// A package embed error (what `go list` reports as the package Error), not fatal here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmbedErrorReport {
    pub scope: Scope,
    /// `file:line:col` of the pattern, file relative to the module root.
    pub pos: String,
    /// `pattern X: message`.
    pub err: String,
}

/// A package as built for one platform.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PackageOnPlatform {
    pub package: String,
    /// Slash path relative to the module root.
    pub dir: String,
    /// Package-scope variables only (test embeds are not in the binary).
    pub totals: Totals,
    /// Ids of the variables whose files compile here (all scopes).
    pub variables: Vec<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embed_errors: Vec<EmbedErrorReport>,
}

/// One platform: the module's packages linked together (see [`super::sizing`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlatformReport {
    /// `goos/goarch`.
    pub platform: String,
    pub cgo: bool,
    pub totals: Totals,
    /// Every package of the module linked into one binary, as the linker stores it.
    pub binary: BinaryBytes,
    pub packages: Vec<PackageOnPlatform>,
    /// Every `main` package of the walked tree, by import path.
    pub binaries: Vec<BinaryReport>,
}

/// Something a person should know about the result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Explanation {
    /// A directory pattern left out `.`/`_` names; `all:` would include them.
    HiddenLeftOut {
        variable: usize,
        /// `file:line:col` of the pattern.
        pos: String,
        pattern: String,
        left_out: Vec<String>,
        all_pattern: String,
    },
    /// A file matched by several patterns of one package (same or different variables).
    MatchedTwice {
        package: String,
        /// Path relative to the package directory.
        file: String,
        size: u64,
        /// `(variable id, variable name, pattern)` for each match.
        by: Vec<MatchBy>,
        /// How many copies the binary holds (1 when every variable is string/embed.FS).
        copies: usize,
    },
    /// A directive whose file compiles on some platforms only (with `--all-platforms`).
    SomePlatforms {
        variable: usize,
        pos: String,
        platforms: Vec<String>,
        of: usize,
    },
}

/// One match in [`Explanation::MatchedTwice`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MatchBy {
    pub variable: usize,
    pub name: Option<String>,
    pub pattern: String,
}

/// Size rules as printed in every report, so each number says how it was counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RulesDoc {
    pub shared: &'static str,
    pub own_copy: &'static str,
    pub platform: &'static str,
    pub exact: &'static str,
    pub tests: &'static str,
}

pub const RULES: RulesDoc = RulesDoc {
    shared: "string and embed.FS variables: identical contents are stored once per binary; a file \
             (same device and inode, else same path) embedded by several such variables or \
             packages counts once",
    own_copy: "[]byte variables carry their own copy and count in full every time (as do \
               variables whose type gotags cannot classify)",
    platform: "a platform total links every package of the module into one binary; sizes are \
               file sizes from metadata; the binary estimate adds what the linker stores \
               besides the contents (embed.FS names, directory entries and tables, string and \
               slice headers, alignment)",
    exact: "with --exact, string and embed.FS files are also the same when their contents are \
            (read and compared), as the linker folds them",
    tests: "directives in _test.go files are listed but not counted: they only reach test \
            binaries",
};

/// The whole report.
#[derive(Clone, Debug, Serialize)]
pub struct EmbedReport {
    /// Module path.
    pub module: String,
    /// Module root directory.
    pub root: String,
    pub all_platforms: bool,
    /// Contents were compared (`--exact`): identical files count once in `shared`/`binary`.
    pub exact: bool,
    pub size_rules: RulesDoc,
    pub variables: Vec<VariableReport>,
    pub platforms: Vec<PlatformReport>,
    pub explanations: Vec<Explanation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetOutcome>,
}
