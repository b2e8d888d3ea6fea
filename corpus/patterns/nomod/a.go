// Package nomod lies outside every module.
package nomod
