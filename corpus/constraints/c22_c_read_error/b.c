//go:build ignore
/* unterminated
int b(void) { return 2; }
