package auth

import (
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

func TestParseTokensNamesAndRoles(t *testing.T) {
	tokens, err := ParseTokens(`# who may do what
reader kansliet  reader-token-0123456789

editor hr-anna   editor-token-0123456789
admin  it.drift  admin-token-01234567890
editor hr-anna   editor-token-rotated-9876
`)
	if err != nil {
		t.Fatal(err)
	}
	if tokens.Len() != 4 || tokens.String() != "1 reader, 2 editor, 1 admin token(s)" {
		t.Errorf("parsed %d tokens: %s", tokens.Len(), tokens)
	}
	for token, want := range map[string]Identity{
		"reader-token-0123456789":   {"kansliet", RoleReader},
		"editor-token-0123456789":   {"hr-anna", RoleEditor},
		"editor-token-rotated-9876": {"hr-anna", RoleEditor}, // one name, two tokens: rotation
		"admin-token-01234567890":   {"it.drift", RoleAdmin},
	} {
		if got, ok := tokens.Identify(token); !ok || got != want {
			t.Errorf("Identify(%s) = %+v %v, want %+v", token, got, ok, want)
		}
	}
	for _, unknown := range []string{"", "kansliet", "reader-token-012345678", "reader-token-0123456789 "} {
		if id, ok := tokens.Identify(unknown); ok || id.Role != RolePublic {
			t.Errorf("Identify(%q) = %+v %v, want no identity", unknown, id, ok)
		}
	}
}

// Every bad line fails naming its number, and the message never repeats a field of the
// line: with fields out of order, the token may stand where the role or name belongs.
func TestParseTokensRefusesBadLines(t *testing.T) {
	const secret = "s3cret-s3cret-s3cret"
	for _, tc := range []struct {
		name, text, want string
	}{
		{"old form without a name", "reader kansliet reader-token-0123456789\n# c\neditor " + secret, "line 3: want \"ROLE NAME TOKEN\"; the token has no name"},
		{"one field", "\n\n" + secret, "line 3: want \"ROLE NAME TOKEN\", got 1 fields"},
		{"four fields", "editor anna " + secret + " extra", "line 1: want \"ROLE NAME TOKEN\", got 4 fields"},
		{"token first", "reader a reader-token-0123456789\n" + secret + " editor anna", "line 2: the first field is not a role"},
		{"unknown role", "owner anna " + secret, "line 1: the first field is not a role"},
		{"role in upper case", "Editor anna " + secret, "line 1: the first field is not a role"},
		{"name with a colon", "editor anna:x " + secret, "line 1: the name (second field) must be"},
		{"token as the name", "editor " + secret + "-longer-than-sixty-four-characters-0123456789-0123456789 x", "line 1: the name (second field) must be"},
		{"short token", "editor anna short-token", "line 1: a token needs at least 16 characters"},
		{"token twice", "reader a " + secret + "\n\neditor b " + secret, "line 3: the same token as line 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTokens(tc.text)
			msg := graph.ErrorMessage(err)
			if graph.ErrorCode(err) != graph.EINVALID || !strings.HasPrefix(msg, tc.want) {
				t.Fatalf("ParseTokens = %v, want EINVALID starting %q", err, tc.want)
			}
			if strings.Contains(msg, secret) || strings.Contains(msg, "anna") {
				t.Errorf("the message %q repeats a field of the line", msg)
			}
		})
	}
}

func TestJoinRefusesATokenInBothLists(t *testing.T) {
	a, _ := ParseTokens("reader a reader-token-0123456789")
	b, _ := ParseTokens("editor b editor-token-0123456789")
	both, err := a.Join(b)
	if err != nil || both.Len() != 2 {
		t.Fatalf("Join = %d tokens, %v", both.Len(), err)
	}
	if id, ok := both.Identify("editor-token-0123456789"); !ok || id.Name != "b" {
		t.Errorf("joined tokens: %+v %v", id, ok)
	}
	if _, err := both.Join(b); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("joining a token twice = %v, want EINVALID", err)
	}
}
