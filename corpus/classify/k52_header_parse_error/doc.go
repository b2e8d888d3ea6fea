// Checklist §11 item (spec §5.2 step 10.1): a header syntax error (unterminated import string) goes to InvalidGoFiles with a positioned Error.
package p
