// Package worker signs queue jobs with a key of its own and reaches no JWT
// library: a "signing key" here is not a JWT secret.
package worker

import "os"

var queueKey = []byte(os.Getenv("QUEUE_SIGNING_KEY"))

const defaultSigningKey = "queue-signing-default"

func sign(job string) string {
	verifyKey := "queue-verify-key"
	return job + string(queueKey) + defaultSigningKey + verifyKey
}

// A JWT word still makes a JWT secret, wherever it is.
const jwtSigningKey = "worker-jwt-signing" // want `assigned to jwtSigningKey`

var _ = os.Getenv("JWT_SIGNING_KEY") // want `JWT secret JWT_SIGNING_KEY read with os.Getenv`
