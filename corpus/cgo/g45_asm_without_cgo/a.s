// plain asm
