package platform

func osName() string { return "Linux" }
