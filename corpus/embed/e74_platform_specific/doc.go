// Checklist §11 item 58-73 (spec §7.2): embeds in platform-specific files count only where the file is built.
package p
