//! The operating-system and architecture names Go recognises in file names and build tags.
//! The lists are the same in every release from 1.21 to 1.27 (`go/build/syslist.go` up to
//! 1.23, `internal/syslist/syslist.go` from 1.24; compared for each recorded release).

/// Known `GOOS` values (`KnownOS`): a file-name element only constrains when listed here.
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

/// The systems for which the `unix` tag is true (`UnixOS`). `unix` is a tag only, never a
/// file-name suffix.
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

/// Known `GOARCH` values (`KnownArch`).
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

pub fn is_known_os(name: &str) -> bool {
    known_os(name).is_some()
}

pub fn is_known_arch(name: &str) -> bool {
    known_arch(name).is_some()
}

/// The table's own copy of a known GOOS name (facts keep it instead of an allocation).
pub fn known_os(name: &str) -> Option<&'static str> {
    KNOWN_OS.iter().copied().find(|&k| k == name)
}

/// The table's own copy of a known GOARCH name.
pub fn known_arch(name: &str) -> Option<&'static str> {
    KNOWN_ARCH.iter().copied().find(|&k| k == name)
}

pub fn is_unix_os(name: &str) -> bool {
    UNIX_OS.contains(&name)
}
