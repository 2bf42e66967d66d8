package diagram

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/styrgraf/styrgraf/graph"
)

// bandGroup is a part of an organisation overview a narrowing may ask for (band=): one or
// more bands of the chart.
type bandGroup struct {
	name    string // as band= names it
	swedish string // for the title block and messages
	bands   []band
}

// bandGroups in chart order.
var bandGroups = []bandGroup{
	{"politik", "politiska organ", []band{bandAssembly, bandBoards, bandCommittees}},
	{"forvaltning", "förvaltningar", []band{bandAdministration, bandUnits}},
	{"bolag", "bolag, stiftelser och kommunalförbund", []band{bandOwned}},
	{"samverkan", "samverkan, grupper och råd", []band{bandCollaboration}},
}

// BandNames are the values band= takes.
func BandNames() []string {
	var out []string
	for _, g := range bandGroups {
		out = append(out, g.name)
	}
	return out
}

func groupOf(b band) bandGroup {
	for _, g := range bandGroups {
		if slices.Contains(g.bands, b) {
			return g
		}
	}
	return bandGroups[len(bandGroups)-1]
}

// ParseBands reads a band= value: band names separated by commas (see BandNames); empty for
// every band. Unknown names are EINVALID.
func ParseBands(s string) ([]string, error) {
	var out []string
	for _, b := range strings.Split(s, ",") {
		b = strings.ToLower(strings.TrimSpace(b))
		if b == "" {
			continue
		}
		if !slices.Contains(BandNames(), b) {
			return nil, graph.Errorf(graph.EINVALID, "band: unknown band %q; use some of %s", b, strings.Join(BandNames(), ", "))
		}
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out, nil
}

// ParseFit reads a fit= value: "a4" (also the empty string) refuses an overview that does
// not fit A4 landscape, "none" draws it at any size.
func ParseFit(s string) (anySize bool, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return false, nil
	case "none":
		return true, nil
	}
	return false, graph.Errorf(graph.EINVALID, "fit: want a4 or none, got %q", s)
}

func (o Options) narrowed() bool { return len(o.Bands) > 0 || o.Under != "" }

// narrow keeps the organs of t that opts' narrowing selects: those in the bands asked for,
// and of those the organ Under and what hangs under it in the full chart (its anchor
// descendants). A presidium folded into its organ's box goes with that organ. It returns the
// narrowed tree and what was selected, in Swedish, for the title block.
func narrow(t graph.Subtree, opts Options) (graph.Subtree, string, error) {
	whole := opts
	whole.Bands, whole.Under, whole.MaxNodes = nil, "", 1<<30
	full, err := newOverview(t, whole)
	if err != nil {
		return t, "", err
	}
	c := full.c
	keep := map[string]bool{}
	var what []string
	if opts.Under != "" {
		top := c.byID[opts.Under]
		if top == nil {
			return t, "", graph.Errorf(graph.EINVALID, "under: %q is not an organ of this overview", opts.Under)
		}
		for _, id := range c.below(opts.Under) {
			keep[id] = true
		}
		what = append(what, cmp0(top.Name, top.ID)+" med det som hör under")
	} else {
		for _, o := range c.organs {
			keep[o.ID] = true
		}
	}
	if len(opts.Bands) > 0 {
		var names []string
		for _, o := range c.organs {
			if !slices.Contains(opts.Bands, groupOf(c.band[o.ID]).name) {
				delete(keep, o.ID)
			}
		}
		for _, g := range bandGroups {
			if slices.Contains(opts.Bands, g.name) {
				names = append(names, g.swedish)
			}
		}
		what = append(what, strings.Join(names, "; "))
	}
	if len(keep) == 0 {
		return t, "", graph.Errorf(graph.EINVALID, "band=%s, under=%s: no organ of this overview is selected", strings.Join(opts.Bands, ","), opts.Under)
	}
	var organs []graph.SubtreeOrgan
	for _, o := range t.Organs {
		if keep[o.ID] || c.byID[o.ID] == nil && keep[o.Parent] {
			organs = append(organs, o)
		}
	}
	t.Organs = organs
	return t, strings.Join(what, ", "), nil
}

// below is an organ and every organ that hangs under it (its anchor descendants), in chart
// order.
func (c *chart) below(id string) []string {
	in := map[string]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, o := range c.organs {
			if !in[o.ID] && in[c.anchor[o.ID]] {
				in[o.ID], changed = true, true
			}
		}
	}
	var out []string
	for _, o := range c.organs {
		if in[o.ID] {
			out = append(out, o.ID)
		}
	}
	return out
}

// Narrowing is a part of an overview that fits A4 landscape: the band= and under= values that
// draw it, with what it shows and its size.
type Narrowing struct {
	Band   string    `json:"band,omitempty"`  // the band= value, if any
	Under  string    `json:"under,omitempty"` // the under= value, if any
	Query  string    `json:"query"`           // both as query parameters, to add to the request
	Label  string    `json:"label"`           // what it shows, in Swedish
	Organs int       `json:"organs"`          // organ boxes drawn
	Size   PrintSize `json:"size"`
}

// NotFitting is why an overview was refused: its size, and the narrowings that fit (none
// when no part of it fits either). It is the cause (Err) of the ETOOLARGE error.
type NotFitting struct {
	Size       PrintSize
	Narrowings []Narrowing
}

func (n *NotFitting) Error() string {
	return fmt.Sprintf("the overview does not fit A4 landscape (%s); %d narrowings do", n.Size, len(n.Narrowings))
}

// maxNarrowingTries bounds the renders spent looking for narrowings that fit.
const maxNarrowingTries = 40

// candidate is a narrowing to try: opts with a band or an organ to draw under.
type candidate struct {
	opts  Options
	label string
}

// bandCandidates are each band group of the overview alone, when it has more than one
// (within the bands asked for, if any).
func bandCandidates(v *overview, opts Options) []candidate {
	var groups []bandGroup
	for _, g := range bandGroups {
		if len(opts.Bands) > 0 && !slices.Contains(opts.Bands, g.name) {
			continue
		}
		if slices.ContainsFunc(v.c.organs, func(o graph.SubtreeOrgan) bool { return groupOf(v.c.band[o.ID]).name == g.name }) {
			groups = append(groups, g)
		}
	}
	if len(groups) < 2 {
		return nil
	}
	var out []candidate
	for _, g := range groups {
		o := opts
		o.Bands = []string{g.name}
		out = append(out, candidate{o, strings.ToUpper(g.swedish[:1]) + g.swedish[1:]})
	}
	return out
}

// underCandidates are the organs that have organs under them, children of parent ("" for the
// top of the chart, or of the organ the request is already narrowed to).
func underCandidates(v *overview, opts Options, parent string) []candidate {
	hasChildren := map[string]bool{}
	for _, o := range v.c.organs {
		if p := v.c.anchor[o.ID]; p != "" && v.c.byID[p] != nil {
			hasChildren[p] = true
		}
	}
	var out []candidate
	for _, o := range v.c.organs {
		p := v.c.anchor[o.ID]
		if v.c.byID[p] == nil {
			p = ""
		}
		if !hasChildren[o.ID] || p != parent || o.ID == opts.Under {
			continue
		}
		n := opts
		n.Under = o.ID
		out = append(out, candidate{n, cmp0(o.Name, o.ID) + " med det som hör under"})
	}
	return out
}

func (c candidate) narrowing(organs int, size PrintSize) Narrowing {
	n := Narrowing{Band: strings.Join(c.opts.Bands, ","), Under: c.opts.Under, Label: c.label, Organs: organs, Size: size}
	q := url.Values{}
	if n.Band != "" {
		q.Set("band", n.Band)
	}
	if n.Under != "" {
		q.Set("under", n.Under)
	}
	n.Query = q.Encode()
	return n
}

// notFittingMessage says, in Swedish for the user, that the overview does not fit and what
// would.
func notFittingMessage(name string, n *NotFitting) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Organisationsöversikten för %s ryms inte på en liggande A4-sida med text på minst %s pt: den blir %.0f × %.0f pt, och förminskad till %.0f %% blir den minsta texten %s pt.",
		name, svNum(MinPrintedPt, 0), n.Size.WidthPt, n.Size.HeightPt, 100*n.Size.Scale, svNum(n.Size.SmallestText, 1))
	const shown = 8
	if len(n.Narrowings) == 0 {
		b.WriteString(" Ingen avgränsning med band= eller under= ryms heller.")
	} else {
		b.WriteString(" Rita en del av den i stället:")
		for i, x := range n.Narrowings[:min(shown, len(n.Narrowings))] {
			if i > 0 {
				b.WriteString(";")
			}
			fmt.Fprintf(&b, " %s (%s, %d organ, %.0f %%)", x.Query, x.Label, x.Organs, 100*x.Size.Scale)
		}
		if len(n.Narrowings) > shown {
			fmt.Fprintf(&b, " och %d till (se narrowings)", len(n.Narrowings)-shown)
		}
		b.WriteString(".")
	}
	b.WriteString(" Med fit=none ritas hela översikten i full storlek.")
	return b.String()
}

// svNum writes a number with a decimal comma.
func svNum(f float64, decimals int) string {
	return strings.Replace(fmt.Sprintf("%.*f", decimals, f), ".", ",", 1)
}
