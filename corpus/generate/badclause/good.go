// Checklist item 78: bad.go has invalid UTF-8 in the comment right after its package
// clause, so go generate skips it silently; this file still runs.
package badclause

//go:generate echo runs $GOFILE
