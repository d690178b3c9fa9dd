// Package devcfg holds development defaults. It uses no JWT library: its
// constants and variables are reported where another package makes them a
// key, naming them and where they are declared, unless their own name
// gives them away, when they are reported here, once.
package devcfg

// DevKey's name says nothing: reported where it becomes a key.
const DevKey = "dev-shared-key-0001"

// Material's name says nothing either.
var Material = []byte("material-dev-0002") // want Material:`holds\("ma"… \(17 characters\)\)`

// JWTSecret gives itself away: reported here.
const JWTSecret = "devcfg-jwt-secret-03" // want `assigned to JWTSecret` JWTSecret:`reported`

// Port is never a key.
const Port = "8080"
