// Checklist §11 item (spec §5.6 step 4): a file name starting with - or ~: invalid input file name.
package p
