//! The build configurations a `check` run evaluates: `all` (every port of `go tool dist
//! list`, with cgo off, and on where the port supports it), `first-class`, or a list of
//! `goos/goarch` pairs; each with the user's tags.

use crate::context::BuildContext;
use crate::platform::ports;

/// One configuration and its label for messages.
#[derive(Clone, Debug)]
pub struct Platform {
    pub label: String,
    pub ctx: BuildContext,
}

/// Parses `--platforms`: `all`, `first-class`, or comma-separated `goos/goarch[/cgo|/nocgo]`.
pub fn parse(spec: &str, tags: &[String]) -> Result<Vec<Platform>, String> {
    let mut out = Vec::new();
    let mut add = |goos: &str, goarch: &str, cgo: bool| -> Result<(), String> {
        let ctx = BuildContext::for_port(goos, goarch, cgo, tags).map_err(|e| e.to_string())?;
        let label = if cgo {
            format!("{goos}/{goarch} cgo")
        } else {
            format!("{goos}/{goarch}")
        };
        out.push(Platform { label, ctx });
        Ok(())
    };
    match spec {
        "all" | "first-class" => {
            for p in ports().iter().filter(|p| spec == "all" || p.first_class) {
                add(p.goos, p.goarch, false)?;
                if p.cgo_supported {
                    add(p.goos, p.goarch, true)?;
                }
            }
        }
        list => {
            for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let parts: Vec<&str> = item.split('/').collect();
                let port = match parts.as_slice() {
                    [os, arch] | [os, arch, _] => crate::platform::find_port(os, arch),
                    _ => None,
                };
                let Some(port) = port else {
                    return Err(format!(
                        "unknown platform {item:?} (want goos/goarch as `go tool dist list` prints it, optionally /cgo or /nocgo)"
                    ));
                };
                match parts.get(2) {
                    Some(&"cgo") => add(port.goos, port.goarch, true)?,
                    Some(&"nocgo") => add(port.goos, port.goarch, false)?,
                    Some(other) => return Err(format!("unknown cgo setting {other:?} in {item}")),
                    None => {
                        add(port.goos, port.goarch, false)?;
                        if port.cgo_supported {
                            add(port.goos, port.goarch, true)?;
                        }
                    }
                }
            }
        }
    }
    if out.is_empty() {
        return Err("no platforms selected".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets() {
        let all = parse("all", &[]).map(|v| v.len());
        assert_eq!(
            all,
            Ok(ports().len() + ports().iter().filter(|p| p.cgo_supported).count())
        );
        assert_eq!(parse("first-class", &[]).map(|v| v.len()), Ok(16));
        let one = parse("linux/amd64/nocgo", &[]).unwrap_or_default();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].label, "linux/amd64");
        assert!(parse("linux/amd46", &[]).is_err());
    }
}
