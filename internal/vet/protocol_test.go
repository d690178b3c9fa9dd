package vet

import (
	"strings"
	"testing"
)

func TestIsInvocation(t *testing.T) {
	for args, want := range map[string]bool{
		"-V=full":                 true,
		"-flags":                  true,
		"-json /tmp/b001/vet.cfg": true,
		"./...":                   false,
		"-format json ./...":      false,
		"-explain call":           false,
	} {
		if got := IsInvocation(strings.Fields(args)); got != want {
			t.Errorf("IsInvocation(%s) = %v, want %v", args, got, want)
		}
	}
}

// TestCheckFlags: a bad value of an analyzer flag is one error, and so is
// a flag whose file go vet's cache key could not hold; the first in the
// command line wins.
func TestCheckFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-json", "-jwtssot.auth=./internal/auth/..."}, ""},
		{[]string{"-jwtssot.tests"}, ""},
		{[]string{"-jwtssot.disable", "call"}, ""},
		{[]string{"-jwtssot.disable=bogus"}, `invalid value "bogus" for flag -jwtssot.disable: unknown rule "bogus"`},
		{[]string{"-jwtssot.config=ci/x.yaml"}, "cannot be used with go vet"},
		{[]string{"-jwtssot.config", "ci/x.yaml"}, "cannot be used with go vet"},
		{[]string{"-jwtssot.recipes=ci/recipes.go"}, "-jwtssot.recipes=ci/recipes.go cannot be used with go vet"},
		{[]string{"-jwtssot.disable=bogus", "-jwtssot.config=x.yaml"}, `invalid value "bogus"`},
	} {
		err := checkFlags("jwtssot", tc.args)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%v: %v", tc.args, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%v: %v, want %q", tc.args, err, tc.want)
		}
	}
}
