//go:build !unix

package main

import "testing"

func mkfifo(t *testing.T, p string) {
	t.Skip("named pipes are a Unix thing")
}
