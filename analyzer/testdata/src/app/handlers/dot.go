package handlers

import . "github.com/golang-jwt/jwt/v4" // want `import of JWT library github.com/golang-jwt/jwt/v4`

func dotParse(raw string) (*Token, error) {
	return Parse(raw, nil) // want `^call of jwt.Parse outside`
}

func dotClaims(c StandardClaims) error { return c.Valid() } // want `call of \(jwt.StandardClaims\).Valid`
