package dataset

import (
	"bytes"
	"hash/maphash"
	"runtime"
	"slices"

	"github.com/styrgraf/styrgraf/graph"
)

// Run is a run of dataset files checked together, to be written one dataset at a time
// (neo4jdb's ImportEach): it keeps what writing needs to know of the whole run, and reads
// each dataset again only when it is written, so that a whole country never has to be in
// memory at once.
type Run struct {
	datasetIDs []string
	itemIDs    []string
	groups     [][]int
	read       func(i int) (graph.Dataset, error)
}

// Len is the number of datasets in the run.
func (r *Run) Len() int { return len(r.datasetIDs) }

// DatasetIDs lists the run's dataset ids, in the order given.
func (r *Run) DatasetIDs() []string { return r.datasetIDs }

// ItemIDs lists every id the run declares.
func (r *Run) ItemIDs() []string { return r.itemIDs }

// Groups orders the datasets (by index) so that each comes after those it refers to (a
// collaboration file after the organisations whose organs it refers to); datasets that
// refer to each other in a cycle share one group, to be written together.
func (r *Run) Groups() [][]int { return r.groups }

// Dataset reads the i-th dataset. For files, an error is ECONFLICT if the file changed
// since it was checked: nothing unchecked is ever written.
func (r *Run) Dataset(i int) (graph.Dataset, error) { return r.read(i) }

// NewRun makes a run of datasets already in memory and checked (tests, a single upload).
// Dataset(i) hands each one over once and then forgets it, to free its memory.
func NewRun(datasets []graph.Dataset) *Run {
	c := newChecker()
	for _, d := range datasets {
		c.index(&File{Name: d.ID, Data: d})
	}
	for i, f := range c.files {
		c.check(i, f)
	}
	r := c.run()
	r.read = func(i int) (graph.Dataset, error) {
		d := datasets[i]
		datasets[i] = graph.Dataset{}
		return d, nil
	}
	return r
}

// run is what a Run keeps of a checked run.
func (c *checker) run() *Run {
	r := &Run{datasetIDs: make([]string, len(c.files)), itemIDs: make([]string, 0, len(c.ids)), groups: c.order()}
	for id := range c.ids {
		r.itemIDs = append(r.itemIDs, id)
	}
	slices.Sort(r.itemIDs)
	for id, fi := range c.datasets {
		r.datasetIDs[fi] = id
	}
	return r
}

// order sorts the files topologically by what they refer to (Kahn's algorithm); the files
// left in a cycle form one group.
func (c *checker) order() [][]int {
	n := len(c.files)
	needs := make([]int, n) // how many files i waits for
	neededBy := make([][]int, n)
	for i, js := range c.needs {
		for j := range js {
			needs[i]++
			neededBy[j] = append(neededBy[j], i)
		}
	}
	for j := range neededBy {
		slices.Sort(neededBy[j]) // map order must not decide the order of import
	}
	var groups [][]int
	var ready []int
	for i := range n {
		if needs[i] == 0 {
			ready = append(ready, i)
		}
	}
	placed := make([]bool, n)
	for len(ready) > 0 {
		i := ready[0]
		ready = ready[1:]
		placed[i] = true
		groups = append(groups, []int{i})
		for _, k := range neededBy[i] {
			if needs[k]--; needs[k] == 0 {
				ready = append(ready, k)
			}
		}
	}
	var cycle []int
	for i := range n {
		if !placed[i] {
			cycle = append(cycle, i)
		}
	}
	if len(cycle) > 0 {
		groups = append(groups, cycle)
	}
	return groups
}

// LoadDatasets reads, parses and checks the files and directories at paths like Load, for
// runs too large to hold in memory: Check's two passes, one file at a time, keeping only
// the index between them (ids, part_of, reporting lines, a hash of each relationship). The
// files are read a third time as they are written (Run.Dataset); each file's content is
// hashed on the first reading, and a file that reads differently later is refused.
//
// When anything is wrong it reads the files again the ordinary way (Load), so that every
// problem has its file, line and column; that costs memory only when the run is refused.
func LoadDatasets(paths ...string) (*Run, error) {
	names, err := expand(paths)
	if err != nil {
		return nil, err
	}
	c := newChecker()
	c.streamed = true
	sums := make([]uint64, len(names))
	seed := maphash.MakeSeed()
	read := func(i int) (*File, bool) {
		content, err := readFile(names[i])
		if err != nil {
			return nil, false
		}
		sum := maphash.Bytes(seed, content)
		if sums[i] == 0 {
			sums[i] = sum
		} else if sum != sums[i] {
			return nil, false
		}
		f, ps := parse(names[i], bytes.NewReader(content), false)
		if len(ps) > 0 || f == nil {
			return nil, false
		}
		return f, true
	}
	ok := readInOrder(len(names), read, func(i int, f *File) {
		c.index(f)
		c.files[i] = &File{Name: f.Name}
	})
	ok = ok && readInOrder(len(names), read, c.check)
	if ok && len(c.finish()) == 0 {
		r := c.run()
		c = nil
		r.read = func(i int) (graph.Dataset, error) {
			f, fine := read(i)
			if !fine {
				return graph.Dataset{}, graph.Errorf(graph.ECONFLICT, "%s changed since it was checked; run the import again", names[i])
			}
			return f.Data, nil
		}
		return r, nil
	}
	c = nil
	if _, err := Load(paths...); err != nil {
		return nil, err
	}
	// Load found nothing wrong where the streamed check did: a file changed between the
	// readings, or the files check differently whole; never import what was not checked.
	return nil, graph.Errorf(graph.ECONFLICT, "the dataset files read differently from one reading to the next (changed while being checked?); run the import again")
}

// readInOrder hands use the files 0..n-1 in order, read (parsed) ahead by as many workers as
// there are processors: parsing is most of a check's time and the files are independent,
// while indexing and checking must see them in order (messages name the first declaration).
// At most workers+1 parsed files are held at once. It reports false as soon as one cannot
// be read (the files already being read finish in the background and are dropped).
func readInOrder(n int, read func(int) (*File, bool), use func(int, *File)) bool {
	type parsed struct {
		f  *File
		ok bool
	}
	results := make([]chan parsed, n)
	for i := range results {
		results[i] = make(chan parsed, 1)
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0)+1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := range n {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			go func() {
				f, ok := read(i)
				results[i] <- parsed{f, ok}
			}()
		}
	}()
	for i := range n {
		r := <-results[i]
		if !r.ok {
			return false
		}
		use(i, r.f)
		<-slots
	}
	return true
}
