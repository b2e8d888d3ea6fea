// Checklist §11 item 65: pattern [^]: "invalid pattern syntax".
package p
