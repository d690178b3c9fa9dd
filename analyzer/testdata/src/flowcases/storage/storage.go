// Package storage talks to the object store. It imports the auth module
// only transitively (through handlers), and uses no JWT library: its
// credentials are not JWT secrets.
package storage

import (
	"os"

	_ "flowcases/handlers"
)

// Credentials are the object store's.
func Credentials() (string, string) { // want Credentials:`returns\[value\]\(read\(MINIO_ACCESS_KEY_ID\)\)`
	return os.Getenv("MINIO_ACCESS_KEY_ID"), os.Getenv("MINIO_SECRET_ACCESS_KEY")
}
