// Checklist §11 item 61: "a b.txt" is one pattern, a b.txt two; a line with "bad is dropped whole; backquotes and escapes decode.
package p
