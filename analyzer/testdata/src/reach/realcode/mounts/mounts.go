// Package mounts defines a type over another package's struct and writes
// its fields (pterodactyl/wings' server/mounts.go): the fields belong to
// the other package, so no fact may be exported about them here.
package mounts

import "reach/realcode/mountspec"

// Mount is a mount of a server.
type Mount mountspec.Mount

// Defaults writes the other package's fields.
func Defaults() mountspec.Mount {
	return mountspec.Mount{Target: "/home/container", Source: "/var/lib/data"}
}

// Own writes them through the defined type.
func Own() Mount { return Mount{Target: "/mnt"} }
