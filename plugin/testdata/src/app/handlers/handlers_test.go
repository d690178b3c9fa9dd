package handlers

import "os"

// Tests are analyzed because the settings say tests: true.
var testSecret = os.Getenv("JWT_SECRET") // want `JWT secret JWT_SECRET read with os.Getenv outside .*\(jwtssot/secret-access\)$`
