// Package literals hardcodes keys written another way: decoded, hashed,
// built from literals, or passed along a channel, an interface or a
// generic helper.
package literals

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"reach/auth"
)

func decoded() {
	k, _ := base64.StdEncoding.DecodeString("c2lnbmluZy1rZXktZGV2") // want `hardcoded JWT secret "c2"… \(20 characters\) base64-decoded and used as the key of`
	_ = auth.New(string(k))
	h, _ := hex.DecodeString("7369676e696e672d6b6579") // want `hardcoded JWT secret "73"… \(22 characters\) hex-decoded and used as the key`
	_ = auth.New(string(h))
	sum := sha256.Sum256([]byte("seed-of-the-key")) // want `hardcoded JWT secret "se"… \(15 characters\) hashed and used as the key`
	_ = auth.New(string(sum[:]))
}

func built() {
	_ = auth.New(fmt.Sprintf("%s-%s", "acme", "2024-signing")) // want `hardcoded JWT secret "ac"… \(17 characters\) built from literals by fmt.Sprintf and used as the key`
	_ = auth.New(strings.Repeat("ab", 16))                     // want `hardcoded JWT secret of 2 characters transformed by strings.Repeat and used as the key`
	prefix, suffix := "tenant", "signing-material"
	_ = auth.New(prefix + "/" + suffix)                               // want `hardcoded JWT secret "te"… \(23 characters\) built from literals by \+ and used as the key`
	_ = auth.New("prefix-" + os.Getenv("TOKEN_SUFFIX"))               // want `JWT secret TOKEN_SUFFIX read with os.Getenv`
	_ = auth.New(fmt.Sprintf("%s:%s", "v1", os.Getenv("TOKEN_PART"))) // want `JWT secret TOKEN_PART read with os.Getenv`
}

func channels() {
	keys := make(chan string, 1)
	keys <- "channel-key-material" // want `hardcoded JWT secret "ch"… \(20 characters\) used as the key`
	_ = auth.New(<-keys)
}

type keySource interface{ Key() string }

type devKeys struct{}

func (devKeys) Key() string { return "interface-key-material" } // want `hardcoded JWT secret "in"… \(22 characters\) used as the key`

func interfaces(src keySource) {
	_ = auth.New(src.Key())
}

// defaulted has a struct-tag default that a loader gives its field.
type defaulted struct {
	Material string `default:"tag-default-material"` // want `hardcoded JWT secret "ta"… \(20 characters\) as the struct-tag default of Material and used as the key`
}

func tagDefaults(d defaulted) {
	_ = auth.New(d.Material)
}
