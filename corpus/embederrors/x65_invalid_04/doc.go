// Checklist §11 item 65: pattern all: alone: "invalid pattern syntax".
package p
