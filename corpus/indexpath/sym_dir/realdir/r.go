package realdir
