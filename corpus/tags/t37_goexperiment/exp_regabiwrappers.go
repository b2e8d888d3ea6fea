//go:build goexperiment.regabiwrappers

package p
