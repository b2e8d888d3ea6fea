//! Go 1.25. Derived: Go 1.25 has no toolchain here. Each fact lies between what the Go 1.23 and Go 1.26
//! sources say; where they differ, the release that changed it is taken from Go's release
//! history and marked in a comment.

use super::{Experiments, GoList, Levels, Linking, Release, UPSTREAM_DEFAULTS};

pub static RELEASE: Release = Release {
    minor: 25,
    recorded_from: None,
    // Derived: the ports and broken ports are Go 1.24's.
    ports: super::go1_24::PORTS,
    broken_ports: super::go1_24::BROKEN,
    // internal/goexperiment/flags.go (Flags) and internal/buildcfg/exp.go (baseline).
    // Derived: 1.24's flags without aliastypeparams, spinbitmutex and synctest (made permanent),
    // with dwarf5 (on), jsonv2 and greenteagc (off) added.
    experiments: Experiments {
        known: &[
            "fieldtrack",
            "preemptibleloops",
            "staticlockranking",
            "boringcrypto",
            "regabiwrappers",
            "regabiargs",
            "heapminimum512kib",
            "arenas",
            "cgocheck2",
            "loopvar",
            "newinliner",
            "swissmap",
            "synchashtriemap",
            "dwarf5",
            "jsonv2",
            "greenteagc",
        ],
        baseline: &["swissmap", "synchashtriemap"],
        regabi_always: &["amd64", "arm64", "loong64", "ppc64le", "ppc64", "riscv64"],
        regabi_optional: &[],
        dwarf5_default: true,
        dwarf5_unsupported_goos: &["darwin", "ios", "aix"],
    },
    // internal/buildcfg/cfg.go (goamd64, goarm, goarm64, goriscv64, gowasm, gogoarchTags).
    // Derived: rva23u64 arrived with 1.25; wasm features became unconditional with 1.26.
    levels: Levels {
        strict_goamd64_goarm: false,
        goarm_float_suffix: true,
        goarm64: true,
        goriscv64: &["rva20u64", "rva22u64", "rva23u64"],
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
        ignore_directive: true,
        relative_walk_errors: true,
    },
    // internal/platform/supported.go (DefaultPIE, InternalLinkPIESupported).
    // Derived: as 1.23 (1.26 is the first recorded release with linux/loong64).
    linking: Linking {
        cgo_required_error: true,
        default_pie_darwin_amd64: true,
        internal_link_pie: super::go1_21::INTERNAL_LINK_PIE,
    },
};
