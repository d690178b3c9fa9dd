package handlers

import "os"

// This package reaches a JWT library, so a signing key or token secret is
// taken for a JWT secret.
var signingKey = "handlers-signing-key" // want `assigned to signingKey`

var tokenSecret = os.Getenv("TOKEN_SECRET") // want `JWT secret TOKEN_SECRET read with os.Getenv`

func init() { _ = signingKey + tokenSecret }

// Signing keys of other things are not JWT secrets, even here.
var (
	queueSigningKey   = "handlers-queue-key"
	webhookSigningKey = os.Getenv("WEBHOOK_SIGNING_KEY")
	uploadSigningKey  = os.Getenv("UPLOAD_SIGNING_KEY")
)

func init() { _ = queueSigningKey + webhookSigningKey + uploadSigningKey }
