//go:build (a && (b || c)) || d
// +build a

package constraints
