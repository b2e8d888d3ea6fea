// a.C
