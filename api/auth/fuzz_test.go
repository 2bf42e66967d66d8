package auth

import (
	"bufio"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// FuzzParseTokens: any text given as a tokens file or STYRGRAF_TOKENS either configures
// exactly the tokens its lines give, each with its role, or fails as EINVALID naming a line
// that holds something (never echoing that line's token). It never panics. Committed
// corpus: testdata/fuzz/FuzzParseTokens; run longer with
//
//	go test ./api/auth -run '^$' -fuzz FuzzParseTokens -fuzztime 1m
func FuzzParseTokens(f *testing.F) {
	for _, s := range []string{
		"reader kansliet 0123456789abcdef\neditor hr fedcba9876543210\nadmin it aaaaaaaaaaaaaaaa",
		"# comment; with a semicolon\n\n  reader kansliet   0123456789abcdef  \r\n",
		"reader kansliet short",
		"writer kansliet 0123456789abcdef",
		"reader kansliet 0123456789abcdef extra",
		"reader 0123456789abcdef",
		"Reader kansliet 0123456789abcdef",
		"reader kansliet\t0123456789abcdef\u00a0x",
		"reader kansliet 0123456789abcdef\nreader hr 0123456789abcdef",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tokens, err := ParseTokens(text)
		lines := strings.Split(text, "\n")
		if err != nil {
			if errors.Is(err, bufio.ErrTooLong) {
				// A line over 64 KiB: the scanner's error names no line; not reached by
				// inputs of the fuzzer's usual size.
				return
			}
			if code := graph.ErrorCode(err); code != graph.EINVALID {
				t.Fatalf("%s error: %v", code, err)
			}
			m := lineError.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error names no line: %v", err)
			}
			n, _ := strconv.Atoi(m[1])
			if n < 1 || n > len(lines) {
				t.Fatalf("error names line %d of %d: %v", n, len(lines), err)
			}
			line := strings.TrimSpace(lines[n-1])
			if line == "" || strings.HasPrefix(line, "#") {
				t.Fatalf("error names line %d, which holds nothing: %v", n, err)
			}
			// Errors never repeat a field of the line: any field may be a token.
			for _, f := range strings.Fields(line) {
				if len(f) >= 4 && strings.Contains(err.Error(), f) && !strings.Contains(lineErrorWords, f) {
					t.Fatalf("error shows a field of line %d: %v", n, err)
				}
			}
			return
		}
		count := 0
		for _, raw := range lines {
			line := strings.TrimSpace(raw)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			count++
			fields := strings.Fields(line)
			if len(fields) != 3 || len(fields[2]) < MinTokenLength {
				t.Fatalf("accepted line %q", line)
			}
			want := roleNames[fields[0]]
			id, ok := tokens.Identify(fields[2])
			if !ok || want == RolePublic || id.Role != want || id.Name != fields[1] {
				t.Fatalf("token of line %q: %+v, %v", line, id, ok)
			}
		}
		if tokens.Len() != count {
			t.Fatalf("%d tokens from %d lines", tokens.Len(), count)
		}
		if _, ok := tokens.Role(""); ok {
			t.Fatal("the empty token is accepted")
		}
	})
}

var lineError = regexp.MustCompile(`^line (\d+): `)

// lineErrorWords are the words ParseTokens' own messages use, which a field may equal
// without being echoed from the line.
const lineErrorWords = `want "ROLE NAME TOKEN"; the token has no name (a NAME between role and token is required, so that the audit trail says who wrote) got fields the first field is not a role (reader, editor, admin) the name (second field) must be 1–64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit a token needs at least characters the same token as line each token must stand for one name`
