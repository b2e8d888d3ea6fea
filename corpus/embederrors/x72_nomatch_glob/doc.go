// Checklist §11 item 65-72: nomatch* matches nothing: "no matching files found".
package p
