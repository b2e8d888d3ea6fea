//go:build foo // note

package p
