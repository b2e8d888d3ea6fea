// Checklist §11 item 65: pattern leading slash: "invalid pattern syntax".
package p
