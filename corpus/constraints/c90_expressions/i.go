// Package comment first.
//
//go:build windows
package p
