// asm
