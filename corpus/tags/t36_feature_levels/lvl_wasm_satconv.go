//go:build wasm.satconv

package p
