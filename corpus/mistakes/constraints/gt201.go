//go:build linx

package constraints
