//go:build go1.21.3

package constraints
