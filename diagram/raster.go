package diagram

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/math/fixed"
)

// PNG output: go-graphviz's own PNG renderer calls back from WebAssembly into Go for every
// drawing primitive and looks fonts up on disk for every text span, which makes it slow
// (and, in v0.2.10, it fills Bézier edges and misplaces shapes). Instead Graphviz writes
// SVG, which is fast, and rasterizeSVG draws that SVG here in pure Go: paths, polygons,
// polylines and ellipses with gg, text with the Go fonts (which cover å, ä, ö) through
// x/image/font. It understands exactly the SVG subset Graphviz's svg renderer emits and runs
// outside the WebAssembly lock, so PNG renders on several workers rasterise in parallel.

// pngScale is pixels per point: 96 dpi, as Graphviz's own PNG output.
const pngScale = 96.0 / 72.0

// maxPixels bounds the canvas (about 200 MB of RGBA); larger drawings are scaled down.
const maxPixels = 50_000_000

var (
	fontsOnce sync.Once
	fonts     map[string]*truetype.Font // regular, bold, italic, bolditalic, mono
	fontsErr  error
)

func loadFonts() (map[string]*truetype.Font, error) {
	fontsOnce.Do(func() {
		fonts = map[string]*truetype.Font{}
		for name, ttf := range map[string][]byte{"regular": goregular.TTF, "bold": gobold.TTF, "italic": goitalic.TTF,
			"bolditalic": gobolditalic.TTF, "mono": gomono.TTF} {
			f, err := truetype.Parse(ttf)
			if err != nil {
				fontsErr = fmt.Errorf("parsing Go font %s: %w", name, err)
				return
			}
			fonts[name] = f
		}
	})
	return fonts, fontsErr
}

// rasterizer draws one SVG document. Faces are cached per rasterizer: a truetype face is
// not safe for concurrent use, the parsed fonts are.
type rasterizer struct {
	dc     *gg.Context
	im     *image.RGBA
	fonts  map[string]*truetype.Font
	faces  map[string]font.Face
	scale  float64 // pixels per SVG user unit
	vbX    float64 // viewBox origin
	vbY    float64
	tx, ty float64 // the graph group's translate
	sx, sy float64 // and scale
	shapes int     // shapes seen so far
	zoom   float64 // print resolution: 1 is 96 dpi, 2 is 192 dpi
}

// rasterizeSVG renders Graphviz SVG to PNG at zoom times 96 dpi.
func rasterizeSVG(svg []byte, zoom int) ([]byte, error) {
	img, err := rasterizeSVGImage(svg, zoom)
	if err != nil {
		return nil, err
	}
	return encodePNG(img)
}

// encodePNG writes an opaque RGBA image as an 8-bit RGB PNG with the Up filter on every row
// and fast zlib compression. image/png tries all five filters on every row, which took half
// the time of a large diagram; diagrams are mostly flat colour, where Up does as well.
func encodePNG(img *image.RGBA) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var hdr [8]byte
		binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
		copy(hdr[4:], typ)
		out.Write(hdr[:])
		out.Write(data)
		crc := crc32.NewIEEE()
		crc.Write(hdr[4:])
		crc.Write(data)
		var sum [4]byte
		binary.BigEndian.PutUint32(sum[:], crc.Sum32())
		out.Write(sum[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour
	chunk("IHDR", ihdr)
	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	prev := make([]byte, 3*w)
	cur := make([]byte, 3*w)
	row := make([]byte, 1+3*w)
	row[0] = 2 // filter type Up
	for y := 0; y < h; y++ {
		pix := img.Pix[(y+b.Min.Y-img.Rect.Min.Y)*img.Stride+(b.Min.X-img.Rect.Min.X)*4:]
		for x, i := 0, 0; x < w; x, i = x+1, i+3 {
			cur[i], cur[i+1], cur[i+2] = pix[4*x], pix[4*x+1], pix[4*x+2]
		}
		for i := range cur {
			row[1+i] = cur[i] - prev[i]
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	chunk("IDAT", idat.Bytes())
	chunk("IEND", nil)
	return out.Bytes(), nil
}

func rasterizeSVGImage(svg []byte, zoom int) (*image.RGBA, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	r := &rasterizer{fonts: fs, faces: map[string]font.Face{}, sx: 1, sy: 1, zoom: float64(max(zoom, 1))}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var text *xml.StartElement // the open <text>, whose character data is drawn
	var buf strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "svg" && r.dc == nil {
				continue // DOCTYPE, comments
			}
			switch t.Name.Local {
			case "svg":
				if err := r.begin(t); err != nil {
					return nil, err
				}
			case "g":
				if tr := attr(t, "transform"); tr != "" {
					r.transform(tr)
				}
			case "polygon":
				r.shape(t, r.points(attr(t, "points")), true)
			case "polyline":
				r.shape(t, r.points(attr(t, "points")), false)
			case "path":
				r.path(t)
			case "ellipse":
				r.ellipse(t)
			case "text":
				tt := t.Copy()
				text = &tt
				buf.Reset()
			}
		case xml.CharData:
			if text != nil {
				buf.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "text" && text != nil {
				r.text(*text, buf.String())
				text = nil
			}
		}
	}
	if r.dc == nil {
		return nil, fmt.Errorf("reading SVG: no <svg> element")
	}
	return r.im, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "pt")), 64)
	return f
}

// begin sizes the canvas from the viewBox (or width and height in points).
func (r *rasterizer) begin(e xml.StartElement) error {
	w, h := num(attr(e, "width")), num(attr(e, "height"))
	vb := strings.Fields(strings.ReplaceAll(attr(e, "viewBox"), ",", " "))
	vw, vh := w, h
	if len(vb) == 4 {
		r.vbX, r.vbY, vw, vh = num(vb[0]), num(vb[1]), num(vb[2]), num(vb[3])
	}
	if w <= 0 || h <= 0 {
		w, h = vw, vh
	}
	if w <= 0 || h <= 0 || vw <= 0 || vh <= 0 {
		return fmt.Errorf("reading SVG: no size")
	}
	scale := pngScale * r.zoom
	if px := w * scale * h * scale; px > maxPixels {
		scale *= math.Sqrt(maxPixels / px)
	}
	pw, ph := int(math.Ceil(w*scale)), int(math.Ceil(h*scale))
	r.scale = scale * w / vw
	r.im = image.NewRGBA(image.Rect(0, 0, pw, ph))
	draw.Draw(r.im, r.im.Bounds(), image.White, image.Point{}, draw.Src)
	r.dc = gg.NewContextForRGBA(r.im)
	r.dc.SetLineJoin(gg.LineJoinRound)
	r.dc.SetLineCap(gg.LineCapButt) // SVG's default
	return nil
}

// transform reads Graphviz's "scale(sx sy) rotate(0) translate(tx ty)" on the graph group.
func (r *rasterizer) transform(s string) {
	for _, part := range strings.Split(s, ")") {
		name, args, ok := strings.Cut(strings.TrimSpace(part), "(")
		if !ok {
			continue
		}
		v := strings.Fields(strings.ReplaceAll(args, ",", " "))
		switch strings.TrimSpace(name) {
		case "scale":
			if len(v) >= 1 {
				r.sx, r.sy = num(v[0]), num(v[0])
			}
			if len(v) >= 2 {
				r.sy = num(v[1])
			}
		case "translate":
			if len(v) >= 1 {
				r.tx = num(v[0])
			}
			if len(v) >= 2 {
				r.ty = num(v[1])
			}
		}
	}
}

// pt maps SVG user coordinates inside the graph group to pixels.
func (r *rasterizer) pt(x, y float64) (float64, float64) {
	return (r.sx*(x+r.tx) - r.vbX) * r.scale, (r.sy*(y+r.ty) - r.vbY) * r.scale
}

func (r *rasterizer) points(s string) []gg.Point {
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	out := make([]gg.Point, 0, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		x, y := r.pt(num(f[i]), num(f[i+1]))
		out = append(out, gg.Point{X: x, Y: y})
	}
	return out
}

// paint fills and strokes the current path as the element's fill and stroke say.
func (r *rasterizer) paint(e xml.StartElement, closed bool) {
	if c, ok := parseColor(attr(e, "fill"), attr(e, "fill-opacity")); ok && closed {
		r.dc.SetColor(c)
		r.dc.FillPreserve()
	}
	stroke := attr(e, "stroke")
	if stroke == "" {
		stroke = "none"
	}
	if c, ok := parseColor(stroke, attr(e, "stroke-opacity")); ok {
		r.dc.SetColor(c)
		w := 1.0
		if s := attr(e, "stroke-width"); s != "" {
			w = num(s)
		}
		r.dc.SetLineWidth(w * r.scale * r.sx)
		var dashes []float64
		for _, d := range strings.FieldsFunc(attr(e, "stroke-dasharray"), func(c rune) bool { return c == ',' || c == ' ' }) {
			if v := num(d); v > 0 {
				dashes = append(dashes, v*r.scale*r.sx)
			}
		}
		r.dc.SetDash(dashes...)
		r.dc.StrokePreserve()
	}
	r.dc.ClearPath()
}

func (r *rasterizer) shape(e xml.StartElement, pts []gg.Point, closed bool) {
	r.shapes++
	if len(pts) < 2 {
		return
	}
	// The first shape is Graphviz's white page; the canvas starts white already, and filling
	// it again is a good part of the time for a large diagram.
	if r.shapes == 1 && closed && strings.EqualFold(attr(e, "fill"), "white") && attr(e, "stroke") == "none" {
		return
	}
	r.dc.MoveTo(pts[0].X, pts[0].Y)
	for _, p := range pts[1:] {
		r.dc.LineTo(p.X, p.Y)
	}
	if closed {
		r.dc.ClosePath()
	}
	r.paint(e, closed)
}

func (r *rasterizer) ellipse(e xml.StartElement) {
	cx, cy := r.pt(num(attr(e, "cx")), num(attr(e, "cy")))
	rx, ry := num(attr(e, "rx"))*r.scale*r.sx, num(attr(e, "ry"))*r.scale*r.sy
	r.dc.DrawEllipse(cx, cy, rx, ry)
	r.paint(e, true)
}

// path draws the absolute M, L, C, Q and Z commands Graphviz writes.
func (r *rasterizer) path(e xml.StartElement) {
	d := attr(e, "d")
	var nums []float64
	cmd := byte(0)
	closed := false
	flush := func() {
		for {
			switch cmd {
			case 'M':
				if len(nums) < 2 {
					return
				}
				x, y := r.pt(nums[0], nums[1])
				r.dc.MoveTo(x, y)
				nums = nums[2:]
				cmd = 'L' // further pairs are line-tos
			case 'L':
				if len(nums) < 2 {
					return
				}
				x, y := r.pt(nums[0], nums[1])
				r.dc.LineTo(x, y)
				nums = nums[2:]
			case 'C':
				if len(nums) < 6 {
					return
				}
				x1, y1 := r.pt(nums[0], nums[1])
				x2, y2 := r.pt(nums[2], nums[3])
				x3, y3 := r.pt(nums[4], nums[5])
				r.dc.CubicTo(x1, y1, x2, y2, x3, y3)
				nums = nums[6:]
			case 'Q':
				if len(nums) < 4 {
					return
				}
				x1, y1 := r.pt(nums[0], nums[1])
				x2, y2 := r.pt(nums[2], nums[3])
				r.dc.QuadraticTo(x1, y1, x2, y2)
				nums = nums[4:]
			default:
				nums = nil
				return
			}
		}
	}
	i := 0
	for i < len(d) {
		c := d[i]
		switch {
		case c == 'M' || c == 'L' || c == 'C' || c == 'Q':
			flush()
			cmd, nums = c, nums[:0]
			i++
		case c == 'Z' || c == 'z':
			flush()
			r.dc.ClosePath()
			closed = true
			cmd, nums = 0, nums[:0]
			i++
		case c == '-' || c == '.' || c == '+' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(d) && (d[j] == '.' || d[j] == 'e' || d[j] == 'E' || (d[j] >= '0' && d[j] <= '9') ||
				((d[j] == '-' || d[j] == '+') && (d[j-1] == 'e' || d[j-1] == 'E'))) {
				j++
			}
			v, _ := strconv.ParseFloat(d[i:j], 64)
			nums = append(nums, v)
			i = j
		default:
			i++
		}
	}
	flush()
	// Graphviz fills closed shapes given as paths (rounded boxes) without a Z.
	fill := attr(e, "fill")
	r.paint(e, closed || (fill != "" && fill != "none"))
}

func (r *rasterizer) face(family, weight, style string, size float64) font.Face {
	name := "regular"
	fam := strings.ToLower(family)
	bold := weight == "bold" || weight == "bolder" || num(weight) >= 600
	italic := style == "italic" || style == "oblique"
	switch {
	case strings.Contains(fam, "courier") || strings.Contains(fam, "mono"):
		name = "mono"
	case bold && italic:
		name = "bolditalic"
	case bold:
		name = "bold"
	case italic:
		name = "italic"
	}
	key := name + "/" + strconv.FormatFloat(size, 'f', 2, 64)
	if f, ok := r.faces[key]; ok {
		return f
	}
	f := truetype.NewFace(r.fonts[name], &truetype.Options{Size: size, Hinting: font.HintingNone})
	r.faces[key] = f
	return f
}

// text draws one <text> at its baseline, anchored as text-anchor says, in the Go font
// closest to the family named (Go Regular for Helvetica and Times, Go Mono for Courier).
// Graphviz sized the label with its own metrics for the family; Go Regular is close enough
// to Helvetica's widths that labels stay inside their boxes.
func (r *rasterizer) text(e xml.StartElement, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	size := num(attr(e, "font-size"))
	if size <= 0 {
		size = 14
	}
	px := size * r.scale * r.sy
	face := r.face(attr(e, "font-family"), attr(e, "font-weight"), attr(e, "font-style"), px)
	c, ok := parseColor(attr(e, "fill"), attr(e, "fill-opacity"))
	if !ok {
		c = color.NRGBA{A: 0xff}
	}
	x, y := r.pt(num(attr(e, "x")), num(attr(e, "y")))
	d := &font.Drawer{Dst: r.im, Src: image.NewUniform(c), Face: face}
	w := d.MeasureString(s)
	switch attr(e, "text-anchor") {
	case "middle":
		x -= float64(w) / 64 / 2
	case "end":
		x -= float64(w) / 64
	}
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}
	d.DrawString(s)
}

// parseColor reads the colours Graphviz writes: #rrggbb, #rrggbbaa, a few names, none and
// transparent (not painted).
func parseColor(s, opacity string) (color.NRGBA, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	var c color.NRGBA
	switch {
	case s == "" || s == "none" || s == "transparent":
		return c, false
	case strings.HasPrefix(s, "#") && (len(s) == 7 || len(s) == 9):
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err != nil {
			return c, false
		}
		if len(s) == 7 {
			v = v<<8 | 0xff
		}
		c = color.NRGBA{R: uint8(v >> 24), G: uint8(v >> 16), B: uint8(v >> 8), A: uint8(v)}
	case strings.HasPrefix(s, "#") && len(s) == 4:
		v, err := strconv.ParseUint(s[1:], 16, 16)
		if err != nil {
			return c, false
		}
		c = color.NRGBA{R: uint8(v>>8&0xf) * 17, G: uint8(v>>4&0xf) * 17, B: uint8(v&0xf) * 17, A: 0xff}
	default:
		named, ok := colorNames[s]
		if !ok {
			named = color.NRGBA{A: 0xff}
		}
		c = named
	}
	if opacity != "" {
		if o := num(opacity); o >= 0 && o < 1 {
			c.A = uint8(float64(c.A) * o)
		}
	}
	return c, true
}

var colorNames = map[string]color.NRGBA{
	"black": {0, 0, 0, 0xff}, "white": {0xff, 0xff, 0xff, 0xff}, "red": {0xff, 0, 0, 0xff},
	"green": {0, 0x80, 0, 0xff}, "blue": {0, 0, 0xff, 0xff}, "gray": {0xc0, 0xc0, 0xc0, 0xff},
	"grey": {0xc0, 0xc0, 0xc0, 0xff}, "lightgrey": {0xd3, 0xd3, 0xd3, 0xff}, "lightgray": {0xd3, 0xd3, 0xd3, 0xff},
	"yellow": {0xff, 0xff, 0, 0xff}, "orange": {0xff, 0xa5, 0, 0xff}, "purple": {0xa0, 0x20, 0xf0, 0xff},
}
