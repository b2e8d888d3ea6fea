package dead

func legacy() {}
