//go:build !linux && !darwin

package undef

func helper() int { return 0 }
