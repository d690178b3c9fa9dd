// Command cmd wires the auth module with settings read outside it: every
// read whose value becomes the key is reported, whatever it is called.
package main

import (
	"os"

	"reach/auth"
	"reach/config"
)

func getEnv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// firstNonEmpty returns the first of its values that is not empty.
func firstNonEmpty[T comparable](vs ...T) T {
	var zero T
	for _, v := range vs {
		if v != zero {
			return v
		}
	}
	return zero
}

func main() {
	_ = auth.New(os.Getenv("TOKEN_KEY"))                                                               // want `^JWT secret TOKEN_KEY read with os.Getenv outside the auth packages \(reach/auth\) is used as the key of \(\*jwt.Token\).SignedString through auth.New; only the auth module may read JWT secrets`
	_ = auth.New(getEnv("APP_KEY", ""))                                                                // want `JWT secret APP_KEY read with main.getEnv outside`
	_ = auth.New(config.Secret())                                                                      // want `JWT secret SECRET read with os.Getenv at reach/config/config.go:8 \(returned by config.Secret\) outside the auth packages`
	_ = auth.New(config.Get("SIGNING_MATERIAL"))                                                       // want `JWT secret SIGNING_MATERIAL read with config.Get outside`
	_ = auth.New(config.Default.Key)                                                                   // want `hardcoded JWT secret "tr"… \(20 characters\) from config.Config.Key \(reach/config/config.go:20\) used as the key of \(\*jwt.Token\).SignedString through auth.New`
	_ = auth.New(config.Token)                                                                         // want `hardcoded JWT secret "tr"… \(18 characters\) from config.Token \(reach/config/config.go:23\) used as the key of \(\*jwt.Token\).SignedString through auth.New`
	_ = auth.New(config.Loaded.Key)                                                                    // want `JWT secret SIGNING_MATERIAL read with os.Getenv at reach/config/config.go:31 \(held by config.Env.Key\)`
	_ = auth.NewVerifier(auth.Options{SharedSecret: os.Getenv("SHARED"), Issuer: os.Getenv("ISSUER")}) // want `JWT secret SHARED read with os.Getenv outside the auth packages \(reach/auth\) is returned as the key by the keyfunc of jwt.Parse through field SharedSecret`
	_, _ = auth.SignNamed("PARTNER_KEY", nil)                                                          // want `JWT secret PARTNER_KEY read with auth.SignNamed outside the auth packages \(reach/auth\) is used as the key of \(\*jwt.Token\).SignedString;`
	_ = auth.New(firstNonEmpty(os.Getenv("GENERIC_KEY"), "generic-fallback-key"))                      // want `JWT secret GENERIC_KEY read with os.Getenv` `hardcoded JWT secret "ge"… \(20 characters\) used as the key`
	_ = auth.New(os.ExpandEnv("$EXPANDED_KEY"))                                                        // want `JWT secret EXPANDED_KEY read with os.ExpandEnv`
	_ = auth.FromEnv()
	_ = os.Getenv("PORT") // no key: not reported
	// A helper declared after its caller is known by its body all the same.
	_ = auth.New(getSetting("LATER_KEY", "later-fallback-key")) // want `JWT secret LATER_KEY read with main.getSetting` `hardcoded JWT secret "la"… \(18 characters\) used as the key`
}

func getSetting(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
