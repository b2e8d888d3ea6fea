package real
