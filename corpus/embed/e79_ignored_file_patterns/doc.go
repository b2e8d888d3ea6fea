// Checklist §11 item 58-73 (spec §7.2): patterns from excluded or header-broken files are not collected.
package p
