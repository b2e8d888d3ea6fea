package platform

func osName() string { return "macOS" }
