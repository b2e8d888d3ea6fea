//go:build !generate

package gen

//go:generate echo never-with-generate-tag
