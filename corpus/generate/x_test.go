package gen_test

//go:generate echo xtest $GOPACKAGE $GOFILE
//go:generate foo not-an-alias-here
