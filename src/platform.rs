//! The Go 1.23 facts gotags mirrors, as plain tables: known operating systems and
//! architectures, the `unix` list, the 49 first-party ports, cgo support, tool-tag
//! defaults and the experiment list. Nothing here computes; `context` combines them.

/// `go/build/syslist.go: knownOS` (Go 1.23; duplicated in cmd/go/internal/modindex and
/// cmd/go/internal/imports). A file-name element only constrains when it is listed here.
pub const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

/// `go/build/syslist.go: unixOS`: the systems for which the `unix` tag is true.
/// `unix` is a tag only, never a file-name suffix.
pub const UNIX_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "linux",
    "netbsd",
    "openbsd",
    "solaris",
];

/// `go/build/syslist.go: knownArch` (Go 1.23).
pub const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// One first-party port, as `go tool dist list -json` prints it (`internal/platform/zosarch.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Port {
    pub goos: &'static str,
    pub goarch: &'static str,
    pub cgo_supported: bool,
    pub first_class: bool,
}

const fn port(goos: &'static str, goarch: &'static str, cgo: bool, first: bool) -> Port {
    Port {
        goos,
        goarch,
        cgo_supported: cgo,
        first_class: first,
    }
}

/// The 49 ports of Go 1.23's `go tool dist list`, in its order (`internal/platform/zosarch.go`).
pub const PORTS: &[Port] = &[
    port("aix", "ppc64", true, false),
    port("android", "386", true, false),
    port("android", "amd64", true, false),
    port("android", "arm", true, false),
    port("android", "arm64", true, false),
    port("darwin", "amd64", true, true),
    port("darwin", "arm64", true, true),
    port("dragonfly", "amd64", true, false),
    port("freebsd", "386", true, false),
    port("freebsd", "amd64", true, false),
    port("freebsd", "arm", true, false),
    port("freebsd", "arm64", true, false),
    port("freebsd", "riscv64", true, false),
    port("illumos", "amd64", true, false),
    port("ios", "amd64", true, false),
    port("ios", "arm64", true, false),
    port("js", "wasm", false, false),
    port("linux", "386", true, true),
    port("linux", "amd64", true, true),
    port("linux", "arm", true, true),
    port("linux", "arm64", true, true),
    port("linux", "loong64", true, false),
    port("linux", "mips", true, false),
    port("linux", "mips64", true, false),
    port("linux", "mips64le", true, false),
    port("linux", "mipsle", true, false),
    port("linux", "ppc64", false, false),
    port("linux", "ppc64le", true, false),
    port("linux", "riscv64", true, false),
    port("linux", "s390x", true, false),
    port("netbsd", "386", true, false),
    port("netbsd", "amd64", true, false),
    port("netbsd", "arm", true, false),
    port("netbsd", "arm64", true, false),
    port("openbsd", "386", true, false),
    port("openbsd", "amd64", true, false),
    port("openbsd", "arm", true, false),
    port("openbsd", "arm64", true, false),
    port("openbsd", "ppc64", false, false),
    port("openbsd", "riscv64", true, false),
    port("plan9", "386", false, false),
    port("plan9", "amd64", false, false),
    port("plan9", "arm", false, false),
    port("solaris", "amd64", true, false),
    port("wasip1", "wasm", false, false),
    port("windows", "386", true, true),
    port("windows", "amd64", true, true),
    port("windows", "arm", false, false),
    port("windows", "arm64", true, false),
];

/// Looks a port up by its GOOS/GOARCH pair.
pub fn find_port(goos: &str, goarch: &str) -> Option<&'static Port> {
    PORTS.iter().find(|p| p.goos == goos && p.goarch == goarch)
}

pub fn is_known_os(name: &str) -> bool {
    KNOWN_OS.contains(&name)
}

pub fn is_known_arch(name: &str) -> bool {
    KNOWN_ARCH.contains(&name)
}

pub fn is_unix_os(name: &str) -> bool {
    UNIX_OS.contains(&name)
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
/// cgo files, as cmd/go's `externalLinkingReason` words it for a default build; `None` when
/// internal linking works. Mirrors `internal/platform/supported.go`: `MustLinkExternal`
/// (without cgo), `DefaultPIE` and `InternalLinkPIESupported`.
pub fn external_linking_reason(goos: &str, goarch: &str, race: bool) -> Option<String> {
    let must_link_external =
        (goos == "ios" && goarch == "arm64") || (goos == "android" && goarch != "arm64");
    if must_link_external {
        return Some(format!("{goos}/{goarch}"));
    }
    let default_pie = match goos {
        "android" | "ios" | "darwin" => true,
        "windows" => !race,
        _ => false,
    };
    let internal_pie = matches!(
        (goos, goarch),
        ("android", "arm64")
            | ("darwin", "amd64" | "arm64")
            | ("linux", "amd64" | "arm64" | "ppc64le")
            | ("windows", "386" | "amd64" | "arm" | "arm64")
    );
    if default_pie && !internal_pie {
        return Some("default PIE binary".to_string());
    }
    None
}

/// The newest Go 1.x minor release gotags emulates (`internal/goversion.Version`):
/// release tags run `go1.1` … `go1.23`.
pub const GO_MINOR: u32 = 23;

/// Upstream `cmd/dist` defaults for the `GO$GOARCH` feature variables
/// (`internal/buildcfg/zbootstrap.go` as an upstream build writes it). Debian's packaged
/// toolchain bakes `GO386=softfloat`; gotags follows upstream, as the project brief asks.
pub mod defaults {
    pub const GO386: &str = "sse2";
    pub const GOAMD64: &str = "v1";
    pub const GOARM: &str = "7";
    pub const GOARM64: &str = "v8.0";
    pub const GOMIPS: &str = "hardfloat";
    pub const GOMIPS64: &str = "hardfloat";
    pub const GOPPC64: &str = "power8";
    pub const GORISCV64: &str = "rva20u64";
}

/// The experiment names of `internal/goexperiment/flags.go: Flags`, lower-cased, in field
/// order: the order `goexperiment.*` tool tags are listed in.
pub const EXPERIMENTS: &[&str] = &[
    "fieldtrack",
    "preemptibleloops",
    "staticlockranking",
    "boringcrypto",
    "regabiwrappers",
    "regabiargs",
    "heapminimum512kib",
    "coverageredesign",
    "arenas",
    "cgocheck2",
    "loopvar",
    "cacheprog",
    "newinliner",
    "rangefunc",
    "aliastypeparams",
];

/// Architectures on which the register ABI experiments are forced on
/// (`internal/buildcfg/exp.go: ParseGOEXPERIMENT`); everywhere else they are forced off.
pub const REGABI_ARCH: &[&str] = &["amd64", "arm64", "loong64", "ppc64le", "ppc64", "riscv64"];

/// Experiments on by default for every target (`ParseGOEXPERIMENT`'s baseline).
pub const BASELINE_EXPERIMENTS: &[&str] = &["coverageredesign"];

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
        assert_eq!(PORTS.len(), 49);
        assert_eq!(PORTS.iter().filter(|p| p.first_class).count(), 8);
        assert!(!is_known_os("unix"));
    }

    #[test]
    fn every_port_uses_known_names() {
        for p in PORTS {
            assert!(is_known_os(p.goos), "{}", p.goos);
            assert!(is_known_arch(p.goarch), "{}", p.goarch);
        }
    }
}
