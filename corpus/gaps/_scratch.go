package gaps

func scratch() {}
