package directives

import (
	"os"

	"github.com/golang-jwt/jwt/v5" //jwtssot:ignore import migrating this service in Q3
)

func suppressed(raw string) {
	_, _ = jwt.Parse(raw, nil) //jwtssot:ignore call legacy verifier, ticket SEC-1

	//jwtssot:ignore all webhook signer spread over lines, ticket SEC-2
	_, _ = jwt.Parse(raw,
		func(*jwt.Token) (interface{}, error) { return []byte(os.Getenv("JWT_SECRET")), nil })

	//jwtssot:ignore call,secret-access two rules at once
	_, _ = jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return []byte(os.Getenv("JWT_SECRET")), nil })
}

func notSuppressed(raw string) {
	// A trailing directive covers its own line only.
	_, _ = jwt.Parse(raw, nil) //jwtssot:ignore call trailing
	_, _ = jwt.Parse(raw, nil) // want `call of jwt.Parse`

	// A directive for another rule does not cover this one.
	// want +1 `call of jwt.Parse` `suppresses nothing`
	_, _ = jwt.Parse(raw, nil) //jwtssot:ignore import wrong rule
}

func malformed(raw string) {
	// want +1 `call of jwt.Parse` `^malformed jwtssot directive: directive has no reason: say why`
	_, _ = jwt.Parse(raw, nil) //jwtssot:ignore call

	// want +1 `call of jwt.Parse` `directive names unknown rule "calls"`
	_, _ = jwt.Parse(raw, nil) //jwtssot:ignore calls typo in the rule

	// want +1 `call of jwt.Parse` `without a space after the slashes`
	_, _ = jwt.Parse(raw, nil) // jwtssot:ignore call spaced out

	// want +1 `unknown directive jwtssot:skip`
	//jwtssot:skip call not a verb

	// want +1 `directive names no rule`
	//jwtssot:ignore
}

func unused() {
	// want +1 `jwtssot:ignore secret-access suppresses nothing here; remove it \(jwtssot/directive\)`
	//jwtssot:ignore secret-access nothing to suppress below
	x := 1
	_ = x
}
