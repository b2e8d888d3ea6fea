//go:build darwin

package constraints
