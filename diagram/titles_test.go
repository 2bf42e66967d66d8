package diagram

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
)

// nodeTitles reads the <title> of every node group of an SVG, by the group's id, and checks
// that the SVG is well-formed.
func nodeTitles(t *testing.T, svg []byte) map[string]string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	out := map[string]string{}
	id, depth := "", 0
	var title *strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Local == "g" && attr(e, "class") == "node" && id == "":
				id, depth = attr(e, "id"), 0
			case e.Name.Local == "g" && id != "":
				depth++
			case e.Name.Local == "title" && id != "" && depth == 0:
				title = &strings.Builder{}
			}
		case xml.CharData:
			if title != nil {
				title.Write(e)
			}
		case xml.EndElement:
			switch {
			case e.Name.Local == "title" && title != nil:
				out[id] = title.String()
				title = nil
			case e.Name.Local == "g" && id != "" && depth > 0:
				depth--
			case e.Name.Local == "g" && id != "":
				id = ""
			}
		}
	}
}

// An organ's <title> is its name and kind, whatever its name holds; ids, links, the other
// nodes' titles and the rest of the SVG are as Graphviz wrote them.
func TestReadableTitles(t *testing.T) {
	tree := graph.Subtree{Root: "org", Name: "Region <Test> & Co", Organs: []graph.SubtreeOrgan{
		{ID: "fm", Name: "Fullmäktige", Kind: "fullmaktige", Category: graph.CategoryPolitical},
		{ID: "rs", Name: `Styrelsen "A & B" <1>`, Kind: "styrelse", Category: graph.CategoryPolitical},
		{ID: "n-1", Name: "Nämnd för ärenden\nmed radbrytning", Kind: "namnd", Category: graph.CategoryPolitical},
		{ID: "x", Name: "Okänd sort", Kind: "no_such_kind", Category: graph.CategoryCollaborative},
	}}
	dot := mustDOT(t)(OrganisationDOT(tree, Options{}))
	r := newTestRenderer(t, RendererOptions{Workers: 1})
	svg, err := r.Render(context.Background(), dot, FormatSVG)
	if err != nil {
		t.Fatal(err)
	}
	before := nodeTitles(t, svg)
	out, err := ReadableTitles(svg)
	if err != nil {
		t.Fatal(err)
	}
	got := nodeTitles(t, out)
	want := map[string]string{
		"organ-fm":  "Fullmäktige – regionfullmäktige / kommunfullmäktige",
		"organ-rs":  `Styrelsen "A & B" <1> – regionstyrelse / kommunstyrelse`,
		"organ-n-1": "Nämnd för ärenden med radbrytning – nämnd (driftnämnd, lokal nämnd, facknämnd)",
		"organ-x":   "Okänd sort", // no kind known: the tooltip is the name alone
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("title of %s = %q, want %q (was %q)", id, got[id], w, before[id])
		}
	}
	for id, title := range before {
		if _, organ := want[id]; !organ && got[id] != title {
			t.Errorf("title of %s (not an organ) changed from %q to %q", id, title, got[id])
		}
	}
	if len(got) != len(before) {
		t.Errorf("%d node titles after, %d before", len(got), len(before))
	}
	// Only the text of the organs' titles changed.
	strip := func(b []byte, titles map[string]string) string {
		s := string(b)
		for id := range want {
			var esc bytes.Buffer
			_ = xml.EscapeText(&esc, []byte(titles[id]))
			s = strings.Replace(s, "<title>"+esc.String()+"</title>", "<title></title>", 1)
		}
		return s
	}
	if strip(svg, before) != strip(out, got) {
		t.Error("ReadableTitles changed more than the organs' titles")
	}
	for _, id := range []string{`id="organ&#45;n&#45;1"`, `xlink:href="/organ/n-1"`} {
		if !bytes.Contains(out, []byte(id)) {
			t.Errorf("%s is gone", id)
		}
	}
	if again, _ := ReadableTitles(out); !bytes.Equal(again, out) {
		t.Error("ReadableTitles is not idempotent")
	}
	if _, err := ReadableTitles([]byte("<svg><g>")); err == nil {
		t.Error("broken SVG: no error")
	}
}

// organTitles lists the organ titles of an SVG, one "id: title" a line, sorted: the golden
// testdata/examples/ID.titles.
func organTitles(t *testing.T, svg []byte) []byte {
	var lines []string
	for id, title := range nodeTitles(t, svg) {
		if strings.HasPrefix(id, "organ-") {
			lines = append(lines, id+": "+title)
		}
	}
	sort.Strings(lines)
	return []byte(strings.Join(lines, "\n") + "\n")
}

// Region Halland's regionstyrelse is titled by its name and kind, not by its DOT id; the
// other organs are checked against the golden lists (TestExampleOverviews).
func TestRegionHallandTitles(t *testing.T) {
	titles, err := os.ReadFile(filepath.Join("testdata", "examples", "region-halland.titles"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"organ-rh-rs: Regionstyrelsen – regionstyrelse / kommunstyrelse",
		"organ-rh-rf: Regionfullmäktige – regionfullmäktige / kommunfullmäktige",
	} {
		if !strings.Contains(string(titles), want+"\n") {
			t.Errorf("region-halland.titles lacks %q", want)
		}
	}
	if strings.Contains(string(titles), ": o_") {
		t.Error("an organ is still titled by its DOT id")
	}
}
