//go:build unix

package constraints
