package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// rawPost sends an import's request line and headers over TCP, then whatever send writes,
// and returns the answer the server gives (read concurrently, so that a server that answers
// before the body ends is heard) and, if asked, whether the server then closed the
// connection.
func rawPost(t *testing.T, addr, headers string, send func(io.Writer), askClosed bool) (*http.Response, []byte, bool) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Bounds the whole exchange: a server that waits for the rest of the body fails here.
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	fmt.Fprintf(conn, "POST /api/v1/import HTTP/1.1\r\nHost: styrgraf\r\nAuthorization: Bearer %s\r\n%s\r\n", editorToken, headers)
	go send(conn) // write errors are expected once the server has answered and closed
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the answer: %v", err)
	}
	if !askClosed {
		return resp, body, false
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err = br.ReadByte()
	return resp, body, err == io.EOF || resp.Close
}

func assert413(t *testing.T, resp *http.Response, body []byte) {
	t.Helper()
	var p problem
	if resp.StatusCode != http.StatusRequestEntityTooLarge || resp.Header.Get("Content-Type") != "application/problem+json" ||
		json.Unmarshal(body, &p) != nil || p.Status != 413 || !strings.Contains(p.Detail, "64 MiB") {
		t.Fatalf("= %d %s %s; want 413 problem+json naming the limit", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

// An import that declares more than the limit is refused at once, before its body is read:
// the client below sends 1 KiB of a declared 64 MiB + 1 and then waits, and gets 413.
func TestImportBodyDeclaredOverTheLimit(t *testing.T) {
	srv := httptest.NewServer(fakeServer(t, &fakeService{}, false))
	defer srv.Close()
	done := make(chan struct{})
	defer close(done)
	resp, body, closed := rawPost(t, srv.Listener.Addr().String(),
		fmt.Sprintf("Content-Type: application/yaml\r\nContent-Length: %d\r\n", maxImportBody+1),
		func(w io.Writer) {
			w.Write(bytes.Repeat([]byte("#"), 1024))
			<-done // never sends the rest
		}, true)
	assert413(t, resp, body)
	if !closed {
		t.Error("the connection stays open with 64 MiB of body unread")
	}
}

// A body without a declared length (chunked) is cut at the limit, as YAML and as
// multipart.
func TestImportBodyStreamedOverTheLimit(t *testing.T) {
	srv := httptest.NewServer(fakeServer(t, &fakeService{}, false))
	defer srv.Close()
	for _, ct := range []string{"application/yaml", "multipart/form-data; boundary=b"} {
		t.Run(ct, func(t *testing.T) {
			resp, body, _ := rawPost(t, srv.Listener.Addr().String(), "Content-Type: "+ct+"\r\nTransfer-Encoding: chunked\r\n",
				func(w io.Writer) {
					cw := httputilChunked(w)
					if strings.HasPrefix(ct, "multipart") {
						fmt.Fprint(cw, "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.yaml\"\r\n\r\n")
					}
					chunk := bytes.Repeat([]byte("# padding\n"), 6554) // 64 KiB
					for sent := 0; sent <= maxImportBody; sent += len(chunk) {
						if _, err := cw.Write(chunk); err != nil {
							return
						}
					}
					fmt.Fprint(w, "0\r\n\r\n") // a client that ends its body
				}, false)
			assert413(t, resp, body)
		})
	}
}

// httputilChunked writes HTTP/1.1 chunks of whatever is written to it.
func httputilChunked(w io.Writer) io.Writer { return chunkWriter{w} }

type chunkWriter struct{ w io.Writer }

func (c chunkWriter) Write(p []byte) (int, error) {
	if _, err := fmt.Fprintf(c.w, "%x\r\n%s\r\n", len(p), p); err != nil {
		return 0, err
	}
	return len(p), nil
}
