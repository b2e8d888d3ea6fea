// Checklist §11 item 40 (spec §4.7): an integration-tagged external test; a package with only tagged tests.
package p
