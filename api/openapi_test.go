package api

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Every query parameter a handler reads, found in the source (not in the route table, which
// the document is built from), is documented in the OpenAPI document. ?name= on import
// once was not.
func TestOpenAPIDocumentsEveryParameterRead(t *testing.T) {
	read := map[string]string{} // parameter → where it is read
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var lit ast.Expr
			switch n := n.(type) {
			case *ast.CallExpr:
				// c.QueryParam("x"), intParam(c, "x", …), dateParam(c, "x", …)
				fn := ""
				switch f := n.Fun.(type) {
				case *ast.SelectorExpr:
					fn = f.Sel.Name
				case *ast.Ident:
					fn = f.Name
				}
				switch {
				case fn == "QueryParam" && len(n.Args) == 1:
					lit = n.Args[0]
				case (fn == "intParam" || fn == "dateParam") && len(n.Args) >= 2:
					lit = n.Args[1]
				}
			case *ast.IndexExpr:
				// c.QueryParams()["x"]
				if call, ok := n.X.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "QueryParams" {
						lit = n.Index
					}
				}
			}
			if bl, ok := lit.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				v, _ := strconv.Unquote(bl.Value)
				read[v] = fset.Position(bl.Pos()).String()
			}
			return true
		})
	}
	if len(read) < 10 {
		t.Fatalf("found only %d parameters read: %v", len(read), read)
	}
	documented := map[string]bool{}
	s := fakeServer(t, &fakeService{}, false)
	for _, r := range s.routes() {
		for _, p := range r.params {
			documented[p.name] = true
		}
	}
	for p, where := range read {
		if !documented[p] {
			t.Errorf("?%s= is read at %s but documented for no route", p, where)
		}
	}
}

// Every JSON answer has a schema derived from its Go type, and the schemas refer only to
// components that exist.
func TestOpenAPIAnswerSchemas(t *testing.T) {
	s := fakeServer(t, &fakeService{}, false)
	for _, r := range s.routes() {
		if _, ok := answers[r.path]; r.produces == mimeJSON && !ok {
			t.Errorf("%s %s answers JSON, but answers names no type for it", r.method, r.path)
		}
	}
	b, err := json.Marshal(s.openAPI())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"OrganDetail", "page_SearchHit", "whoDecidesPage", "problem", "Calendar"} {
		if doc.Components.Schemas[want] == nil {
			t.Errorf("no schema %s", want)
		}
	}
	for _, m := range refs.FindAllStringSubmatch(string(b), -1) {
		if doc.Components.Schemas[m[1]] == nil {
			t.Errorf("$ref to missing schema %s", m[1])
		}
	}
}

var refs = regexp.MustCompile(`"\$ref":"#/components/schemas/([^"]+)"`)
