//go:build riscv64.rva20u64

package p
