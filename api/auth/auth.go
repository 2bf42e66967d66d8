// Package auth holds the roles and bearer tokens that the HTTP API and the web interface
// both check: one set of tokens, one meaning of each role, and the name each token stands
// for, which the audit trail records as who wrote.
package auth

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"regexp"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// SessionCookie is the cookie in which the web pages keep a logged-in user's token.
const SessionCookie = "styrgraf_session"

// Role is what a token may do. Each role includes the ones before it.
type Role int

const (
	RolePublic Role = iota // no token needed (health, metrics, OpenAPI)
	RoleReader             // every GET
	RoleEditor             // also import
	RoleAdmin              // also the audit trail
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

// Identity is who presented a token: the token's name and role.
type Identity struct {
	Name string
	Role Role
}

// Tokens are the accepted bearer tokens. Only their SHA-256 digests are kept, and a
// presented token is compared with each in constant time.
type Tokens struct {
	digests [][32]byte
	ids     []Identity
}

// MinTokenLength is the shortest token accepted.
const MinTokenLength = 16

// tokenName is what a token's name may look like: one word, since the audit trail and the
// logs show it.
var tokenName = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$`)

// ParseTokens reads "ROLE NAME TOKEN" lines, one per line of text: roles reader, editor,
// admin; NAME says whose token it is (letters, digits, . _ @ -; at most 64), which the
// audit trail records; # comments and blank lines are ignored. The older "ROLE TOKEN" form
// is refused, so that no write goes unnamed, and so is a token given twice. Errors name the
// line, never a field of it: a line with its fields out of order may hold the token where
// a role or name belongs.
func ParseTokens(text string) (Tokens, error) {
	var t Tokens
	seen := map[[32]byte]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		switch {
		case len(fields) == 2:
			return Tokens{}, graph.Errorf(graph.EINVALID, "line %d: want \"ROLE NAME TOKEN\"; the token has no name (a NAME between role and token is required, so that the audit trail says who wrote)", n)
		case len(fields) != 3:
			return Tokens{}, graph.Errorf(graph.EINVALID, "line %d: want \"ROLE NAME TOKEN\", got %d fields", n, len(fields))
		}
		role, ok := roleNames[fields[0]]
		if !ok {
			return Tokens{}, graph.Errorf(graph.EINVALID, "line %d: the first field is not a role (reader, editor, admin)", n)
		}
		if !tokenName.MatchString(fields[1]) {
			return Tokens{}, graph.Errorf(graph.EINVALID, "line %d: the name (second field) must be 1–64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit", n)
		}
		if len(fields[2]) < MinTokenLength {
			return Tokens{}, graph.Errorf(graph.EINVALID, "line %d: a token needs at least %d characters", n, MinTokenLength)
		}
		d := sha256.Sum256([]byte(fields[2]))
		if first, dup := seen[d]; dup {
			return Tokens{}, graph.Errorf(graph.EINVALID, "line %d: the same token as line %d; each token must stand for one name", n, first)
		}
		seen[d] = n
		t.digests = append(t.digests, d)
		t.ids = append(t.ids, Identity{Name: fields[1], Role: role})
	}
	return t, sc.Err()
}

// Join returns the tokens of t and u together. A token in both is an error, as within one
// list.
func (t Tokens) Join(u Tokens) (Tokens, error) {
	for _, d := range u.digests {
		for _, e := range t.digests {
			if d == e {
				return Tokens{}, graph.Errorf(graph.EINVALID, "the same token is configured twice")
			}
		}
	}
	return Tokens{digests: append(append([][32]byte{}, t.digests...), u.digests...), ids: append(append([]Identity{}, t.ids...), u.ids...)}, nil
}

// Len is how many tokens are configured.
func (t Tokens) Len() int { return len(t.digests) }

// Identify returns the identity of a presented token, or false.
func (t Tokens) Identify(token string) (Identity, bool) {
	d := sha256.Sum256([]byte(token))
	found, id := 0, Identity{Role: RolePublic}
	for i, want := range t.digests {
		// No early exit: the time taken does not depend on which token matched.
		if subtle.ConstantTimeCompare(d[:], want[:]) == 1 {
			found, id = 1, t.ids[i]
		}
	}
	return id, found == 1
}

// Role returns the role of a presented token, or false.
func (t Tokens) Role(token string) (Role, bool) {
	id, ok := t.Identify(token)
	return id.Role, ok
}

// String describes the configuration for the start-up message, without tokens.
func (t Tokens) String() string {
	count := map[Role]int{}
	for _, id := range t.ids {
		count[id.Role]++
	}
	return fmt.Sprintf("%d reader, %d editor, %d admin token(s)", count[RoleReader], count[RoleEditor], count[RoleAdmin])
}
