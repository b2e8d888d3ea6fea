package skipped2
