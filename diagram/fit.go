package diagram

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
)

// A4 landscape in points, and the smallest text a report may print: what an organisation
// overview must fit unless asked for at any size.
const (
	A4Width, A4Height = 842.0, 595.0
	MinPrintedPt      = 8.0
)

// PrintSize is how a rendered diagram prints on A4 landscape: scaled down to fit the page if it
// is larger, never up.
type PrintSize struct {
	WidthPt      float64 `json:"width_pt"`         // as drawn, in points
	HeightPt     float64 `json:"height_pt"`        // as drawn, in points
	Scale        float64 `json:"a4_scale"`         // what printing on A4 landscape scales it by (at most 1)
	SmallestText float64 `json:"smallest_text_pt"` // the smallest text as printed at that scale
}

// Fits says whether the smallest text prints at MinPrintedPt or more (rounded as Graphviz
// writes sizes, to two decimals).
func (s PrintSize) Fits() bool { return s.SmallestText >= MinPrintedPt-0.005 }

func (s PrintSize) String() string {
	return fmt.Sprintf("%.0f × %.0f pt, A4 landscape at %.0f %%, smallest text printed at %.1f pt", s.WidthPt, s.HeightPt, 100*s.Scale, s.SmallestText)
}

var fontSize = regexp.MustCompile(`font-size="([0-9.]+)"`)

// MeasureSVG measures an SVG as Graphviz writes it: its size in points (width and height in
// pt) and its smallest text, scaled as printing on A4 landscape would.
func MeasureSVG(svg []byte) (PrintSize, error) {
	var root struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
	}
	if err := xml.Unmarshal(svg, &root); err != nil {
		return PrintSize{}, err
	}
	s := PrintSize{WidthPt: num(root.Width), HeightPt: num(root.Height)}
	smallest := 1e9
	for _, m := range fontSize.FindAllSubmatch(svg, -1) {
		if v, err := strconv.ParseFloat(string(m[1]), 64); err == nil {
			smallest = min(smallest, v)
		}
	}
	if s.WidthPt <= 0 || s.HeightPt <= 0 || smallest == 1e9 {
		return PrintSize{}, fmt.Errorf("SVG without a size or text: %q × %q", root.Width, root.Height)
	}
	s.Scale = min(1, A4Width/s.WidthPt, A4Height/s.HeightPt)
	s.SmallestText = smallest * s.Scale
	return s, nil
}
