package web

import (
	"encoding/base64"
	"errors"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

// Import in two steps: the uploaded files are checked and imported as a dry run, and the
// page shows every problem (file, line, field) or the changes; confirming posts the same
// files back (carried in the form, so the server keeps no state between the steps) and
// applies them in one transaction.

// maxUpload bounds one import form.
const maxUpload = 64 << 20

type importPage struct {
	Files    []uploaded
	Problems graph.Problems
	Result   *graph.ImportResult
	Applied  bool
	Error    string
}

// uploaded is a file carried between the two steps.
type uploaded struct {
	Name    string
	Content string // base64
}

func (h *Handler) importForm(c echo.Context, p *page) (string, error) {
	if h.opts.Importer == nil {
		return "", graph.Errorf(graph.EUNAVAILABLE, "import is not available on this server")
	}
	p.Title, p.Data = "Importera", &importPage{}
	return "import", nil
}

func (h *Handler) importFiles(c echo.Context, p *page) (string, error) {
	if h.opts.Importer == nil {
		return "", graph.Errorf(graph.EUNAVAILABLE, "import is not available on this server")
	}
	data := &importPage{}
	p.Title, p.Data = "Importera", data
	c.Request().Body = http.MaxBytesReader(c.Response(), c.Request().Body, maxUpload)
	if !h.csrf.valid(c, c.FormValue("csrf")) {
		return "", graph.Errorf(graph.EFORBIDDEN, "the form is out of date")
	}
	files, err := formFiles(c)
	if err != nil {
		return "", err
	}
	if len(files) == 0 {
		data.Error = "Välj minst en YAML-fil."
		return "import", nil
	}
	apply := c.FormValue("steg") == "tillampa"
	// The page needs an editor's session, so the import has a name for the audit trail.
	by := graph.Actor{Name: h.identity(c).Name, Via: graph.ViaWeb}
	res, err := h.opts.Importer.Import(c.Request().Context(), files, graph.ImportOptions{DryRun: !apply, By: by})
	var problems graph.Problems
	switch {
	case errors.As(err, &problems):
		data.Problems = problems
		c.Response().WriteHeader(http.StatusBadRequest)
		return "import", nil
	case err != nil:
		return "", err
	}
	data.Result, data.Applied = &res, apply
	for _, f := range files {
		data.Files = append(data.Files, uploaded{Name: f.Name, Content: base64.StdEncoding.EncodeToString(f.Content)})
	}
	return "import", nil
}

// formFiles reads the uploaded files (field "filer"), or, when confirming, the files carried
// in the form (fields "fil_namn" and "fil_innehall").
func formFiles(c echo.Context) ([]graph.DatasetFile, error) {
	form, err := c.MultipartForm()
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, graph.Errorf(graph.EBODYTOOLARGE, "the files are larger than %d MiB together", maxUpload>>20)
		}
		return nil, graph.Errorf(graph.EINVALID, "reading the form: %v", err)
	}
	var out []graph.DatasetFile
	for _, fh := range form.File["filer"] {
		f, err := fh.Open()
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "reading %s: %v", fh.Filename, err)
		}
		content, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "reading %s: %v", fh.Filename, err)
		}
		out = append(out, graph.DatasetFile{Name: fh.Filename, Content: content})
	}
	names, contents := form.Value["fil_namn"], form.Value["fil_innehall"]
	for i := range min(len(names), len(contents)) {
		content, err := base64.StdEncoding.DecodeString(contents[i])
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, "the confirmed file %s was changed in transit", names[i])
		}
		out = append(out, graph.DatasetFile{Name: names[i], Content: content})
	}
	return out, nil
}
