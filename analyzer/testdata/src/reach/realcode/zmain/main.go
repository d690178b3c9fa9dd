// Package zmain loads the configuration into a struct of another package
// and hands it to the package that signs: the loader's call reads the key.
package zmain

import (
	"github.com/zeromicro/go-zero/core/conf"

	"reach/realcode/zconfig"
	"reach/realcode/zlogic"
)

// Main loads and signs.
func Main(path string) {
	var c zconfig.Config
	conf.MustLoad(path, &c) // want `JWT secret AccessSecret read into field JwtAuth.AccessSecret by conf.MustLoad outside the auth packages \(reach/auth\) is used as the key of \(\*jwt.Token\).SignedString through auth.New`
	zlogic.Token(c)
}

// Dev signs with a literal written into the field.
func Dev() {
	var c zconfig.Config
	c.JwtAuth.AccessSecret = "zero-dev-access-secret" // want `hardcoded JWT secret "ze"… \(22 characters\) used as the key of \(\*jwt.Token\).SignedString through auth.New`
	c.DataSource = "root:root@tcp(127.0.0.1:3306)/db" // TRAP: another field of the same struct
	zlogic.Token(c)
}
