// Package gateway loads the partners' settings, nested, into a struct of
// the package that signs with one of their fields.
package gateway

import (
	"github.com/spf13/viper"

	"reach/voyage/partner"
)

func run() error {
	var ps partner.Settings
	if err := viper.UnmarshalKey("partners", &ps); err != nil { // want `JWT secret shared_secret read into field Airline.SharedSecret by viper.UnmarshalKey outside the auth packages \(reach/auth\) is used as the key of jose.SigningKey.Key through field SharedSecret`
		return err
	}
	_, err := partner.NewAirlineClient(ps.Airline)
	return err
}
