// Checklist §11 item 65: pattern trailing slash: "invalid pattern syntax".
package p
