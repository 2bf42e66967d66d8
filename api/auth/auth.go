// Package auth holds the roles and bearer tokens that the HTTP API and the web interface
// both check: one set of tokens, one meaning of each role.
package auth

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// Role is what a token may do. Each role includes the ones before it.
type Role int

const (
	RolePublic Role = iota // no token needed (health, metrics, OpenAPI)
	RoleReader             // every GET
	RoleEditor             // also import
	RoleAdmin              // everything
)

var roleNames = map[string]Role{"reader": RoleReader, "editor": RoleEditor, "admin": RoleAdmin}

func (r Role) String() string {
	for name, role := range roleNames {
		if role == r {
			return name
		}
	}
	return "public"
}

// Tokens are the accepted bearer tokens. Only their SHA-256 digests are kept, and a
// presented token is compared with each in constant time.
type Tokens struct {
	digests [][32]byte
	roles   []Role
}

// ParseTokens reads "ROLE TOKEN" lines (roles reader, editor, admin; # comments and blank
// lines ignored), as in a tokens file or STYRGRAF_TOKENS (where ';' also separates lines).
// Errors name the line but never echo the token.
func ParseTokens(text string) (Tokens, error) {
	var t Tokens
	sc := bufio.NewScanner(strings.NewReader(strings.ReplaceAll(text, ";", "\n")))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			return Tokens{}, graph.Errorf(graph.EINVALID, "tokens line %d: want \"ROLE TOKEN\"", n)
		}
		role, ok := roleNames[fields[0]]
		if !ok {
			return Tokens{}, graph.Errorf(graph.EINVALID, "tokens line %d: unknown role %q (reader, editor, admin)", n, fields[0])
		}
		if len(fields[1]) < 16 {
			return Tokens{}, graph.Errorf(graph.EINVALID, "tokens line %d: a token needs at least 16 characters", n)
		}
		t.digests = append(t.digests, sha256.Sum256([]byte(fields[1])))
		t.roles = append(t.roles, role)
	}
	return t, sc.Err()
}

// Len is how many tokens are configured.
func (t Tokens) Len() int { return len(t.digests) }

// Role returns the role of a presented token, or false.
func (t Tokens) Role(token string) (Role, bool) {
	d := sha256.Sum256([]byte(token))
	found, role := 0, RolePublic
	for i, want := range t.digests {
		// No early exit: the time taken does not depend on which token matched.
		if subtle.ConstantTimeCompare(d[:], want[:]) == 1 {
			found, role = 1, t.roles[i]
		}
	}
	return role, found == 1
}

// String describes the configuration for the start-up message, without tokens.
func (t Tokens) String() string {
	count := map[Role]int{}
	for _, r := range t.roles {
		count[r]++
	}
	return fmt.Sprintf("%d reader, %d editor, %d admin token(s)", count[RoleReader], count[RoleEditor], count[RoleAdmin])
}
