package main

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// No Docker engine runs where the tests run, so these tests read the deployment files and
// check what `docker compose up` relies on.

type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Build       map[string]string `yaml:"build"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
		Volumes     []string          `yaml:"volumes"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func readCompose(t *testing.T) composeFile {
	b, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	return c
}

// neo4jVersion reads the one place the Neo4j version is written.
func neo4jVersion(t *testing.T) string {
	f, err := os.Open("../../.env")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "NEO4J_VERSION="); ok {
			return v
		}
	}
	t.Fatal(".env has no NEO4J_VERSION")
	return ""
}

func TestNeo4jVersionIsOneLTS(t *testing.T) {
	v := neo4jVersion(t)
	if !regexp.MustCompile(`^5\.26\.\d+$`).MatchString(v) {
		t.Fatalf("NEO4J_VERSION=%q, want a 5.26.x (LTS) release", v)
	}
	// Nobody else may write a version down: they all read .env.
	for _, path := range []string{"../../docker-compose.yml", "../../neo4jlocal/pom.xml", "../../README.md"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), v) {
			t.Errorf("%s writes the Neo4j version %s itself; it must come from .env", path, v)
		}
	}
}

func TestComposeServices(t *testing.T) {
	c := readCompose(t)
	neo, ok := c.Services["neo4j"]
	if !ok {
		t.Fatal("no neo4j service")
	}
	if neo.Image != "neo4j:${NEO4J_VERSION}-community" {
		t.Errorf("neo4j image = %q, want the community image of ${NEO4J_VERSION}", neo.Image)
	}
	if len(neo.Healthcheck.Test) == 0 {
		t.Error("neo4j has no health check, so styrgraf cannot wait for it")
	}
	if len(neo.Volumes) == 0 || !strings.HasSuffix(neo.Volumes[0], ":/data") {
		t.Errorf("neo4j data is not on a volume: %v", neo.Volumes)
	} else if name := strings.Split(neo.Volumes[0], ":")[0]; c.Volumes == nil || !hasKey(c.Volumes, name) {
		t.Errorf("neo4j volume %q is not a named volume", name)
	}
	if len(neo.Ports) != 0 {
		t.Errorf("neo4j publishes ports %v; only styrgraf should be reachable", neo.Ports)
	}

	sg, ok := c.Services["styrgraf"]
	if !ok {
		t.Fatal("no styrgraf service")
	}
	if sg.Build["dockerfile"] == "" {
		t.Error("styrgraf is not built from the repository")
	} else if _, err := os.Stat("../../" + sg.Build["dockerfile"]); err != nil {
		t.Errorf("styrgraf's Dockerfile: %v", err)
	}
	if got := sg.DependsOn["neo4j"].Condition; got != "service_healthy" {
		t.Errorf("styrgraf depends on neo4j with condition %q, want service_healthy", got)
	}
	if !strings.HasPrefix(sg.Environment["NEO4J_URI"], "neo4j://neo4j:7687") {
		t.Errorf("styrgraf NEO4J_URI = %q, want the neo4j service", sg.Environment["NEO4J_URI"])
	}
	if len(sg.Ports) != 1 || !strings.HasSuffix(sg.Ports[0], ":8080") {
		t.Errorf("styrgraf ports = %v, want 8080 published", sg.Ports)
	}
	hc := strings.Join(sg.Healthcheck.Test, " ")
	if !strings.Contains(hc, "healthcheck") || !strings.Contains(hc, "/readyz") {
		t.Errorf("styrgraf health check %q does not ask /readyz", hc)
	}
}

func hasKey(m map[string]any, k string) bool { _, ok := m[k]; return ok }
