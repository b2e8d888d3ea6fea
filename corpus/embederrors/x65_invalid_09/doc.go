// Checklist §11 item 65: pattern trailing backslash: "invalid pattern syntax".
package p
