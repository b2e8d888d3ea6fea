// Checklist §11 item 65: pattern empty element: "invalid pattern syntax".
package p
