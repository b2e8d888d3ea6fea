//! `gotags env`: the settings in force for one build context — the Go release, GOOS/GOARCH,
//! cgo, compiler, build tags, experiments, feature levels, release tags — each with where it
//! came from. Data first (`EnvReport`), then a text and a JSON rendering.

use crate::context::{BuildContext, GoFlags};
use crate::toolchain::Selection;
use serde::Serialize;

/// Where the caller's settings came from, as the front end knows them.
pub struct Inputs<'a> {
    /// A variable as `go` sees it, and whether it came from the process (else the go env
    /// file). `None` when unset or empty.
    pub lookup: &'a dyn Fn(&str) -> Option<(String, &'static str)>,
    pub goos_flag: bool,
    pub goarch_flag: bool,
    pub tags_flag: bool,
    pub cgo_flag: bool,
}

/// One value and its origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Setting {
    pub value: String,
    pub from: String,
}

/// Everything `gotags env` reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnvReport {
    pub release: Setting,
    /// `None` when recorded from a real toolchain; else why the facts are derived.
    pub derived: Option<String>,
    pub recorded_from: Option<String>,
    pub goos: Setting,
    pub goarch: Setting,
    pub cgo: Setting,
    pub compiler: Setting,
    pub build_tags: Setting,
    pub experiments: Setting,
    /// The `goexperiment.*` tags in force.
    pub experiment_tags: Vec<String>,
    /// Every name this release's GOEXPERIMENT accepts.
    pub known_experiments: Vec<String>,
    /// The `GO$GOARCH` variable for this architecture, if any, with its value.
    pub feature_level: Option<Setting>,
    pub tool_tags: Vec<String>,
    pub release_tags: Vec<String>,
    pub ports: usize,
    pub first_class_ports: usize,
    pub warnings: Vec<String>,
}

fn setting(value: impl Into<String>, from: impl Into<String>) -> Setting {
    Setting {
        value: value.into(),
        from: from.into(),
    }
}

/// The `GO$GOARCH` variable that sets the feature level of `goarch`, with its upstream
/// default under `ctx`'s release.
fn level_var(ctx: &BuildContext) -> Option<(&'static str, String)> {
    let d = &ctx.release.levels.defaults;
    let levels = &ctx.release.levels;
    Some(match ctx.goarch.as_str() {
        "386" => ("GO386", d.go386.to_string()),
        "amd64" => ("GOAMD64", d.goamd64.to_string()),
        "arm" => ("GOARM", d.goarm.to_string()),
        "arm64" if levels.goarm64 => ("GOARM64", d.goarm64.to_string()),
        "mips" | "mipsle" => ("GOMIPS", d.gomips.to_string()),
        "mips64" | "mips64le" => ("GOMIPS64", d.gomips64.to_string()),
        "ppc64" | "ppc64le" => ("GOPPC64", d.goppc64.to_string()),
        "riscv64" if !levels.goriscv64.is_empty() => ("GORISCV64", d.goriscv64.to_string()),
        "wasm" => ("GOWASM", String::new()),
        _ => return None,
    })
}

/// Builds the report for `ctx` chosen under `selection`.
pub fn report(ctx: &BuildContext, selection: &Selection, inputs: &Inputs<'_>) -> EnvReport {
    let lookup = inputs.lookup;
    // GOOS and GOARCH: the flag, else the variable, else the host.
    let var_origin = |name: &str, flag: bool| match lookup(name) {
        _ if flag => format!("--{}", name.to_lowercase()),
        Some((_, where_)) => format!("${name} ({where_})"),
        None => "the host".to_string(),
    };
    let release = ctx.release;
    let cgo_from = if inputs.cgo_flag {
        "--cgo".to_string()
    } else {
        match lookup("CGO_ENABLED") {
            Some((v, w)) if v == "0" || v == "1" => format!("$CGO_ENABLED ({w})"),
            _ => {
                "go's rule: on only for a native build of a cgo port with a C compiler".to_string()
            }
        }
    };
    let goflags_tags = lookup("GOFLAGS")
        .and_then(|(v, w)| GoFlags::parse(&v).ok().map(|g| (g, w)))
        .filter(|(g, _)| g.tags.is_some());
    let tags_from = if inputs.tags_flag {
        "--tags".to_string()
    } else if let Some((_, w)) = &goflags_tags {
        format!("-tags in $GOFLAGS ({w})")
    } else {
        "none given".to_string()
    };
    let experiments = match lookup("GOEXPERIMENT") {
        Some((v, w)) => setting(v, format!("$GOEXPERIMENT ({w}) over {release}'s defaults")),
        None => setting("", format!("{release}'s defaults")),
    };
    let experiment_tags: Vec<String> = ctx
        .tool_tags
        .iter()
        .filter(|t| t.starts_with("goexperiment."))
        .cloned()
        .collect();
    let feature_level = level_var(ctx).map(|(name, default)| match lookup(name) {
        Some((v, w)) => setting(format!("{name}={v}"), format!("${name} ({w})")),
        None => setting(
            format!("{name}={default}"),
            format!("upstream default of {release}"),
        ),
    });
    EnvReport {
        release: setting(release.version(), selection.origin.to_string()),
        derived: release.derived().then(|| {
            format!(
                "no Go {} toolchain was available: its facts are derived from the Go 1.23 and 1.26 sources",
                release.version()
            )
        }),
        recorded_from: release.recorded_from.map(str::to_string),
        goos: setting(&ctx.goos, var_origin("GOOS", inputs.goos_flag)),
        goarch: setting(&ctx.goarch, var_origin("GOARCH", inputs.goarch_flag)),
        cgo: setting(if ctx.cgo_enabled { "1" } else { "0" }, cgo_from),
        compiler: setting(
            &ctx.compiler,
            if ctx.compiler == "gc" {
                "default"
            } else {
                "-compiler in $GOFLAGS"
            },
        ),
        build_tags: setting(ctx.build_tags.join(","), tags_from),
        experiments,
        experiment_tags,
        known_experiments: release
            .experiments
            .known
            .iter()
            .map(|s| s.to_string())
            .collect(),
        feature_level,
        tool_tags: ctx.tool_tags.clone(),
        release_tags: ctx.release_tags.clone(),
        ports: release.ports.len(),
        first_class_ports: release.ports.iter().filter(|p| p.first_class).count(),
        warnings: selection.warnings.clone(),
    }
}

/// The human rendering: one `name  value  (origin)` line per setting.
pub fn render_text(r: &EnvReport) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str, from: &str| {
        let value = if value.is_empty() { "(none)" } else { value };
        if from.is_empty() {
            out.push_str(&format!("{name:<13}{value}\n"));
        } else {
            out.push_str(&format!("{name:<13}{value}  ({from})\n"));
        }
    };
    line(
        "release",
        &format!("Go {}", r.release.value),
        &r.release.from,
    );
    match (&r.derived, &r.recorded_from) {
        (Some(why), _) => line("facts", "derived", why),
        (None, Some(tc)) => line("facts", "recorded", &format!("from {tc}")),
        (None, None) => {}
    }
    line("GOOS", &r.goos.value, &r.goos.from);
    line("GOARCH", &r.goarch.value, &r.goarch.from);
    line("CGO_ENABLED", &r.cgo.value, &r.cgo.from);
    line("compiler", &r.compiler.value, &r.compiler.from);
    line("build tags", &r.build_tags.value, &r.build_tags.from);
    line("GOEXPERIMENT", &r.experiments.value, &r.experiments.from);
    line("experiments", &r.experiment_tags.join(" "), "");
    line(
        "known",
        &r.known_experiments.join(" "),
        "GOEXPERIMENT names",
    );
    if let Some(level) = &r.feature_level {
        line("level", &level.value, &level.from);
    }
    line("tool tags", &r.tool_tags.join(" "), "");
    let tags = match (r.release_tags.first(), r.release_tags.last()) {
        (Some(a), Some(b)) => format!("{a} … {b}"),
        _ => String::new(),
    };
    line("release tags", &tags, "");
    line(
        "ports",
        &format!("{} ({} first-class)", r.ports, r.first_class_ports),
        "go tool dist list",
    );
    for w in &r.warnings {
        line("warning", w, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{ContextOverrides, HostInfo};
    use crate::go::release;
    use crate::toolchain::Origin;

    #[test]
    fn report_names_each_origin() {
        let vars = [("GOARCH", "arm64"), ("GOEXPERIMENT", "arenas")];
        let env = |k: &str| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        };
        let overrides = ContextOverrides {
            release: release::find("1.26").ok(),
            ..ContextOverrides::default()
        };
        let host = HostInfo {
            goos: "linux".into(),
            goarch: "amd64".into(),
        };
        let ctx = BuildContext::from_env(&env, &overrides, &host, &|_| true).unwrap();
        let selection = Selection {
            release: ctx.release,
            origin: Origin::Flag("1.26".into()),
            warnings: vec![],
        };
        let lookup = |k: &str| env(k).map(|v| (v, "environment"));
        let inputs = Inputs {
            lookup: &lookup,
            goos_flag: false,
            goarch_flag: false,
            tags_flag: false,
            cgo_flag: false,
        };
        let r = report(&ctx, &selection, &inputs);
        assert_eq!(r.release.from, "from --go 1.26");
        assert_eq!(r.goos.from, "the host");
        assert_eq!(r.goarch.from, "$GOARCH (environment)");
        assert_eq!(r.cgo.value, "0");
        assert!(r
            .experiment_tags
            .contains(&"goexperiment.arenas".to_string()));
        assert_eq!(
            r.feature_level.as_ref().map(|l| l.value.as_str()),
            Some("GOARM64=v8.0")
        );
        assert_eq!(r.release_tags.last().map(String::as_str), Some("go1.26"));
        let text = render_text(&r);
        assert!(
            text.contains("release      Go 1.26  (from --go 1.26)"),
            "{text}"
        );
        assert!(text.contains("ports        47 (8 first-class)"), "{text}");
    }
}
