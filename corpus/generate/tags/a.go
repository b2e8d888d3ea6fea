package tags

//go:generate -command gen echo shared
//go:generate gen one
