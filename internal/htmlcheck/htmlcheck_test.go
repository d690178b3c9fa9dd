package htmlcheck

import "testing"

func TestWellFormedCatchesErrors(t *testing.T) {
	for _, bad := range []string{
		"<!DOCTYPE html><html><head></head><body><div><p>x</div></p></body></html>",
		"<!DOCTYPE html><html><head></head><body><div></body></html>",
		"<html><head></head><body></body></html>",
		"<!DOCTYPE html><html><head></head><body></body></html><p>",
		"<!DOCTYPE html><html><head></head><body><br/></body></html>",
	} {
		if err := WellFormed(bad); err == nil {
			t.Errorf("WellFormed(%q) = nil", bad)
		}
	}
	for _, bad := range []string{
		`<!DOCTYPE html><html><head><script src="x.js"></script></head><body></body></html>`,
		`<!DOCTYPE html><html><head><link rel="stylesheet" href="https://x/y.css"></head><body></body></html>`,
		`<!DOCTYPE html><html><head><style>body{background:url(https://x/y.png)}</style></head><body></body></html>`,
		`<!DOCTYPE html><html><head></head><body><svg><image href="https://x/y.png"/></svg></body></html>`,
		`<!DOCTYPE html><html><head></head><body onload="x()"></body></html>`,
	} {
		if err := SelfContained(bad); err == nil {
			t.Errorf("SelfContained(%q) = nil", bad)
		}
	}
}
