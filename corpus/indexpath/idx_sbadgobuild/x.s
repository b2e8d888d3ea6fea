//go:build !!linux

// asm
