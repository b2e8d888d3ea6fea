//go:build !goexperiment.regabiargs

package p
