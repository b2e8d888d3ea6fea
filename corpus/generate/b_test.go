package gen

//go:generate echo crlf-line
//go:generate echo after-crlf $GOLINE
