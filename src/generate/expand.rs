//! Go's `os.Expand` over bytes (spec §8.4): `$NAME` (longest `[A-Za-z0-9_]` run), `${NAME}`,
//! one special character (`*#$@!?-` or a digit) after `$`; `${}` and an unterminated `${`
//! are deleted; a `$` before anything else, or at the end, stays.

fn special(b: u8) -> bool {
    matches!(b, b'*' | b'#' | b'$' | b'@' | b'!' | b'?' | b'-') || b.is_ascii_digit()
}

fn alnum(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphanumeric()
}

/// Go's `getShellName`: the name after `$` and how many bytes it used.
fn shell_name(s: &[u8]) -> (&[u8], usize) {
    if s[0] == b'{' {
        if s.len() > 2 && special(s[1]) && s[2] == b'}' {
            return (&s[1..2], 3);
        }
        for i in 1..s.len() {
            if s[i] == b'}' {
                if i == 1 {
                    return (&[], 2);
                }
                return (&s[1..i], i + 1);
            }
        }
        return (&[], 1);
    }
    if special(s[0]) {
        return (&s[..1], 1);
    }
    let n = s.iter().take_while(|&&b| alnum(b)).count();
    (&s[..n], n)
}

/// Expands `s`, asking `lookup` for each name (unset names give "").
pub fn expand(s: &[u8], lookup: &mut dyn FnMut(&[u8]) -> Vec<u8>) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    let mut j = 0;
    while j < s.len() {
        if s[j] == b'$' && j + 1 < s.len() {
            out.extend_from_slice(&s[i..j]);
            let (name, w) = shell_name(&s[j + 1..]);
            if name.is_empty() && w > 0 {
                // Bad syntax: the characters are eaten.
            } else if name.is_empty() {
                out.push(b'$');
            } else {
                out.extend(lookup(name));
            }
            j += w;
            i = j + 1;
        }
        j += 1;
    }
    out.extend_from_slice(&s[i.min(s.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str) -> String {
        let mut lookup = |n: &[u8]| -> Vec<u8> {
            match n {
                b"GOFILE" => b"a.go".to_vec(),
                b"DOLLAR" => b"$".to_vec(),
                b"A B" => b"sp".to_vec(),
                _ => Vec::new(),
            }
        };
        String::from_utf8(expand(s.as_bytes(), &mut lookup)).unwrap_or_default()
    }

    #[test]
    fn os_expand_forms() {
        assert_eq!(ex("$GOFILE"), "a.go");
        assert_eq!(ex("x${GOFILE}y"), "xa.goy");
        assert_eq!(ex("$DOLLAR$$"), "$");
        assert_eq!(ex("x$1y"), "xy");
        assert_eq!(ex("${}"), "");
        assert_eq!(ex("a${GOFILE"), "aGOFILE");
        assert_eq!(ex("end$"), "end$");
        assert_eq!(ex("a$.b"), "a$.b");
        assert_eq!(ex("${A B}"), "sp");
        assert_eq!(ex("${1}"), "");
        assert_eq!(ex("$GOFILE.x"), "a.go.x");
    }
}
