package p

import "embed"

/*
//go:embed inblock.txt
*/

var raw = `
//go:embed inraw.txt
`

var str = "\
//go:embed instring.txt"

func f() {
		//go:embed tabs.txt
	var x embed.FS
	_ = x
}

var y int //go:embed aftercode.txt

//go:embed	tabsep.txt
var z string

// go:embed spaced.txt
//go:embedx embedx.txt
//go:embed
/* c */ //go:embed afterblock.txt

  //go:embed   spaces.txt   
var w string
