// Package gen exercises go generate's word splitting, variables and aliases.
package gen

//go:generate echo a1 $GOFILE $GOLINE $GOPACKAGE $GOOS $GOARCH $DOLLAR $$ ${GOFILE} $NOPE_X "q $GOFILE" x$1y ${} end$
//go:generate	echo tab-separated	"two words" 'single quoted' `back quoted` a"b c"
//go:generate echo env [$GOTAGS_GEN_X] [${GOTAGS_GEN_X}]
//go:generate foo before-definition
//go:generate -command foo echo alias $GOLINE $DOLLAR{GOLINE}
//go:generate foo after-definition
//go:generate -command empty
//go:generate empty echo from-empty-alias
//go:generate -command $GOFILE echo named-by-variable
//go:generate a.go works
 //go:generate echo indented-is-ignored
// go:generate echo spaced-is-ignored
//go:generateecho glued-is-ignored
//go:generate echo "escapes \x41\u00e9\t|" "" last

/*
//go:generate echo inside-block-comment
*/

var raw = `
//go:generate echo inside-raw-string
`
