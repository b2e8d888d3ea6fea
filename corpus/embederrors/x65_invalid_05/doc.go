// Checklist §11 item 65: pattern []].txt: "invalid pattern syntax".
package p
