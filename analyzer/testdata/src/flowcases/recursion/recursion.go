// Package recursion holds shapes that once made the tracer run forever:
// self-recursion with several recursive returns, mutual recursion, and a
// long chain of helpers. Each must finish at once and find its literal.
package recursion

import "github.com/golang-jwt/jwt/v5" // want `import of JWT library`

// even and odd call each other, each with several returns.
func even(n int, key string) string {
	switch {
	case n == 0:
		return key
	case n < 0:
		return odd(-n, key)
	case n > 100:
		return odd(n-1, "even-literal-key") // want `hardcoded JWT secret "ev"… \(16 characters\) used as the key of \(\*jwt.Token\).SignedString`
	}
	return odd(n-1, key)
}

func odd(n int, key string) string {
	switch {
	case n == 0:
		return "odd-literal-key1" // want `hardcoded JWT secret "od"… \(16 characters\) used as the key of \(\*jwt.Token\).SignedString`
	case n < 0:
		return even(-n, key)
	}
	return even(n-1, key)
}

// fib recurses twice per call: exponential if followed path by path.
func fib(n int, k string) string {
	if n < 2 {
		return k
	}
	if n%2 == 0 {
		return fib(n-1, k) + fib(n-2, k)
	}
	return fib(n-2, k)
}

func sign(t *jwt.Token) {
	_, _ = t.SignedString([]byte(even(7, "mutual-seed-key")))       // want `call of` `hardcoded JWT secret "mu"… \(15 characters\) used as the key`
	_, _ = t.SignedString([]byte(fib(30, "fib-seed-key-value")))    // want `call of` `hardcoded JWT secret "fi"… \(18 characters\) used as the key`
	_, _ = t.SignedString([]byte(chain1("chained-seed-key-value"))) // want `call of` `hardcoded JWT secret "ch"… \(22 characters\) used as the key`
}

// A chain of helpers, each passing its parameter to the next.
func chain1(k string) string  { return chain2(k) }
func chain2(k string) string  { return chain3(k) }
func chain3(k string) string  { return chain4(k) }
func chain4(k string) string  { return chain5(k) }
func chain5(k string) string  { return chain6(k) }
func chain6(k string) string  { return chain7(k) }
func chain7(k string) string  { return chain8(k) }
func chain8(k string) string  { return chain9(k) }
func chain9(k string) string  { return chain10(k) }
func chain10(k string) string { return k }
