//go:build android

package p
