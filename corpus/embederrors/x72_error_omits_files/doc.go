// Checklist §11 item 72: on an embed error EmbedFiles is omitted even though other patterns resolved.
package p
