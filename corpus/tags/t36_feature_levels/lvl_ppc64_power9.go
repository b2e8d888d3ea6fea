//go:build ppc64.power9

package p
