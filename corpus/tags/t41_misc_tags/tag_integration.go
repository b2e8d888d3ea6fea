//go:build integration

package p
