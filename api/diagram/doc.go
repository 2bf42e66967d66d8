// Package diagram draws styrgraf's answers as org diagrams: it writes Graphviz DOT for an
// organ's subtree, a whole organisation and merged escalation chains (dot.go, the one place
// DOT is written), and renders DOT to SVG or PNG without any external binary (render.go).
//
// What end users read is Swedish (labels, legend, titles); code, identifiers and error
// messages are English.
//
// # Layout conventions
//
// Org charts read top-down (rankdir=TB): a fullmäktige is above its styrelse and nämnder,
// and an escalation chain ends at the top. Relations that point upwards in the hierarchy
// (PART_OF, REPORTS_TO, PREPARES_FOR, ESCALATES_TO, MEMBER_OF) are written from the upper
// end to the lower one with dir=back, so that their arrowheads still point at the upper end
// while dot ranks the upper end higher. Only PART_OF, REPORTS_TO, PREPARES_FOR and
// ESCALATES_TO shape the ranks; the other relations (uppsikt, tillsätter, inrättar, leder,
// stödjer, samverkar, ingår i, ex officio) are drawn with constraint=false so that they
// never reorder the chart.
//
// # Fan-out rule
//
// A node with more than Options.FanOut (default 6) leaf children on the rank below it (its
// seats first, then parts that have no parts of their own in the diagram, each in the
// diagram's sorted order) gets them staggered over rows = ceil(leaves/FanOut) ranks, much as
// Graphviz's `unflatten -l` does: the i-th of n leaves hangs on an edge of minlen
// 1+floor(i*rows/n), so consecutive leaves share a row and no row holds more than FanOut of
// them. A nämnd with 30 utskott or an organ with many seats then stays readable instead of
// growing one rank very wide. Children that have children of
// their own are never staggered: that would push their whole subtree down.
package diagram
