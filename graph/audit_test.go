package graph

import (
	"fmt"
	"strings"
	"testing"
)

func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return out
}

// A first import of a large region: the counts are whole, each list stops at MaxAuditIDs,
// and ids_omitted says how many the lists leave out in all.
func TestAuditEntryCapsTheIDs(t *testing.T) {
	res := ImportResult{Datasets: []string{"vgr"},
		Nodes: ImportChanges{Added: numbered("n", 250), Changed: numbered("c", 3), Removed: []string{}},
		Rels:  ImportChanges{Added: numbered("r", 201), Removed: numbered("x", 1)}}
	e := NewAuditEntry(Actor{Name: "hr-anna", Via: ViaAPI}, res)
	if e.Nodes.Added != 250 || e.Nodes.Changed != 3 || e.Nodes.Removed != 0 || e.Rels.Added != 201 || e.Rels.Changed != 0 || e.Rels.Removed != 1 {
		t.Errorf("counts %+v %+v, want 250/3/0 and 201/0/1", e.Nodes, e.Rels)
	}
	if len(e.Nodes.IDs.Added) != 200 || e.Nodes.IDs.Added[199] != "n199" || len(e.Rels.IDs.Added) != 200 || len(e.Nodes.IDs.Changed) != 3 || e.Rels.IDs.Removed[0] != "x0" {
		t.Errorf("lists of %d, %d, %d ids, want 200, 200, 3", len(e.Nodes.IDs.Added), len(e.Rels.IDs.Added), len(e.Nodes.IDs.Changed))
	}
	if e.IDsOmitted != 51 { // 50 items added, 1 relationship added
		t.Errorf("ids_omitted = %d, want 51", e.IDsOmitted)
	}
	// Empty lists stay lists (a store may not keep a missing one apart from an empty one).
	if e.Rels.IDs.Changed == nil || e.Nodes.IDs.Removed == nil {
		t.Error("an empty list became nil")
	}
	// The entry's lists are its own: cutting them must not alias the import's answer.
	e.Nodes.IDs.Added[0] = "changed"
	if res.Nodes.Added[0] != "n0" {
		t.Error("the entry shares its lists with the import result")
	}
}

func TestImportOptionsSayWho(t *testing.T) {
	for _, tc := range []struct {
		opts ImportOptions
		want string // start of the message; "" for valid
	}{
		{ImportOptions{DryRun: true}, ""},
		{ImportOptions{By: Actor{Name: "hr-anna", Via: ViaAPI}}, ""},
		{ImportOptions{By: Actor{Name: "Anna Berg (HR)", Via: ViaCLI}}, ""},
		{ImportOptions{}, "import: say who imports"},
		{ImportOptions{By: Actor{Name: "  ", Via: ViaCLI}}, "import: say who imports"},
		{ImportOptions{By: Actor{Name: "anna\nroot", Via: ViaCLI}}, "import: the name of who imports must be"},
		{ImportOptions{By: Actor{Name: strings.Repeat("å", 101), Via: ViaCLI}}, "import: the name of who imports must be"},
		{ImportOptions{By: Actor{Name: "anna", Via: "email"}}, `import: unknown way in "email"`},
	} {
		err := tc.opts.Validate()
		if tc.want == "" && err != nil || tc.want != "" && (ErrorCode(err) != EINVALID || !strings.HasPrefix(ErrorMessage(err), tc.want)) {
			t.Errorf("%+v: Validate = %v, want %q", tc.opts.By, err, tc.want)
		}
	}
}
