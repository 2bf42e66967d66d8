package diagram

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./diagram/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is intended, run go test ./diagram/ -update and review the diff\n--- got\n%s", path, got)
	}
}

func TestGoldenDOT(t *testing.T) {
	for _, tc := range []struct {
		name string
		dot  func() ([]byte, error)
	}{
		{"organ.dot", func() ([]byte, error) { return OrganDOT(smallTree(), Options{Title: "Region Halland 2026-01-01"}) }},
		{"organ_noseats.dot", func() ([]byte, error) { return OrganDOT(smallTree(), Options{NoSeats: true, NoLegend: true}) }},
		{"organisation.dot", func() ([]byte, error) {
			return OrganisationDOT(organisationTree(), Options{At: graph.MustDate("2026-01-01")})
		}},
		{"organisation_allseats.dot", func() ([]byte, error) {
			return OrganisationDOT(organisationTree(), Options{AllSeats: true, Relations: []string{"PART_OF", "EX_OFFICIO", "APPOINTS"}, NoLegend: true})
		}},
		{"fanout.dot", func() ([]byte, error) { return OrganDOT(fanTree(), Options{}) }},
		{"escalation.dot", func() ([]byte, error) {
			return EscalationDOT("sr", escalationChains(), Options{Title: "Eskalering från Samordningsrådet ortopedi"})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.dot()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, got)
		})
	}
}

// The DOT does not depend on the order of the answer's organs, seats and edges.
func TestDOTDeterministic(t *testing.T) {
	a, err := OrganDOT(smallTree(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	shuffled := smallTree()
	o, e := shuffled.Organs, shuffled.Edges
	for i, j := 0, len(o)-1; i < j; i, j = i+1, j-1 {
		o[i], o[j] = o[j], o[i]
	}
	for i, j := 0, len(e)-1; i < j; i, j = i+1, j-1 {
		e[i], e[j] = e[j], e[i]
	}
	for i := range o {
		s := o[i].Seats
		for x, y := 0, len(s)-1; x < y; x, y = x+1, y-1 {
			s[x], s[y] = s[y], s[x]
		}
	}
	b, err := OrganDOT(shuffled, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("DOT depends on input order:\n%s\n---\n%s", a, b)
	}
	chains := escalationChains()
	x, _ := EscalationDOT("sr", chains, Options{})
	chains[0], chains[1] = chains[1], chains[0]
	y, _ := EscalationDOT("sr", chains, Options{})
	if !bytes.Equal(x, y) {
		t.Errorf("escalation DOT depends on chain order")
	}
}

// Every label and id is quoted or safe: the escaping cases spelled out.
func TestQuoteAndIDs(t *testing.T) {
	for in, want := range map[string]string{
		`Hälso- och sjukvårdsnämnden`: `"Hälso- och sjukvårdsnämnden"`,
		`"HSN"`:                       `"\"HSN\""`,
		`a\b`:                         `"a\\b"`,
		`\N`:                          `"\\N"`,
		"två\nrader":                  `"två\nrader"`,
		"tab\there\r":                 `"tab here"`,
		"bad\xffutf8":                 "\"bad\uFFFDutf8\"",
		`slut\`:                       `"slut\\"`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
	// Attribute values: bare only when DOT reads them back as the same plain word or number.
	for _, tc := range []struct{ val, want string }{
		{"Regionstyrelsen", `label=Regionstyrelsen`}, {"1.5", `label=1.5`}, {"Graph", `label="Graph"`}, {"subgraph", `label="subgraph"`},
		{"två ord", `label="två ord"`}, {"Å", `label="Å"`}, {"#424242", `label="#424242"`}, {"", `label=""`}, {"1abc", `label="1abc"`},
		{`a"b`, `label="a\"b"`},
	} {
		if got := attrOf("label", tc.val).String(); got != tc.want {
			t.Errorf("attrOf(label, %q) = %s, want %s", tc.val, got, tc.want)
		}
	}
	if got := htmlAttr("label", "<B>"+htmlText(`a<b & "c"`)+"</B>").String(); got != `label=<<B>a&lt;b &amp; &quot;c&quot;</B>>` {
		t.Errorf("HTML label = %s", got)
	}
	w := newWriter()
	safe := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	ids := []string{"rh-rs", "rh_rs", "å-ä", "a\"b", "x y", "1abc"}
	seen := map[string]bool{}
	for _, id := range ids {
		d := w.id("o_", id)
		if !safe.MatchString(d) {
			t.Errorf("id(%q) = %q is not a plain DOT identifier", id, d)
		}
		if seen[d] {
			t.Errorf("id(%q) = %q clashes", id, d)
		}
		seen[d] = true
		if again := w.id("o_", id); again != d {
			t.Errorf("id(%q) not stable: %q then %q", id, d, again)
		}
	}
}

func TestFanOutStaggers(t *testing.T) {
	dot, err := OrganDOT(fanTree(), Options{NoLegend: true})
	if err != nil {
		t.Fatal(err)
	}
	s := string(dot)
	// Ten leaf utskott over ceil(10/6) = 2 rows: the first five at minlen 1, the rest at 2.
	for i := 1; i <= 10; i++ {
		line := regexp.MustCompile(`o_n -> o_u` + pad2(i) + ` \[[^\n]*`).FindString(s)
		if line == "" {
			t.Fatalf("no edge to utskott %d in\n%s", i, s)
		}
		if got := strings.Contains(line, "minlen=2"); got != (i > 5) {
			t.Errorf("utskott %d: %s", i, line)
		}
	}
	// The förvaltning has a part of its own and is not staggered.
	if line := regexp.MustCompile(`o_n -> o_f \[[^\n]*`).FindString(s); strings.Contains(line, "minlen") {
		t.Errorf("non-leaf staggered: %s", line)
	}
	// At or below the limit nothing is staggered.
	dot, _ = OrganDOT(fanTree(), Options{FanOut: 11})
	if strings.Contains(string(dot), "minlen") {
		t.Errorf("staggered with FanOut 11:\n%s", dot)
	}
}

func pad2(i int) string {
	if i < 10 {
		return "0" + string(rune('0'+i))
	}
	return "10"
}

func TestTooLarge(t *testing.T) {
	tree := bigTree(300)
	if _, err := OrganDOT(tree, Options{}); err != nil {
		t.Fatalf("300 nodes under the default limit: %v", err)
	}
	_, err := OrganDOT(tree, Options{MaxNodes: 100})
	if graph.ErrorCode(err) != graph.ETOOLARGE {
		t.Fatalf("OrganDOT over the limit = %v, want ETOOLARGE", err)
	}
	if msg := graph.ErrorMessage(err); !strings.Contains(msg, "limit of 100") || !strings.Contains(msg, "depth") {
		t.Errorf("message does not say how to narrow it: %s", msg)
	}
	if _, err := OrganisationDOT(bigTree(450), Options{AllSeats: true}); graph.ErrorCode(err) != graph.ETOOLARGE {
		t.Errorf("OrganisationDOT of 450 nodes with every seat = %v, want ETOOLARGE", err)
	}
	// With its seats folded into the organs (the default) the same organisation fits.
	if _, err := OrganisationDOT(bigTree(450), Options{}); err != nil {
		t.Errorf("seats folded: %v", err)
	}
	if _, err := EscalationDOT("sr", escalationChains(), Options{MaxNodes: 3}); graph.ErrorCode(err) != graph.ETOOLARGE {
		t.Errorf("EscalationDOT over the limit = %v, want ETOOLARGE", err)
	}
}

// Every relation a dataset may state has a style and a legend entry: a new relation kind
// must not fall back to an unexplained plain line.
func TestEveryRelationKindHasAStyle(t *testing.T) {
	for _, k := range graph.Vocabularies["relation_kind"] {
		typ := strings.ToUpper(k.Value)
		if _, ok := edgeStyles[typ]; !ok || !slices.Contains(edgeTypes, typ) {
			t.Errorf("relation kind %s has no edge style or is not in the legend order", k.Value)
		}
	}
}
