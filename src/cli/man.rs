//! `gotags man`: the man page (roff), generated from the argument model: the overview, then
//! every subcommand with its arguments and options, then the exit status and environment.

use super::error::CliError;
use super::output;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Escapes text for roff: backslashes, and a leading `.` or `'` that would read as a request.
fn roff(text: &str) -> String {
    let t = text.replace('\\', "\\e").replace('-', "\\-");
    match t.chars().next() {
        Some('.') | Some('\'') => format!("\\&{t}"),
        _ => t,
    }
}

/// One option or argument as a `.TP` paragraph.
fn argument(page: &mut String, arg: &clap::Arg) {
    let values: Vec<String> = arg
        .get_value_names()
        .map(|v| v.iter().map(|n| format!("<{n}>")).collect())
        .unwrap_or_default();
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    let mut head = match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR, \\fB\\-\\-{}\\fR", roff(l)),
        (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", roff(l)),
        (Some(s), None) => format!("\\fB\\-{s}\\fR"),
        (None, None) => format!("<{}>", roff(arg.get_id().as_str()).to_uppercase()),
    };
    if arg.get_long().is_some() && takes_value {
        let shown = if values.is_empty() {
            format!("<{}>", arg.get_id().as_str().to_uppercase())
        } else {
            values.join(" ")
        };
        let _ = write!(head, " {}", roff(&shown));
    }
    let _ = writeln!(page, ".TP\n{head}");
    let help = arg
        .get_long_help()
        .or(arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let _ = writeln!(page, "{}", roff(&help.replace('\n', " ")));
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_value && !possible.is_empty() {
        let _ = writeln!(page, ".br\nValues: {}.", roff(&possible.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        let _ = writeln!(page, ".br\nDefault: {}.", roff(&defaults.join(",")));
    }
}

/// The whole page.
pub fn page(cmd: &clap::Command) -> String {
    let mut page = String::new();
    let version = cmd.get_version().unwrap_or_default();
    let _ = writeln!(
        page,
        ".TH GOTAGS 1 \"\" \"gotags {version}\" \"User Commands\""
    );
    let _ = writeln!(
        page,
        ".SH NAME\ngotags \\- {}",
        roff(&cmd.get_about().map(|a| a.to_string()).unwrap_or_default())
    );
    let _ = writeln!(
        page,
        ".SH SYNOPSIS\n\\fBgotags\\fR [\\fB\\-\\-color\\fR <WHEN>] <COMMAND> [OPTIONS] [ARGS]"
    );
    let _ = writeln!(page, ".SH GLOBAL OPTIONS");
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        argument(&mut page, arg);
    }
    let _ = writeln!(page, ".SH COMMANDS");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let _ = writeln!(page, ".SS \"gotags {}\"", sub.get_name());
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        let _ = writeln!(page, "{}", roff(&about.replace('\n', " ")));
        let args: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
            .collect();
        if !args.is_empty() {
            let _ = writeln!(page, ".RS");
            for arg in args {
                argument(&mut page, arg);
            }
            let _ = writeln!(page, ".RE");
        }
    }
    page.push_str(EXIT_AND_ENVIRONMENT);
    page
}

const EXIT_AND_ENVIRONMENT: &str = r#".SH "EXIT STATUS"
.TP
0
Success; also when stdout is closed early (a pipe into head).
.TP
1
Findings: \fBcheck\fR reported an error\-level finding not recorded in the \-\-baseline file (unless \-\-exit\-zero);
\fBembed\fR exceeded a budget; \fBgenerate\fR met a directive error; \fBmatrix \-\-check\fR found the coverage lock out of date.
.TP
2
Usage error or unusable input: an unknown flag or value, a missing directory or go.mod, a bad gotags.toml, an expression that does not parse.
Unreadable directories inside the tree are reported on stderr once each and do not change the status.
.SH ENVIRONMENT
.TP
GOOS, GOARCH, CGO_ENABLED, GOFLAGS, GOEXPERIMENT, GOROOT
The build context of list, eval, embed and generate, as the go command reads them (flags win).
.TP
NO_COLOR
When set and non\-empty, no colour (with \-\-color auto).
.TP
CLICOLOR_FORCE, FORCE_COLOR
Colour even when stdout is not a terminal (with \-\-color auto).
.TP
TERM
TERM=dumb turns colour off (with \-\-color auto).
.TP
COLUMNS
The width for the matrix table and the list text (else the terminal's).
.SH FILES
.TP
gotags.toml
Settings for matrix, embed and check (the nearest one above the start directory, or \-\-config FILE); \fBgotags init\fR writes a commented template.
"#;

pub fn run(mut cmd: clap::Command) -> Result<ExitCode, CliError> {
    // Built, so that value counts and global flags are resolved.
    cmd.build();
    output::bytes_to_stdout(page(&cmd).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
