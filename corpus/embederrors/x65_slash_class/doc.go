// Checklist §11 item 65: a[/]b: "syntax error in pattern" (embed globs split at the last /).
package p
