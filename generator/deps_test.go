package generator_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependenciesPointOneWay keeps the pipeline's packages layered: cmd →
// serve → generator → stages, and no stage importing a later one.
func TestDependenciesPointOneWay(t *testing.T) {
	const mod = "github.com/hirebook/hirebook/"
	forbidden := map[string][]string{
		"generator/content":  {"generator/check", "generator/markdown", "generator/pages", "generator/render", "generator/guard", "generator/output", "generator/serve", "generator", "cmd/hirebook"},
		"generator/check":    {"generator/pages", "generator/render", "generator/guard", "generator/output", "generator/serve", "generator", "cmd/hirebook"},
		"generator/markdown": {"generator/pages", "generator/render", "generator/guard", "generator/output", "generator/serve", "generator", "cmd/hirebook"},
		"generator/pages":    {"generator/render", "generator/guard", "generator/output", "generator/serve", "generator", "cmd/hirebook"},
		"generator/render":   {"generator/guard", "generator/output", "generator/serve", "generator", "cmd/hirebook"},
		"generator/guard":    {"generator/output", "generator/serve", "generator", "cmd/hirebook"},
		"generator/output":   {"generator/serve", "generator", "cmd/hirebook"},
		"generator":          {"generator/serve", "cmd/hirebook"},
		"generator/serve":    {"cmd/hirebook"},
	}
	for pkg, bad := range forbidden {
		out, err := exec.Command("go", "list", "-deps", mod+pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		deps := map[string]bool{}
		for _, d := range strings.Fields(string(out)) {
			deps[d] = true
		}
		for _, b := range bad {
			if deps[mod+b] {
				t.Errorf("%s imports %s, which comes after it in the pipeline", pkg, b)
			}
		}
	}
}
