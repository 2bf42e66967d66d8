package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
)

// maxImportBody bounds what one import request may send.
const maxImportBody = 64 << 20

// DefaultImportBodyTimeout is how long an editor's import may take to send its body. The
// server's own read time-out (cmd/styrgraf) is short, against clients that send slowly to
// hold connections; an authenticated upload of up to 64 MiB gets this long instead (about
// 220 KiB/s at the limit).
const DefaultImportBodyTimeout = 5 * time.Minute

// importAnswerTimeout bounds writing the import's answer once the import is done.
const importAnswerTimeout = 30 * time.Second

// handleImport validates the uploaded dataset files together and applies them in one
// transaction, answering the changes, or every problem of the files (400) and nothing
// written.
func (s *Server) handleImport(c echo.Context) error {
	if s.importer == nil {
		return graph.Errorf(graph.EUNAVAILABLE, "import is not available on this server")
	}
	dry := false
	if v := c.QueryParam("dry_run"); v != "" {
		var err error
		if dry, err = strconv.ParseBool(v); err != nil {
			return graph.Errorf(graph.EINVALID, "dry_run: want true or false, got %q", v)
		}
	}
	// Deadlines of this connection only; they fail where the writer cannot set them
	// (httptest), and then the server's own time-outs hold.
	rc := http.NewResponseController(c.Response())
	_ = rc.SetReadDeadline(time.Now().Add(s.importBodyTimeout))
	files, err := readUploads(c)
	if err != nil {
		return err
	}
	// The import runs as long as its transaction may (the store bounds it): no write
	// deadline may cut its answer off after it has been applied. The route needs an editor
	// token, so the request has a name for the audit trail.
	by := graph.Actor{Name: identity(c).Name, Via: graph.ViaAPI}
	_ = rc.SetWriteDeadline(time.Time{})
	res, err := s.importer.Import(c.Request().Context(), files, graph.ImportOptions{DryRun: dry, By: by})
	_ = rc.SetWriteDeadline(time.Now().Add(importAnswerTimeout))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

// readUploads reads a YAML or Popolo JSON body (one file, named by ?name= or "body.yaml",
// "body.json") or the files of a multipart/form-data body (any field name).
func readUploads(c echo.Context) ([]graph.DatasetFile, error) {
	req := c.Request()
	if req.ContentLength > maxImportBody {
		// Refused before reading any of it; the server closes the connection rather than
		// read the rest.
		return nil, bodyTooLarge("the body")
	}
	req.Body = http.MaxBytesReader(c.Response(), req.Body, maxImportBody)
	mediaType, _, _ := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	if mediaType != "multipart/form-data" {
		name := c.QueryParam("name")
		switch {
		case name != "":
		case mediaType == echo.MIMEApplicationJSON:
			name = "body.json" // Popolo
		case mediaType == mimeXLSX:
			name = "body.xlsx"
		case mediaType == "text/csv":
			name = "body.csv"
		default:
			name = "body.yaml"
		}
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, uploadError("the body", err)
		}
		return []graph.DatasetFile{{Name: name, Content: body}}, nil
	}
	form, err := c.MultipartForm()
	if err != nil {
		return nil, uploadError("the multipart body", err)
	}
	var files []graph.DatasetFile
	for _, headers := range form.File {
		for _, h := range headers {
			fh, err := h.Open()
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, "reading %s: %v", h.Filename, err)
			}
			content, err := io.ReadAll(fh)
			fh.Close()
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, "reading %s: %v", h.Filename, err)
			}
			files = append(files, graph.DatasetFile{Name: h.Filename, Content: content})
		}
	}
	if len(files) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "no files in the multipart body")
	}
	return files, nil
}

func uploadError(what string, err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return bodyTooLarge(what)
	}
	return graph.Errorf(graph.EINVALID, "reading %s: %v", what, err)
}

func bodyTooLarge(what string) error {
	return graph.Errorf(graph.EBODYTOOLARGE, "%s is larger than %d MiB; split the dataset into several files", what, maxImportBody>>20)
}
