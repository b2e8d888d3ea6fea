//go:build generate

package gen

//go:generate echo generate-tag-file
