//go:buildfoo

package p
