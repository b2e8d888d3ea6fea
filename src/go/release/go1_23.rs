//! Go 1.23. Recorded from go1.23.5: `go tool dist list -json [-broken]`, `go list -f
//! '{{context.ToolTags}} {{context.ReleaseTags}}'` per architecture, and its $GOROOT/src.

use super::{port, Experiments, GoList, Levels, Linking, Port, Release, UPSTREAM_DEFAULTS};

pub static RELEASE: Release = Release {
    minor: 23,
    recorded_from: Some("go1.23.5"),
    ports: PORTS,
    broken_ports: BROKEN,
    // internal/goexperiment/flags.go (Flags) and internal/buildcfg/exp.go (baseline).
    experiments: Experiments {
        known: &[
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
        ],
        baseline: &["coverageredesign"],
        regabi_always: &["amd64", "arm64", "loong64", "ppc64le", "ppc64", "riscv64"],
        regabi_optional: &[],
        dwarf5_default: false,
        dwarf5_unsupported_goos: &[],
    },
    // internal/buildcfg/cfg.go (goamd64, goarm, goarm64, goriscv64, gowasm, gogoarchTags).
    levels: Levels {
        strict_goamd64_goarm: false,
        goarm_float_suffix: true,
        goarm64: true,
        goriscv64: &["rva20u64", "rva22u64"],
        wasm_features_always: false,
        defaults: UPSTREAM_DEFAULTS,
    },
    // cmd/go/internal/modload (go.mod ignore directive, new in 1.25), cmd/go/internal/fsys
    // (walk errors), go/build/constraint/expr.go (size limits), go/build/read.go (embed
    // scan), cmd/go/internal/load/pkg.go (embed names), cmd/go/internal/modindex.
    go_list: GoList {
        constraint_size_limits: true,
        embed_token_scan: false,
        embed_bad_name_error: false,
        index_checks_import_paths: false,
        ignore_directive: false,
        relative_walk_errors: false,
    },
    // internal/platform/supported.go (DefaultPIE, InternalLinkPIESupported).
    linking: Linking {
        cgo_required_error: true,
        default_pie_darwin_amd64: true,
        internal_link_pie: super::go1_21::INTERNAL_LINK_PIE,
    },
};

/// `go tool dist list -json` of Go 1.23: the ports it prints, in its order.
const PORTS: &[Port] = &[
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

/// The ports only `go tool dist list -broken` adds (`cmd/dist/build.go: broken`).
const BROKEN: &[Port] = &[
    port("linux", "sparc64", true, false),
    port("openbsd", "mips64", true, false),
];
