// Package gozero is a go-zero API service (Mikaelemmmm/go-zero-looklook):
// conf.MustLoad fills the configuration, whose Auth.AccessSecret verifies
// the routes' tokens through rest.WithJwt, a framework's key parameter.
package gozero

import (
	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/rest"
)

type Config struct {
	rest.RestConf
	Auth struct {
		AccessSecret string // want AccessSecret:`holds\(read\(AccessSecret\)\) key\(rest.WithJwt\)`
		AccessExpire int64
	}
	Previous string `json:",optional"` // want Previous:`holds\(read\(Previous\)\) key\(rest.WithJwtTransition\)`
}

func Main(path string) []rest.RouteOption {
	var c Config
	conf.MustLoad(path, &c) // want `JWT secret AccessSecret read into field Auth.AccessSecret by conf.MustLoad outside`
	return []rest.RouteOption{
		rest.WithJwt(c.Auth.AccessSecret),
		rest.WithJwtTransition(c.Auth.AccessSecret, c.Previous),
		rest.WithPrefix("/v1"), // TRAP: a route prefix is no key
	}
}

func Dev() rest.RouteOption {
	return rest.WithJwt("dev-access-secret-0001") // want `hardcoded JWT secret "de"… \(22 characters\) used as the key of rest.WithJwt`
}
