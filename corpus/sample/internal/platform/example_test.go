package platform_test

import (
	"fmt"

	"example.com/sample/internal/platform"
)

func ExampleCPUs() {
	fmt.Println(platform.CPUs() > 0)
	// Output: true
}
