// a.s
