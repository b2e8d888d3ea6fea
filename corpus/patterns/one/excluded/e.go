//go:build ignore

package excluded
