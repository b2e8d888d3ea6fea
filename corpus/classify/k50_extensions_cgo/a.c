// a.c
