int g() { return 1; }
