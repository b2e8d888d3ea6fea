// b.S
