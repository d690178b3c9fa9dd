// Package rest is a stub of go-zero's REST server: the options that take
// the JWT secret.
package rest

type RouteOption func(*featuredRoutes)

type featuredRoutes struct{ secret, prev string }

type RestConf struct {
	Host string
	Port int
}

func WithJwt(secret string) RouteOption {
	return func(r *featuredRoutes) { r.secret = secret }
}

func WithJwtTransition(secret, prevSecret string) RouteOption {
	return func(r *featuredRoutes) { r.secret, r.prev = secret, prevSecret }
}

func WithPrefix(group string) RouteOption { return func(*featuredRoutes) {} }
