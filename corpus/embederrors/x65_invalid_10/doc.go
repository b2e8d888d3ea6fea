// Checklist §11 item 65: pattern ../a.txt: "invalid pattern syntax".
package p
