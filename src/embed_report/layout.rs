//! What the Go linker does with data on each GOARCH, as far as embedded bytes are concerned:
//! the pointer size (string and slice headers, `embed.FS` entries) and the alignment a data
//! symbol gets (cmd/link's `symalign`: a symbol without an alignment of its own is aligned to
//! the architecture's maximum, halved while that exceeds the symbol's size, never below the
//! minimum), and, for binaries that are position-independent by default (internal/platform's
//! `DefaultPIE`: windows, android, ios, darwin), what each stored pointer costs in dynamic
//! relocations. Read from cmd/link/internal/*/l.go, cmd/link/internal/ld/pe.go and
//! cmd/internal/sys (Go 1.21–1.27 agree, except darwin/amd64, PIE by default from Go 1.22 on,
//! counted as PIE here).

/// Linker parameters of one GOARCH.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Arch {
    /// Bytes in a pointer (and in `uintptr`, a string's or slice's length).
    pub ptr: u64,
    /// The largest alignment the linker gives a data symbol.
    pub max_align: u64,
    /// The smallest.
    pub min_align: u64,
    /// What the executable format spends per pointer stored in data.
    pub relocs: Relocs,
    /// The linker signs the binary (darwin/arm64, ios/arm64): 32 bytes of SHA-256 per
    /// 4 KiB page of the file.
    pub signed: bool,
}

/// The dynamic relocations of a default build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relocs {
    /// Position-dependent: pointers are resolved at link time.
    None,
    /// PE base relocations: 2 bytes per pointer, in blocks of one 4 KiB page with an 8-byte
    /// header, each block padded to 4 bytes.
    Pe,
    /// ELF PIE: one `R_*_RELATIVE` entry per pointer, of this many bytes.
    Elf(u64),
    /// Mach-O PIE: dyld rebase opcodes, one record per pointer (an opcode, the offset in its
    /// segment as a ULEB128 and a "rebase once" opcode: 5 bytes for offsets below 2 MiB).
    MachO,
}

impl Arch {
    /// The parameters of `goos/goarch`; an unknown GOARCH gets the common 64-bit values.
    pub fn of(goos: &str, goarch: &str) -> Arch {
        let ptr = match goarch {
            "386" | "arm" | "mips" | "mipsle" => 4,
            _ => 8,
        };
        let max_align = if goarch == "arm" { 8 } else { 32 };
        let min_align = if goarch == "s390x" { 2 } else { 1 };
        let relocs = match goos {
            "windows" => Relocs::Pe,
            // Elf64_Rela; 32-bit ELF targets use Elf32_Rel.
            "android" => Relocs::Elf(if ptr == 8 { 24 } else { 8 }),
            "darwin" | "ios" => Relocs::MachO,
            _ => Relocs::None,
        };
        Arch {
            ptr,
            max_align,
            min_align,
            relocs,
            signed: matches!(goos, "darwin" | "ios") && goarch == "arm64",
        }
    }

    /// Bytes of dynamic relocations for `pointers` pointers stored in `tables` data symbols
    /// of `table_bytes` bytes together (each table's pointers are consecutive words).
    pub fn relocation_bytes(&self, pointers: u64, tables: u64, table_bytes: u64) -> u64 {
        match self.relocs {
            Relocs::None => 0,
            Relocs::Elf(entry) => pointers * entry,
            Relocs::Pe => {
                // A block per page touched (a table may start mid-page), with its 8-byte
                // header and, half the time, 2 bytes of padding.
                let blocks = tables + table_bytes / 4096;
                pointers * 2 + blocks * 9
            }
            Relocs::MachO => pointers * 5,
        }
    }

    /// The code signature's share of `bytes` more file bytes.
    pub fn signature_bytes(&self, bytes: u64) -> u64 {
        if self.signed {
            bytes.div_ceil(4096) * 32
        } else {
            0
        }
    }

    /// The alignment of a data symbol of `size` bytes that carries none of its own.
    pub fn natural_align(&self, size: u64) -> u64 {
        let mut a = self.max_align;
        while a > size && a > self.min_align {
            a >>= 1;
        }
        a
    }

    /// The bytes a symbol of `size` bytes takes with the padding its alignment implies
    /// (symbols of one section are laid out by size, so the padding before each aligned
    /// symbol is, on average, what rounds the previous one up).
    pub fn padded(&self, size: u64) -> u64 {
        size.next_multiple_of(self.natural_align(size))
    }

    /// The same for a symbol the compiler marks as byte-aligned (content-addressed strings).
    pub fn padded_bytes(&self, size: u64) -> u64 {
        size.next_multiple_of(self.min_align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_sizes_and_alignment() {
        assert_eq!(Arch::of("linux", "amd64").ptr, 8);
        assert_eq!(Arch::of("linux", "386").ptr, 4);
        assert_eq!(Arch::of("wasip1", "wasm").ptr, 8);
        let a = Arch::of("linux", "amd64");
        assert_eq!(a.natural_align(0), 1);
        assert_eq!(a.natural_align(20), 16);
        assert_eq!(a.natural_align(5000), 32);
        assert_eq!(a.padded(1025), 1056);
        assert_eq!(Arch::of("linux", "arm").padded(1025), 1032);
        assert_eq!(Arch::of("linux", "s390x").padded_bytes(7), 8);
        assert_eq!(a.padded_bytes(7), 7);
    }

    #[test]
    fn relocations_by_format() {
        // windows: 200 B of entries, 2 blocks: 16 B of headers and up to 2 B of padding each.
        let cases = [
            ("linux", "amd64", 0),
            ("android", "arm64", 2400),
            ("android", "arm", 800),
            ("windows", "arm64", 218),
        ];
        for (goos, goarch, bytes) in cases {
            let arch = Arch::of(goos, goarch);
            assert_eq!(
                arch.relocation_bytes(100, 1, 5000),
                bytes,
                "{goos}/{goarch}"
            );
        }
    }
}
