// Checklist §11 item 55: no Go files at all: absent from ./... .
int x;
