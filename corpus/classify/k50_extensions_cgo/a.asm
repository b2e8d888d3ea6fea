// a.asm
