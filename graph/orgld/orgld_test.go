package orgld_test

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
	"github.com/styrgraf/styrgraf/graph/orgld"
)

func examples(t *testing.T) []graph.Dataset {
	t.Helper()
	files, err := dataset.Load("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	return dataset.Datasets(files)
}

// nt renders a parsed quad's triple in N-Triples, xsd:string written out, so that
// triples from different parsers compare as strings.
func nt(q *ld.Quad) string {
	term := func(n ld.Node) string {
		switch n := n.(type) {
		case ld.IRI:
			return "<" + n.Value + ">"
		case ld.Literal:
			switch {
			case n.Language != "":
				return jsonString(n.Value) + "@" + n.Language
			case n.Datatype == "" || n.Datatype == orgld.NsXSD+"string":
				return jsonString(n.Value) + "^^<" + orgld.NsXSD + "string>"
			}
			return jsonString(n.Value) + "^^<" + n.Datatype + ">"
		case ld.BlankNode:
			return "_:" + n.Attribute
		}
		return "?"
	}
	return term(q.Subject) + " " + term(q.Predicate) + " " + term(q.Object)
}

func mine(t orgld.Triple) string {
	o := "<" + t.O.IRI + ">"
	if !t.O.IsIRI() {
		switch {
		case t.O.Lang != "":
			o = jsonString(t.O.Value) + "@" + t.O.Lang
		case t.O.Datatype == "":
			o = jsonString(t.O.Value) + "^^<" + orgld.NsXSD + "string>"
		default:
			o = jsonString(t.O.Value) + "^^<" + t.O.Datatype + ">"
		}
	}
	return "<" + t.S + "> <" + t.P + "> " + o
}

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

func set(lines []string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lines {
		m[l] = true
	}
	return m
}

func sameSet(t *testing.T, what string, got, want map[string]bool) {
	t.Helper()
	var missing, extra []string
	for l := range want {
		if !got[l] {
			missing = append(missing, l)
		}
	}
	for l := range got {
		if !want[l] {
			extra = append(extra, l)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing)+len(extra) > 0 {
		t.Errorf("%s: %d triples missing (e.g. %.3q), %d extra (e.g. %.3q)", what, len(missing), missing, len(extra), extra)
	}
}

// TestOutputIsRDF: the JSON-LD, read by a JSON-LD processor (json-gold) into RDF, and the
// Turtle, read by an N-Quads parser, give exactly the triples the package meant to write.
func TestOutputIsRDF(t *testing.T) {
	ds := examples(t)
	var want []string
	for _, tr := range orgld.Triples(ds) {
		want = append(want, mine(tr))
	}
	wantSet := set(want)

	var jsonld bytes.Buffer
	if err := orgld.WriteJSONLD(&jsonld, ds); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(jsonld.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	proc := ld.NewJsonLdProcessor()
	out, err := proc.ToRDF(doc, ld.NewJsonLdOptions(""))
	if err != nil {
		t.Fatalf("JSON-LD to RDF: %v", err)
	}
	var fromJSONLD []string
	for _, q := range out.(*ld.RDFDataset).GetQuads("@default") {
		fromJSONLD = append(fromJSONLD, nt(q))
	}
	sameSet(t, "JSON-LD", set(fromJSONLD), wantSet)

	var ttl bytes.Buffer
	if err := orgld.WriteTurtle(&ttl, ds); err != nil {
		t.Fatal(err)
	}
	// The header comment is Turtle (and N-Triples); the N-Quads parser takes no comments.
	body := strings.SplitN(ttl.String(), "\n", 2)[1]
	parsed, err := ld.ParseNQuads(body)
	if err != nil {
		t.Fatalf("Turtle: %v", err)
	}
	var fromTurtle []string
	for _, q := range parsed.GetQuads("@default") {
		fromTurtle = append(fromTurtle, nt(q))
	}
	sameSet(t, "Turtle", set(fromTurtle), wantSet)
	t.Logf("%d triples (JSON-LD %d, Turtle %d)", len(want), len(fromJSONLD), len(fromTurtle))
	if len(want) < 1000 {
		t.Errorf("only %d triples from the examples", len(want))
	}
}

// TestCGH: the triples that say what CGH is in ORG terms, with its provenance.
func TestCGH(t *testing.T) {
	got := map[string]bool{}
	for _, tr := range orgld.Triples(examples(t)) {
		got[mine(tr)] = true
	}
	id := func(s string) string { return "<" + orgld.Base + s + ">" }
	org := func(s string) string { return "<" + orgld.NsORG + s + ">" }
	sg := func(s string) string { return "<" + orgld.NsSG + s + ">" }
	rdfType := "<" + orgld.NsRDF + "type>"
	for _, want := range []string{
		id("cgh") + " " + rdfType + " " + org("Organization"),
		id("cgh") + " " + rdfType + " " + org("OrganizationalCollaboration"),
		id("cgh") + " <" + orgld.NsSKOS + "prefLabel> \"Chefsgrupp Halland\"@sv",
		id("cgh") + " <" + orgld.NsSKOS + "altLabel> \"CGH\"@sv",
		id("cgh") + " " + org("subOrganizationOf") + " " + id("region-halland"),
		id("cgh") + " " + org("hasMember") + " " + id("region-halland"),
		id("cgh") + " " + org("hasMember") + " " + id("halmstad-kommun"),
		id("cgh") + " " + org("classification") + " " + sg("kind/organ_kind/chefsgrupp"),
		id("cgh") + " <" + orgld.NsDCT + "source> " + id("cgh-arbetsordning"),
		id("cgh") + " " + sg("basis") + " " + sg("kind/basis/stated"),
		id("cgh") + " " + sg("section") + " \"1.1\"@sv",
		id("cgh-ordforande") + " " + rdfType + " " + org("Post"),
		id("cgh-ordforande") + " " + org("postIn") + " " + id("cgh"),
		id("cgh-ordforande") + " " + org("role") + " " + sg("kind/post_kind/chair"),
		id("cgh-ordforande") + " " + sg("exOfficio") + " " + id("rh-regiondirektor"),
		id("cgh") + " " + sg("preparesFor") + " " + id("krf"),
		id("rh-regiondirektor") + " " + sg("directs") + " " + id("cgh"),
		id("cgh-tg-valfardsteknik") + " " + org("reportsTo") + " " + id("cgh-sg-digitalisering"),
		id("cgh-sg-digitalisering") + " " + org("subOrganizationOf") + " " + id("cgh"),
		// The regiondirektör's holding: a membership with its period, and org:headOf.
		id("jorgen-preuss") + " " + org("headOf") + " " + id("rh-regionkontoret"),
		"<" + orgld.Base + "membership/jorgen-preuss/rh-regiondirektor/2021-10-28> " + org("memberDuring") + " <" + orgld.Base + "membership/jorgen-preuss/rh-regiondirektor/2021-10-28/during>",
		"<" + orgld.Base + "membership/jorgen-preuss/rh-regiondirektor/2021-10-28/during/hasBeginning> <" + orgld.NsTIME + "inXSDDate> \"2021-10-28\"^^<" + orgld.NsXSD + "date>",
	} {
		if !got[want] {
			t.Errorf("missing %s", want)
		}
	}
	// The relation's own node keeps the document's words.
	quote := sg("quote") + " \"CGH är beredande organ åt KRF\"@sv"
	if !got["<"+orgld.Base+"relation/prepares_for/cgh/krf> "+quote] {
		t.Errorf("the prepares_for relation lost its quote")
	}
}
