//! File-name facts: extension, test-ness and the `_GOOS`/`_GOARCH`/`_GOOS_GOARCH` constraint
//! (`go/build.(*Context).goodOSArchFile`), parsed once per name and evaluated per context.

use crate::platform;

/// The constraint a file name carries. Only known OS/arch names constrain; `unix` never does.
/// The names are the release tables' own (no allocation per file).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NameConstraint {
    None,
    Os(&'static str),
    Arch(&'static str),
    OsArch {
        os: &'static str,
        arch: &'static str,
    },
}

impl NameConstraint {
    /// Parses a base name: cut at the first `.`, keep what follows the first `_`, drop one
    /// trailing `test` element, then look at the last one or two elements.
    pub fn from_name(name: &str) -> NameConstraint {
        let stem = name.split('.').next().unwrap_or("");
        let Some(underscore) = stem.find('_') else {
            return NameConstraint::None;
        };
        let mut elems: Vec<&str> = stem[underscore..].split('_').collect();
        if elems.last() == Some(&"test") {
            elems.pop();
        }
        let n = elems.len();
        if n >= 2 {
            if let (Some(os), Some(arch)) = (
                platform::known_os(elems[n - 2]),
                platform::known_arch(elems[n - 1]),
            ) {
                return NameConstraint::OsArch { os, arch };
            }
        }
        if n >= 1 {
            let last = elems[n - 1];
            if let Some(os) = platform::known_os(last) {
                return NameConstraint::Os(os);
            }
            if let Some(arch) = platform::known_arch(last) {
                return NameConstraint::Arch(arch);
            }
        }
        NameConstraint::None
    }

    /// Evaluates the constraint with a tag matcher (so `-tags windows`, android→linux and the
    /// other implications apply exactly as for `//go:build`).
    pub fn eval<T: crate::constraint::Truth>(&self, tag: &mut impl FnMut(&str) -> T, yes: T) -> T {
        match self {
            NameConstraint::None => yes,
            NameConstraint::Os(t) | NameConstraint::Arch(t) => tag(t),
            NameConstraint::OsArch { os, arch } => {
                let a = tag(arch);
                let o = tag(os);
                a.and(o)
            }
        }
    }

    pub fn matches(&self, tag: &mut impl FnMut(&str) -> bool) -> bool {
        self.eval(tag, true)
    }

    /// The tags the name names, for explanations.
    pub fn tags(&self) -> Vec<&str> {
        match self {
            NameConstraint::None => Vec::new(),
            NameConstraint::Os(t) | NameConstraint::Arch(t) => vec![t],
            NameConstraint::OsArch { os, arch } => vec![os, arch],
        }
    }
}

/// The extension as go/build takes it: from the last `.` (empty when there is none).
pub fn extension(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) => &name[i..],
        None => "",
    }
}

/// Names go/build never lists anywhere: those starting with `_` or `.`.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::NameConstraint as N;
    use super::*;

    fn os(s: &'static str) -> N {
        N::Os(s)
    }

    #[test]
    fn spec_examples() {
        assert_eq!(N::from_name("linux.go"), N::None);
        assert_eq!(N::from_name("linux_amd64.go"), N::Arch("amd64"));
        assert_eq!(N::from_name("amd64_linux.go"), os("linux"));
        for n in [
            "x_linux.go",
            "x__linux.go",
            "x_linux_linux.go",
            "x_windows_linux.go",
            "x_foo_linux.go",
        ] {
            assert_eq!(N::from_name(n), os("linux"), "{n}");
        }
        assert_eq!(N::from_name("x_amd64_linux.go"), os("linux"));
        assert_eq!(
            N::from_name("x_linux_amd64_test.go"),
            N::OsArch {
                os: "linux",
                arch: "amd64"
            }
        );
        assert_eq!(N::from_name("x_test_linux.go"), os("linux"));
        assert_eq!(N::from_name("x_linux_test_test.go"), N::None);
        assert_eq!(N::from_name("x_linux_.go"), N::None);
        assert_eq!(N::from_name("x_Linux.go"), N::None);
        assert_eq!(N::from_name("x.linux.go"), N::None);
        assert_eq!(N::from_name("x_linux.pb.go"), os("linux"));
        assert_eq!(N::from_name("x_unix.go"), N::None);
        assert_eq!(N::from_name("x_linux_test.c"), os("linux"));
        assert_eq!(N::from_name("x_mips64p32le.s"), N::Arch("mips64p32le"));
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("a.go"), ".go");
        assert_eq!(extension("x.go.txt"), ".txt");
        assert_eq!(extension("Makefile"), "");
        assert!(is_hidden("_x.go") && is_hidden(".x.go") && !is_hidden("x.go"));
    }
}
