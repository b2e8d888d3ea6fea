// Checklist §11 item 51: ./... includes ./vendor itself.
package vendor
