// Package zerocopy reads a key file and converts its bytes to a string
// without a copy (drakkan/sftpgo's util.BytesToString): the conversion
// holds what the bytes hold.
package zerocopy

import (
	"os"
	"strings"
	"unsafe"

	"reach/auth"
)

func bytesToString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func stringToBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// Load signs with the passphrase file's content.
func Load(name string) {
	data, _ := os.ReadFile(name) // want `JWT secret read from a file by os.ReadFile outside`
	_ = auth.New(strings.TrimSpace(bytesToString(data)))
}

// Literal is a hardcoded key, viewed twice.
func Literal() {
	_ = auth.New(bytesToString(stringToBytes("zero-copy-literal-key"))) // want `hardcoded JWT secret "ze"… \(21 characters\) used as the key of \(\*jwt.Token\).SignedString through auth.New`
}
