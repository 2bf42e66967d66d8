// Package diagram draws styrgraf's answers as org diagrams: it writes Graphviz DOT for an
// organ's subtree and merged escalation chains (dot.go) and an organisation overview
// (overview.go, overview_dot.go, through the typed builder in builder.go, where escaping
// lives), and renders DOT to SVG or PNG without any external binary (render.go).
//
// What end users read is Swedish (labels, legend, titles); code, identifiers and error
// messages are English.
//
// # Organisation overviews: the Swedish org-chart convention
//
// An organisation overview (OrganisationDOT, overview.go) is drawn the way Swedish regions
// and kommuner draw their organisation: in horizontal bands, each organ's band given by its
// kind (bandOf; a kind not listed there goes by its category), from the top:
//
//	fullmäktige            alone on the top rank
//	styrelse, nämnder      what fullmäktige appoints: also gemensam nämnd, krisledningsnämnd, revision
//	utskott, presidier     and politiska styrgrupper, under their styrelse or nämnd
//	förvaltningar          under the nämnd they serve (regionkontoret under the styrelse)
//	avdelningar            under their förvaltning
//	bolag, stiftelser      and kommunalförbund, a cluster of their own, reached by the uppsikt
//	grupper, råd, forum    every collaborative kind, a cluster of their own
//
// Within its band an organ hangs under another (its anchor) by the first of its band's
// anchorRules that the data meets: an utskott by PART_OF, REPORTS_TO or PREPARES_FOR to a
// political organ, or under the utskott that makes it up (MEMBER_OF); a förvaltning by PART_OF, SUPPORTS, REPORTS_TO or
// PREPARES_FOR to a styrelse or nämnd (else to an utskott); an avdelning by PART_OF; a
// group by PART_OF or REPORTS_TO to another group (so strategiska grupper stand under
// Chefsgrupp Halland). Only anchors shape the chart, and they are taken from all relations,
// drawn or not, so the chart keeps its shape whichever relations are shown; an anchor no
// drawn relation joins is an invisible edge. Bands never share a rank: every rank is pinned
// (an invisible chain of rank nodes, rank=same per rank), so a group can never stand among
// the political ranks, nor a nämnd above its fullmäktige. Bolag get their own rows rather
// than standing beside the utskott, which would widen the styrelse's subtree. Every other
// relation is drawn with constraint=false and weight=0.
//
// Seats are folded: an organ's box names its chair (or sammankallande) and sums its places
// ("9 platser, 2 ej registrerade"; a post for several holders counts each place). A place
// without a recorded holder is "ej registrerad", never vakant: the diagram cannot tell a
// vacancy from a gap in the data. Options.AllSeats (seats=all) draws every seat as a note on
// a rank below its organ instead. Ex officio, tillsätter and inrättar are left out unless
// Options.Relations asks for them, and the legend names what is left out. Relations between
// the same two items are one edge, in the style of the first in legend order and labelled
// with all of them (an xlabel, placed after the layout so that it never widens a rank).
//
// The title block (organisation, "Organisationsöversikt per <date>", the datasets and
// source documents) and a compact legend of only the categories and relations drawn share
// the top rank with fullmäktige, left and right of it, where the chart has room anyway; an
// organisation without a fullmäktige gets a rank of its own for them. Text is at least 8.5
// pt, so that a chart scaled down to A4 landscape (842 × 595 pt) by up to 6 % still prints
// at 8 pt; the example organisations' fit is tested.
//
// # Organ and escalation diagrams
//
// Organ subtrees and escalation chains read top-down (rankdir=TB, newrank=true, charset
// UTF-8). Relations that point upwards in the hierarchy (PART_OF, REPORTS_TO, PREPARES_FOR,
// ESCALATES_TO, MEMBER_OF, a seat's link to its organ) are written from the upper end to the
// lower one with dir=back, so that their arrowheads still point at the upper end while dot
// ranks the upper end higher. Only PART_OF, REPORTS_TO, PREPARES_FOR, ESCALATES_TO and seat
// links shape the ranks; the other relations are drawn with constraint=false. In escalation
// diagrams every step of a chain points up and shapes the ranks.
//
// # Styles
//
// Organs are rounded boxes filled by category (edgeStyles and categoryFill in dot.go are
// the reference): political light blue, administrative light green, collaborative light
// yellow, company light red, foundation light purple, federation light orange. Seats are
// small note shapes with the title, the holders (three at most, then "+ N till") or
// "ej registrerad" (dashed outline: no holder recorded, which need not mean vacant). Relations: ingår i (PART_OF) thin solid grey, rapporterar till
// bold navy, bereder åt dashed green, eskalerar till red with a vee head, har uppsikt över
// dotted purple with a hollow diamond, tillsätter orange with a dot head, inrättar dashed
// brown with a box head, leder dark cyan, stödjer dotted cyan with a hollow head, samverkar
// med dashed grey without heads, utgör tapered brown, ex officio dashed grey with a hollow
// dot. Each organisation is a cluster labelled with its name; the legend
// (Teckenförklaring) lists only the categories and relations the diagram uses. Labels are
// quoted and escaped (quotes, backslashes, newlines, control characters, invalid UTF-8);
// item ids become plain DOT identifiers (o_ for organs, s_ for seats).
//
// # Fan-out rule
//
// A node with more than Options.FanOut (default 6) leaf children on the rank below it (its
// seats first, then parts that have no parts of their own in the diagram, each in the
// diagram's sorted order) gets them staggered over rows = ceil(leaves/FanOut) ranks, much as
// Graphviz's `unflatten -l` does: the i-th of n leaves hangs on an edge of minlen
// 1+floor(i*rows/n), so consecutive leaves share a row and no row holds more than FanOut of
// them. A nämnd with 30 utskott or an organ with many seats then stays readable instead of
// growing one rank very wide. Children that have children of their own are never
// staggered: that would push their whole subtree down.
//
// # Size
//
// A diagram of more than Options.MaxNodes nodes (organs, seats and escalation steps; default
// 400) is refused with graph.ETOOLARGE, whose message says how to narrow it. The limit is
// also what keeps renders short: a render cannot be interrupted (see Renderer).
//
// An organisation overview drawn as SVG or PNG (Draw) must also fit A4 landscape with its
// smallest text printed at MinPrintedPt (8 pt) or more, measured on the laid-out SVG
// (MeasureSVG); Options.AnySize (fit=none) lifts that. One that does not fit is ETOOLARGE
// with a Swedish message, its cause a *NotFitting with its size and the narrowings that fit:
// each band group alone (Options.Bands, band=: politik, forvaltning, bolag, samverkan), and
// the organs with organs under them (Options.Under, under=), from the top of the chart down,
// an organ's children tried only where its own part did not fit; every one laid out and
// measured, at most maxNarrowingTries. A narrowed overview keeps the full chart's anchors
// (under= takes an organ's anchor descendants) and names what it shows in its title block.
//
// # Rendering
//
// Renderer runs Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz), so the
// container image needs no Graphviz binary and no fonts. SVG comes straight from Graphviz;
// PNG is that SVG rasterised in pure Go (raster.go), about four times faster than
// go-graphviz's own PNG output and with correct shapes and text, at 1 to MaxScale times 96
// dpi (scale=2 or 3 for print).
//
// # Links and titles
//
// Every organ node links to its page (/organ/{id}, relative, so the SVG works wherever
// styrgraf is served) with the organ's name and kind as tooltip (the link's xlink:title,
// which viewers show on hover); in an overview it also has a stable SVG id, organ-{id}, and
// a seat drawn alone seat-{id}. Graphviz titles a node with its DOT id (o_rh_rs); Draw
// rewrites the <title> of every organ-{id} node of an SVG to the organ's name and kind, the
// text of its tooltip (ReadableTitles), since the <title> is what screen readers read and
// hovering shows. Ids and every other byte stay as Graphviz wrote them.
package diagram
