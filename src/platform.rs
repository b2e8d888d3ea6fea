//! Platform facts for the release in force: its ports (from `go::release`), the name lists,
//! and the per-port rules that have not changed between 1.21 and 1.27 (default C compiler,
//! external linking, source extensions). Nothing here computes a context; `context` does.

pub use crate::go::release::syslist::{
    is_known_arch, is_known_os, is_unix_os, known_arch, known_os, KNOWN_ARCH, KNOWN_OS, UNIX_OS,
};
pub use crate::go::release::Port;
use crate::go::release::Release;

/// The ports of the selected release (`go::release::selected`), in `go tool dist list`
/// order.
pub fn ports() -> &'static [Port] {
    crate::go::release::selected().ports
}

/// Looks a port of the selected release up by its GOOS/GOARCH pair.
pub fn find_port(goos: &str, goarch: &str) -> Option<&'static Port> {
    crate::go::release::selected().find_port(goos, goarch)
}

/// The C compiler `go` looks for on PATH when `CC` is unset
/// (`cmd/go/internal/cfg/zdefaultcc.go: DefaultCC`): clang on the BSD-derived Apple and
/// FreeBSD/OpenBSD systems, gcc elsewhere.
pub fn default_cc(goos: &str) -> &'static str {
    match goos {
        "darwin" | "ios" | "freebsd" | "openbsd" => "clang",
        _ => "gcc",
    }
}

/// Why a command (package main) for this port needs the external (cgo) linker even without
/// cgo files, as cmd/go's `externalLinkingReason` words it for a default build under the
/// release's rules; `None` when internal linking works. Mirrors
/// `internal/platform/supported.go`: `MustLinkExternal` (without cgo, the same in every
/// release), `DefaultPIE` and `InternalLinkPIESupported`.
pub fn external_linking_reason(
    release: &Release,
    goos: &str,
    goarch: &str,
    race: bool,
) -> Option<String> {
    let must_link_external =
        (goos == "ios" && goarch == "arm64") || (goos == "android" && goarch != "arm64");
    if must_link_external {
        return Some(format!("{goos}/{goarch}"));
    }
    let default_pie = match goos {
        "android" | "ios" => true,
        "darwin" => goarch == "arm64" || release.linking.default_pie_darwin_amd64,
        "windows" => !race,
        _ => false,
    };
    let pair = format!("{goos}/{goarch}");
    let internal_pie = release.linking.internal_link_pie.contains(&pair.as_str());
    if default_pie && !internal_pie {
        return Some("default PIE binary".to_string());
    }
    None
}

/// The source-file extensions `go/build` sorts into lists (`go/build/build.go:
/// fileListForExt`), matched case-sensitively on the text from the last `.`.
pub fn is_source_ext(ext: &str) -> bool {
    matches!(
        ext,
        ".go"
            | ".c"
            | ".cc"
            | ".cxx"
            | ".cpp"
            | ".m"
            | ".h"
            | ".hh"
            | ".hpp"
            | ".hxx"
            | ".f"
            | ".F"
            | ".for"
            | ".f90"
            | ".s"
            | ".S"
            | ".sx"
            | ".swig"
            | ".swigcxx"
            | ".syso"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_go_1_23_sizes() {
        assert_eq!(KNOWN_OS.len(), 18);
        assert_eq!(KNOWN_ARCH.len(), 24);
        assert_eq!(UNIX_OS.len(), 12);
        assert_eq!(crate::go::release::GO1_23.ports.len(), 49);
        assert!(!is_known_os("unix"));
    }
}
