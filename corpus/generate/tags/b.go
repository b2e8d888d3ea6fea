package tags

//go:generate gen from-other-file-not-an-alias
//go:generate -command
