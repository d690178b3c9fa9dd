// Package keeper keeps the key its constructor is given in a field, and
// signs with it later through the auth module: the constructor's parameter
// is a key, which its callers in other packages give.
package keeper

import "flowcases/auth"

// Service signs tokens with the key it was made with.
type Service struct{ secret []byte }

// New keeps secret for Token.
func New(secret string) *Service { return &Service{secret: []byte(secret)} } // want New:`key\(0 value`

// Token signs with the kept key.
func (s *Service) Token() (string, error) { return auth.SignWith(nil, s.secret) }
