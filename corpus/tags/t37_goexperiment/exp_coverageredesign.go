//go:build goexperiment.coverageredesign

package p
