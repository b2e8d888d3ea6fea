// preprocessed asm
