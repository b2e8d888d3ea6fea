int w(void) { return 1; }
