package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/neo4jdb/neo4jdbtest"
)

func TestAsk(t *testing.T) {
	neo4jdbtest.MustOpen(t)
	if status, _, errOut := cli(t, "import", "../../examples"); status != 0 {
		t.Fatalf("import examples: %s", errOut)
	}

	status, out, errOut := cli(t, "ask", "escalation", "-at", "2026-11-24", "vgr-sr-ortopedi")
	if status != 0 {
		t.Fatalf("ask escalation: %d %s", status, errOut)
	}
	for _, want := range []string{"ESCALATES_TO", "Koncernledning hälso- och sjukvård", "Regionfullmäktige"} {
		if !strings.Contains(out, want) {
			t.Errorf("escalation table lacks %q:\n%s", want, out)
		}
	}

	status, out, errOut = cli(t, "ask", "who-decides", "-json", "-organisation", "region-halland", "stabsfunktioner")
	if status != 0 {
		t.Fatalf("ask who-decides: %d %s", status, errOut)
	}
	var answer graph.WhoDecidesAnswer
	if err := json.Unmarshal([]byte(out), &answer); err != nil || len(answer.Items) == 0 || answer.Items[0].Holder.ID != "rh-rsau" || answer.Total != len(answer.Items) {
		t.Errorf("who-decides JSON: %v, %+v", err, answer)
	}

	if status, _, errOut = cli(t, "ask", "no-such-question"); status != 2 || !strings.Contains(errOut, "who-decides") {
		t.Errorf("unknown question: status %d, stderr %s", status, errOut)
	}
	if status, _, errOut = cli(t, "ask", "organ", "no-such-organ"); status != 1 || !strings.Contains(errOut, "no organ") {
		t.Errorf("unknown organ: status %d, stderr %s", status, errOut)
	}
	if status, _, errOut = cli(t, "ask", "changes", "-organisation", "region-halland"); status != 1 || !strings.Contains(errOut, "from: required") {
		t.Errorf("changes without dates: status %d, stderr %s", status, errOut)
	}
}
