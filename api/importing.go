package api

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/styrgraf/styrgraf/graph"
	"github.com/styrgraf/styrgraf/graph/dataset"
)

// maxImportBody bounds what one import request may send.
const maxImportBody = 64 << 20

// handleImport validates the uploaded dataset files together and applies them in one
// transaction, answering the changes, or every problem of the files (400) and nothing
// written.
func (s *Server) handleImport(c echo.Context) error {
	dry := false
	if v := c.QueryParam("dry_run"); v != "" {
		var err error
		if dry, err = strconv.ParseBool(v); err != nil {
			return graph.Errorf(graph.EINVALID, "dry_run: want true or false, got %q", v)
		}
	}
	files, problems, err := readUploads(c)
	if err != nil {
		return err
	}
	problems = append(problems, dataset.Check(files)...)
	if err := problems.Err(); err != nil {
		s.metrics.ObserveImport(graph.ImportResult{}, err)
		return err
	}
	res, err := s.store.Import(c.Request().Context(), dataset.Flatten(files), dataset.DatasetIDs(files), graph.ImportOptions{DryRun: dry})
	s.metrics.ObserveImport(res, err)
	if err != nil {
		return err
	}
	if s.governance != nil && !res.DryRun {
		s.governance.Trigger()
	}
	return c.JSON(http.StatusOK, res)
}

// readUploads reads a YAML body (one file, named by ?name= or "body.yaml") or the files of
// a multipart/form-data body (any field name).
func readUploads(c echo.Context) ([]*dataset.File, dataset.Problems, error) {
	req := c.Request()
	req.Body = http.MaxBytesReader(c.Response(), req.Body, maxImportBody)
	mediaType, _, _ := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	var files []*dataset.File
	var problems dataset.Problems
	if mediaType != "multipart/form-data" {
		name := c.QueryParam("name")
		if name == "" {
			name = "body.yaml"
		}
		body, err := io.ReadAll(req.Body)
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return nil, nil, graph.Errorf(graph.ETOOLARGE, "the body is larger than %d MiB; split the dataset into several files", maxImportBody>>20)
			}
			return nil, nil, graph.Errorf(graph.EINVALID, "reading the body: %v", err)
		}
		f, ps := dataset.Parse(name, bytes.NewReader(body))
		return []*dataset.File{f}, ps, nil
	}
	form, err := c.MultipartForm()
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, nil, graph.Errorf(graph.ETOOLARGE, "the upload is larger than %d MiB", maxImportBody>>20)
		}
		return nil, nil, graph.Errorf(graph.EINVALID, "reading the multipart body: %v", err)
	}
	for _, headers := range form.File {
		for _, h := range headers {
			fh, err := h.Open()
			if err != nil {
				return nil, nil, graph.Errorf(graph.EINVALID, "reading %s: %v", h.Filename, err)
			}
			f, ps := dataset.Parse(h.Filename, fh)
			fh.Close()
			files = append(files, f)
			problems = append(problems, ps...)
		}
	}
	if len(files) == 0 {
		return nil, nil, graph.Errorf(graph.EINVALID, "no files in the multipart body")
	}
	return files, problems, nil
}
