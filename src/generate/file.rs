//! One file's `//go:generate` steps (`(*Generator).run`, spec §8.2–§8.5): filters, word
//! splitting, file-scoped `-command` aliases (stored expanded, expanded again on use) and
//! variable expansion. The first error ends the file, as it ends Go's generator.

use super::expand::expand;
use super::split::{arguments, split_words};
use crate::syntax::generate::{GenerateScan, ScanEvent};

/// The variables `go generate` sets for each directive (§8.4), besides `GOLINE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEnv {
    pub goroot: String,
    pub goos: String,
    pub goarch: String,
    /// Base name of the file.
    pub gofile: String,
    pub gopackage: String,
    /// `$GOROOT/bin:$PATH` as Go builds it.
    pub path: String,
    /// The package directory.
    pub pwd: String,
}

/// `-run` / `-skip` filters, matched against the trimmed directive line.
pub trait LineFilter {
    fn keep(&self, trimmed_line: &[u8]) -> bool;
}

/// Keeps every line.
pub struct KeepAll;

impl LineFilter for KeepAll {
    fn keep(&self, _: &[u8]) -> bool {
        true
    }
}

/// A command `go generate` would run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub line: u32,
    /// The expanded argv.
    pub words: Vec<Vec<u8>>,
    /// The alias that supplied the command, when the first word named one.
    pub alias: Option<Vec<u8>>,
}

/// A `-command` definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasDef {
    pub name: Vec<u8>,
    pub line: u32,
    pub words: Vec<Vec<u8>>,
}

/// The first error of a file: Go prints `<file>:<line>: <message>` and stops the file list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepError {
    pub line: u32,
    pub message: String,
}

/// What one file yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilePlan {
    pub steps: Vec<Step>,
    pub aliases: Vec<AliasDef>,
    /// Directives whose unexpanded first word is an alias defined later in the file:
    /// `(line, name)`. Go runs the name as a command there.
    pub early_uses: Vec<(u32, Vec<u8>)>,
    pub error: Option<StepError>,
}

/// Go's `bytes.TrimSpace` restricted to what can surround a directive line.
fn trim(b: &[u8]) -> &[u8] {
    let is_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C);
    let start = b.iter().position(|c| !is_space(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !is_space(c))
        .map_or(start, |e| e + 1);
    &b[start..end]
}

/// Plans one file. `shown` is the file as Go names it in `error reading` messages.
pub fn plan_file(
    scan: &GenerateScan,
    env: &FileEnv,
    shown: &str,
    filter: &dyn LineFilter,
    process_env: &dyn Fn(&str) -> Option<String>,
) -> FilePlan {
    let mut plan = FilePlan::default();
    let mut aliases: Vec<AliasDef> = Vec::new();
    let fail = |plan: &mut FilePlan, line: u32, message: String| {
        plan.error = Some(StepError { line, message });
    };
    for event in &scan.events {
        let (line, text) = match event {
            ScanEvent::TooLong { line } => {
                fail(&mut plan, *line, "directive too long".into());
                break;
            }
            ScanEvent::UnexpectedEof { line } => {
                fail(
                    &mut plan,
                    *line,
                    format!("error reading {shown}: unexpected EOF"),
                );
                break;
            }
            ScanEvent::Directive { line, text } => (*line, text),
        };
        if !filter.keep(trim(text)) {
            continue;
        }
        let goline = line.to_string();
        let mut lookup = |name: &[u8]| -> Vec<u8> {
            let value = match name {
                b"GOROOT" => Some(env.goroot.clone()),
                b"GOARCH" => Some(env.goarch.clone()),
                b"GOOS" => Some(env.goos.clone()),
                b"GOFILE" => Some(env.gofile.clone()),
                b"GOLINE" => Some(goline.clone()),
                b"GOPACKAGE" => Some(env.gopackage.clone()),
                b"DOLLAR" => Some("$".into()),
                b"PATH" => Some(env.path.clone()),
                b"PWD" => Some(env.pwd.clone()),
                _ => std::str::from_utf8(name).ok().and_then(process_env),
            };
            value.unwrap_or_default().into_bytes()
        };
        let mut words = match split_words(arguments(text)) {
            Ok(w) => w,
            Err(e) => {
                fail(&mut plan, line, e.message().into());
                break;
            }
        };
        let mut alias = None;
        if let Some(first) = words.first() {
            if let Some(def) = aliases.iter().find(|a| &a.name == first) {
                alias = Some(def.name.clone());
                let mut replaced = def.words.clone();
                replaced.extend(words.drain(1..));
                words = replaced;
            }
        }
        let words: Vec<Vec<u8>> = words.iter().map(|w| expand(w, &mut lookup)).collect();
        if words.is_empty() {
            fail(&mut plan, line, "no arguments to directive".into());
            break;
        }
        if words[0] == b"-command" {
            if words.len() == 1 {
                fail(&mut plan, line, "no command specified for -command".into());
                break;
            }
            let name = words[1].clone();
            if aliases.iter().any(|a| a.name == name) {
                let shown_name = go_quote(&name);
                fail(
                    &mut plan,
                    line,
                    format!("command {shown_name} multiply defined"),
                );
                break;
            }
            aliases.push(AliasDef {
                name,
                line,
                words: words[2..].to_vec(),
            });
            continue;
        }
        plan.steps.push(Step { line, words, alias });
    }
    // Uses of a name before the alias of that name is defined later in the file.
    for step in &plan.steps {
        if step.alias.is_some() {
            continue;
        }
        if let Some(first) = step.words.first() {
            if let Some(def) = aliases
                .iter()
                .find(|a| &a.name == first && a.line > step.line)
            {
                plan.early_uses.push((step.line, def.name.clone()));
            }
        }
    }
    plan.aliases = aliases;
    plan
}

/// Go's `%q` for a byte string: printable runes as they are, the rest escaped.
pub fn go_quote(b: &[u8]) -> String {
    let mut s = String::from("\"");
    let text = String::from_utf8_lossy(b);
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            '\r' => s.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                s.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::generate::scan;

    fn env() -> FileEnv {
        FileEnv {
            goroot: "/goroot".into(),
            goos: "linux".into(),
            goarch: "amd64".into(),
            gofile: "a.go".into(),
            gopackage: "p".into(),
            path: "/goroot/bin".into(),
            pwd: "/m".into(),
        }
    }

    fn run(src: &str) -> FilePlan {
        plan_file(&scan(src.as_bytes()), &env(), "a.go", &KeepAll, &|_| None)
    }

    fn lines(p: &FilePlan) -> Vec<String> {
        p.steps
            .iter()
            .map(|s| {
                let w: Vec<String> = s
                    .words
                    .iter()
                    .map(|w| String::from_utf8_lossy(w).into_owned())
                    .collect();
                w.join(" ")
            })
            .collect()
    }

    #[test]
    fn spec_example() {
        let p = run("package p\n\n//go:generate echo a1 $GOFILE $GOLINE $GOPACKAGE $GOOS $GOARCH $DOLLAR $$ ${GOFILE} $NOPE_X \"q $GOFILE\" x$1y ${} end$\n");
        assert_eq!(
            lines(&p),
            vec!["echo a1 a.go 3 p linux amd64 $  a.go  q a.go xy  end$"]
        );
    }

    #[test]
    fn aliases_expand_twice_and_are_file_scoped() {
        let p = run("package p\n//go:generate foo x\n//go:generate -command foo echo $GOLINE $DOLLAR{GOLINE}\n//go:generate foo y\n//go:generate -command e\n//go:generate e z\n");
        assert_eq!(lines(&p), vec!["foo x", "echo 3 4 y", "z"]);
        assert_eq!(p.early_uses, vec![(2, b"foo".to_vec())]);
        assert_eq!(p.aliases.len(), 2);
    }

    #[test]
    fn errors_stop_the_file() {
        let p = run("package p\n//go:generate a\n//go:generate \t\n//go:generate b\n");
        assert_eq!(lines(&p), vec!["a"]);
        assert_eq!(
            p.error,
            Some(StepError {
                line: 3,
                message: "no arguments to directive".into()
            })
        );
        let p = run("package p\n//go:generate -command x a\n//go:generate -command x b\n");
        assert_eq!(
            p.error.map(|e| e.message),
            Some("command \"x\" multiply defined".into())
        );
        let p = run("package p\n//go:generate -command\n");
        assert_eq!(
            p.error.map(|e| e.message),
            Some("no command specified for -command".into())
        );
        let p = run("package p\n//go:generate a");
        assert_eq!(
            p.error.map(|e| e.message),
            Some("error reading a.go: unexpected EOF".into())
        );
    }
}
