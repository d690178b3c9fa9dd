// Package request is a stub of github.com/golang-jwt/jwt/v5/request.
package request

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

type Extractor interface {
	ExtractToken(*http.Request) (string, error)
}

var AuthorizationHeaderExtractor Extractor

type ParseFromRequestOption func(*struct{})

func ParseFromRequest(req *http.Request, extractor Extractor, keyFunc jwt.Keyfunc, options ...ParseFromRequestOption) (token *jwt.Token, err error) {
	return nil, nil
}

func WithParser(parser *jwt.Parser) ParseFromRequestOption { return nil }
