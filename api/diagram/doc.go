// Package diagram draws styrgraf's answers as org diagrams: it writes Graphviz DOT for an
// organ's subtree, a whole organisation and merged escalation chains (dot.go, the one place
// DOT is written), and renders DOT to SVG or PNG without any external binary (render.go).
//
// What end users read is Swedish (labels, legend, titles); code, identifiers and error
// messages are English.
//
// # Layout conventions
//
// Org charts read top-down (rankdir=TB, newrank=true, charset UTF-8): a fullmäktige is above
// its styrelse and nämnder, and an escalation chain ends at the top. Relations that point
// upwards in the hierarchy (PART_OF, REPORTS_TO, PREPARES_FOR, ESCALATES_TO, MEMBER_OF, a
// seat's link to its organ) are written from the upper end to the lower one with dir=back,
// so that their arrowheads still point at the upper end while dot ranks the upper end
// higher. In org charts only PART_OF, REPORTS_TO, PREPARES_FOR, ESCALATES_TO and seat links
// shape the ranks; the other relations (uppsikt, tillsätter, inrättar, leder, stödjer,
// samverkar, utgör, ex officio) are drawn with constraint=false so that they never reorder
// the chart. In escalation diagrams every step of a chain points up and shapes the ranks.
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
// # Rendering
//
// Renderer runs Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz), so the
// container image needs no Graphviz binary and no fonts. SVG comes straight from Graphviz;
// PNG is that SVG rasterised in pure Go (raster.go), about four times faster than
// go-graphviz's own PNG output and with correct shapes and text.
package diagram
