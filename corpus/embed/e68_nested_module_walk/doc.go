// Checklist §11 item 68: a nested module reached during a walk is skipped silently.
package p
