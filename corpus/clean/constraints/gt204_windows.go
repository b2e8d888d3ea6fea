//go:build !arm64

package constraints
