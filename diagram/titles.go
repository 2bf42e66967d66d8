package diagram

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReadableTitles gives every organ node of an SVG (a node group with id="organ-{id}", as
// overviews draw them) the organ's name and kind as its <title>, taken from the node's
// tooltip (its link's xlink:title). Graphviz titles a node with its DOT id (o_rh_rs), and the
// <title> is what screen readers read and browsers show on hover. Only the text of those
// <title> elements changes; every other byte, ids included, stays as Graphviz wrote it.
func ReadableTitles(svg []byte) ([]byte, error) {
	type span struct {
		start, end int64 // the title's text, as byte offsets into svg
		text       string
	}
	var (
		spans []span
		cur   *span // the organ node being read: its title found, its tooltip not yet
		depth int   // open <g> inside the organ node
		inT   bool  // in that node's <title>
	)
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the SVG for its titles: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "g" && cur == nil && strings.HasPrefix(attr(t, "id"), "organ-") && attr(t, "class") == "node":
				cur, depth = &span{start: -1}, 0
			case cur == nil:
			case t.Name.Local == "g":
				depth++
			case t.Name.Local == "title" && depth == 0 && cur.start < 0:
				inT = true
				cur.start = dec.InputOffset()
			case t.Name.Local == "a" && cur.start >= 0 && cur.text == "":
				// xlink:title (the decoder keeps the local name); one line, as it is read out.
				cur.text = strings.Join(strings.Fields(attr(t, "title")), " ")
			}
		case xml.EndElement:
			switch {
			case cur == nil:
			case t.Name.Local == "title" && inT:
				inT, cur.end = false, before
			case t.Name.Local == "g" && depth > 0:
				depth--
			case t.Name.Local == "g":
				if cur.start >= 0 && cur.text != "" {
					spans = append(spans, *cur)
				}
				cur = nil
			}
		}
	}
	if len(spans) == 0 {
		return svg, nil
	}
	var out bytes.Buffer
	out.Grow(len(svg) + len(spans)*32)
	last := int64(0)
	for _, s := range spans {
		out.Write(svg[last:s.start])
		if err := xml.EscapeText(&out, []byte(s.text)); err != nil {
			return nil, err
		}
		last = s.end
	}
	out.Write(svg[last:])
	return out.Bytes(), nil
}
