//go:build generate

package gen

//go:generate echo now-runs
