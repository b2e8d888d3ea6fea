//! Byte sizes with human units: parsing `--budget` values (`10MiB`, `500KB`, `1.5MB`, `123`)
//! and printing sizes. Decimal units are powers of 1000 (`KB`, `MB`, `GB`, `TB`), binary units
//! powers of 1024 (`KiB`, `MiB`, `GiB`, `TiB`); `B` or no unit means bytes. Units are
//! case-insensitive (`kb` = `KB` = 1000, `kib` = 1024); a space between number and unit is
//! allowed; a fraction is allowed with a unit and rounds to the nearest byte.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A number of bytes, parsed from and printed with human units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteSize(pub u64);

/// Why a size did not parse; Display is the message for the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeError(pub String);

impl fmt::Display for SizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SizeError {}

const UNITS: &[(&str, u64)] = &[
    ("", 1),
    ("b", 1),
    ("kb", 1000),
    ("mb", 1000 * 1000),
    ("gb", 1000 * 1000 * 1000),
    ("tb", 1000 * 1000 * 1000 * 1000),
    ("kib", 1 << 10),
    ("mib", 1 << 20),
    ("gib", 1 << 30),
    ("tib", 1 << 40),
];

impl FromStr for ByteSize {
    type Err = SizeError;

    fn from_str(s: &str) -> Result<ByteSize, SizeError> {
        let bad = |why: &str| {
            SizeError(format!(
                "invalid size {s:?}: {why} (examples: 123, 500KB, 1.5MB, 10MiB)"
            ))
        };
        let t = s.trim();
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        let (num, unit) = t.split_at(split);
        let unit = unit.trim_start().to_ascii_lowercase();
        if num.is_empty() {
            return Err(bad("no number"));
        }
        let mult = UNITS
            .iter()
            .find(|(u, _)| *u == unit)
            .map(|(_, m)| *m)
            .ok_or_else(|| bad("unknown unit"))?;
        let (int, frac) = num.split_once('.').unwrap_or((num, ""));
        if frac.contains('.') || (int.is_empty() && frac.is_empty()) {
            return Err(bad("malformed number"));
        }
        if num.contains('.') && mult == 1 {
            return Err(bad("a number of bytes must be whole"));
        }
        let int_v: u64 = if int.is_empty() {
            0
        } else {
            int.parse().map_err(|_| bad("number too large"))?
        };
        let whole = int_v
            .checked_mul(mult)
            .ok_or_else(|| bad("number too large"))?;
        // The fraction, exactly: digits / 10^len × mult, rounded half up.
        let mut part: u128 = 0;
        if !frac.is_empty() {
            let digits = &frac[..frac.len().min(18)];
            let d: u128 = digits.parse().map_err(|_| bad("malformed number"))?;
            let scale = 10u128.pow(digits.len() as u32);
            part = (d * mult as u128 * 2 + scale) / (scale * 2);
        }
        let total = (whole as u128) + part;
        u64::try_from(total)
            .map(ByteSize)
            .map_err(|_| bad("number too large"))
    }
}

impl fmt::Display for ByteSize {
    /// `123 B`, `1.5 KiB`, `10.0 MiB`: binary units, one decimal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&human(self.0))
    }
}

/// A size for people: exact bytes below 1 KiB, else binary units with one decimal.
pub fn human(n: u64) -> String {
    const NAMES: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut i = 0;
    while v >= 1024.0 && i + 1 < NAMES.len() {
        v /= 1024.0;
        i += 1;
    }
    format!("{v:.1} {}", NAMES[i])
}

impl Serialize for ByteSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    /// A config file may say `10485760` or `"10MiB"`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ByteSize, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(u64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Int(n) => Ok(ByteSize(n)),
            Raw::Text(t) => t.parse().map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<u64, SizeError> {
        s.parse::<ByteSize>().map(|b| b.0)
    }

    #[test]
    fn units() {
        assert_eq!(p("123"), Ok(123));
        assert_eq!(p("123B"), Ok(123));
        assert_eq!(p("500KB"), Ok(500_000));
        assert_eq!(p("500kb"), Ok(500_000));
        assert_eq!(p("1KiB"), Ok(1024));
        assert_eq!(p("10MiB"), Ok(10 * 1024 * 1024));
        assert_eq!(p("1.5MB"), Ok(1_500_000));
        assert_eq!(p("1.5 MiB"), Ok(1_572_864));
        assert_eq!(p("2GB"), Ok(2_000_000_000));
        assert_eq!(p("1TiB"), Ok(1 << 40));
        assert_eq!(p(".5KiB"), Ok(512));
        assert_eq!(p("0.0001KB"), Ok(0));
        assert_eq!(p("0.0005KB"), Ok(1));
        assert_eq!(p(" 7 "), Ok(7));
    }

    #[test]
    fn rejects() {
        for s in [
            "",
            "MB",
            "1.5",
            "1..5MB",
            "1.2.3KB",
            "10XB",
            "-1",
            "1e3",
            ".",
            "99999999999999TB",
        ] {
            assert!(p(s).is_err(), "{s:?} should not parse");
        }
        assert!(p("10XB").unwrap_err().0.contains("unknown unit"));
    }

    #[test]
    fn human_form() {
        assert_eq!(human(0), "0 B");
        assert_eq!(human(1023), "1023 B");
        assert_eq!(human(1024), "1.0 KiB");
        assert_eq!(human(1536), "1.5 KiB");
        assert_eq!(human(10 * 1024 * 1024), "10.0 MiB");
    }

    #[test]
    fn deserializes_from_config_values() {
        let v: ByteSize = serde_json::from_str("\"2MiB\"").unwrap();
        assert_eq!(v.0, 2 << 20);
        let v: ByteSize = serde_json::from_str("42").unwrap();
        assert_eq!(v.0, 42);
        assert!(serde_json::from_str::<ByteSize>("\"2XB\"").is_err());
    }
}
