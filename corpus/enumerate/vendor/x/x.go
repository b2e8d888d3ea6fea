// Checklist §11 item 51: ./... does not include ./vendor/x.
package x
