//go:build (a || b) && c
// +build a b
// +build c

package constraints
