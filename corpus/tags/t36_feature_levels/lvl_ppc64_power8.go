//go:build ppc64.power8

package p
