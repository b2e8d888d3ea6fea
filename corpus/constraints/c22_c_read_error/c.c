//go:build ignore

int c(void) { return 3; }
