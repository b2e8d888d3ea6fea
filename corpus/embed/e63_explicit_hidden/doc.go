// Checklist §11 item 63: explicitly named dotfile and _ directory are fine; d/*/*.txt matches dot and underscore dirs.
package p
