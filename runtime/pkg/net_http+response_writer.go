// The server's ResponseWriter (Go's response and chunkWriter): a handler's writes go
// through a 2 KB buffer; the header is written with the first flush of that buffer, so
// a short reply gets a Content-Length and a sniffed Content-Type, a longer one chunked
// encoding; Date is added, HEAD bodies dropped, 304/204 bodies refused.
package http

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"time"
)

type response struct {
	conn          *conn
	req           *Request
	reqBody       io.ReadCloser
	cancelCtx     context.CancelFunc
	wroteHeader   bool
	handlerHeader Header
	w             *bufio.Writer // buffers the body on its way to cw
	cw            chunkWriter
	status        int
	written       int64 // body bytes written by the handler
	contentLength int64 // from the handler's Content-Length header, or -1
	handlerDone   bool

	closeAfterReply     bool
	requestBodyLimitHit bool
	wants10KeepAlive    bool
	wantsClose          bool
}

// chunkWriter writes the response header on the first write, then the body, in chunks
// when the length is unknown.
type chunkWriter struct {
	res         *response
	header      Header // the handler's header as of WriteHeader
	wroteHeader bool
	chunking    bool
}

func (w *response) Header() Header {
	if w.cw.header == nil && w.wroteHeader && !w.cw.wroteHeader {
		w.cw.header = w.handlerHeader.Clone()
	}
	return w.handlerHeader
}

func (w *response) requestTooLarge() { w.requestBodyLimitHit = true; w.closeAfterReply = true }

func checkWriteHeaderCode(code int) {
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
}

// callerName names the handler that called a ResponseWriter method, as Go's log line does.
func callerName(skip int) string {
	pc, file, line, ok := runtime.Caller(skip)
	if !ok {
		return "unknown"
	}
	name := "unknown"
	if f := runtime.FuncForPC(pc); f != nil {
		name = f.Name()
	}
	return fmt.Sprintf("%s (%s:%d)", name, file, line)
}

func (w *response) WriteHeader(code int) {
	if w.wroteHeader {
		w.conn.server.logf("http: superfluous response.WriteHeader call from %s", callerName(2))
		return
	}
	checkWriteHeaderCode(code)
	if code >= 100 && code <= 199 && code != StatusSwitchingProtocols {
		w.writeInformational(code)
		return
	}
	w.wroteHeader = true
	w.status = code
	if w.handlerDone {
		w.cw.header = w.handlerHeader
	} else {
		w.cw.header = w.handlerHeader.Clone()
	}
	if cl := w.handlerHeader.get("Content-Length"); cl != "" {
		v, err := strconv.ParseInt(cl, 10, 64)
		if err == nil && v >= 0 {
			w.contentLength = v
		} else {
			w.conn.server.logf("http: invalid Content-Length of %q", cl)
			w.handlerHeader.Del("Content-Length")
		}
	}
}

func (w *response) writeInformational(code int) {
	bw := w.conn.bufw
	writeStatusLine(bw, w.req.ProtoAtLeast(1, 1), code)
	w.handlerHeader.WriteSubset(bw, map[string]bool{"Content-Length": true, "Transfer-Encoding": true})
	bw.WriteString("\r\n")
	bw.Flush()
}

func writeStatusLine(bw *bufio.Writer, is11 bool, code int) {
	if is11 {
		bw.WriteString("HTTP/1.1 ")
	} else {
		bw.WriteString("HTTP/1.0 ")
	}
	bw.WriteString(strconv.Itoa(code))
	bw.WriteByte(' ')
	if text := StatusText(code); text != "" {
		bw.WriteString(text)
	} else {
		bw.WriteString("status code " + strconv.Itoa(code))
	}
	bw.WriteString("\r\n")
}

func (w *response) Write(data []byte) (n int, err error) {
	return w.write(len(data), data, "")
}

func (w *response) WriteString(data string) (n int, err error) {
	return w.write(len(data), nil, data)
}

func (w *response) write(lenData int, dataB []byte, dataS string) (n int, err error) {
	if w.conn.werr != nil {
		return 0, w.conn.werr
	}
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	if lenData == 0 {
		return 0, nil
	}
	if !bodyAllowedForStatus(w.status) {
		return 0, ErrBodyNotAllowed
	}
	w.written += int64(lenData)
	if w.contentLength != -1 && w.written > w.contentLength {
		return 0, ErrContentLength
	}
	if dataB != nil {
		return w.w.Write(dataB)
	}
	return w.w.WriteString(dataS)
}

// Flush sends any buffered data to the client.
func (w *response) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	w.w.Flush()
	w.cw.flush()
}

func (cw *chunkWriter) Write(p []byte) (n int, err error) {
	if !cw.wroteHeader {
		cw.writeHeader(p)
	}
	if cw.res.req.Method == "HEAD" {
		return len(p), nil
	}
	bw := cw.res.conn.bufw
	if cw.chunking {
		bw.WriteString(strconv.FormatInt(int64(len(p)), 16))
		bw.WriteString("\r\n")
	}
	n, err = bw.Write(p)
	if cw.chunking && err == nil {
		_, err = bw.WriteString("\r\n")
	}
	return
}

func (cw *chunkWriter) flush() {
	if !cw.wroteHeader {
		cw.writeHeader(nil)
	}
	cw.res.conn.bufw.Flush()
}

func (cw *chunkWriter) close() {
	if !cw.wroteHeader {
		cw.writeHeader(nil)
	}
	if cw.chunking {
		cw.res.conn.bufw.WriteString("0\r\n\r\n")
	}
}

// writeHeader writes the status line and header: the handler's fields plus Date,
// Content-Length (a finished handler's whole body is p), Content-Type sniffed from p,
// Transfer-Encoding: chunked or Connection: close, as Go's chunkWriter.writeHeader.
func (cw *chunkWriter) writeHeader(p []byte) {
	cw.wroteHeader = true
	w := cw.res
	isHEAD := w.req.Method == "HEAD"
	header := cw.header
	if header == nil {
		header = w.handlerHeader
	}
	var extra extraHeader // the server's own fields, written after the handler's
	te := header.get("Transfer-Encoding")
	hasTE := te != ""
	if w.handlerDone && !hasTE && bodyAllowedForStatus(w.status) && header.get("Content-Length") == "" && (!isHEAD || len(p) > 0) {
		w.contentLength = int64(len(p))
		extra.contentLength = strconv.Itoa(len(p))
	}
	keepAlives := w.conn.server.doKeepAlives()
	hasCL := w.contentLength != -1
	if w.wants10KeepAlive && keepAlives && (isHEAD || hasCL || !bodyAllowedForStatus(w.status)) {
		if _, ok := header["Connection"]; !ok {
			extra.connection = "keep-alive"
		}
	} else if !w.req.ProtoAtLeast(1, 1) || w.wantsClose {
		w.closeAfterReply = true
	}
	if header.get("Connection") == "close" || !keepAlives {
		w.closeAfterReply = true
	}
	if w.req.ContentLength != 0 && !w.closeAfterReply && !w.requestBodyDone() {
		w.discardRequestBody()
	}
	code := w.status
	if bodyAllowedForStatus(code) {
		if _, haveType := header["Content-Type"]; !haveType && !hasTE && header.get("Content-Encoding") == "" && len(p) > 0 {
			extra.contentType = DetectContentType(p)
		}
	} else {
		for _, k := range suppressedHeaders(code) {
			header.Del(k)
		}
	}
	if _, ok := header["Date"]; !ok {
		extra.date = time.Now().UTC().Format(TimeFormat)
	}
	if hasCL && hasTE && te != "identity" {
		header.Del("Content-Length")
		hasCL = false
	}
	switch {
	case isHEAD || !bodyAllowedForStatus(code):
		header.Del("Transfer-Encoding")
	case hasCL:
		header.Del("Transfer-Encoding")
	case w.req.ProtoAtLeast(1, 1):
		if hasTE && te == "identity" {
			w.closeAfterReply = true
			header.Del("Transfer-Encoding")
		} else {
			cw.chunking = true
			extra.transferEncoding = "chunked"
			header.Del("Transfer-Encoding")
		}
	default:
		w.closeAfterReply = true
		header.Del("Transfer-Encoding")
	}
	if cw.chunking {
		header.Del("Content-Length")
	}
	if w.closeAfterReply && !headerHasToken(header["Connection"], "close") {
		header.Del("Connection")
		if w.req.ProtoAtLeast(1, 1) {
			extra.connection = "close"
		}
	}
	bw := w.conn.bufw
	writeStatusLine(bw, w.req.ProtoAtLeast(1, 1), code)
	header.writeSubset(bw, nil)
	extra.write(bw)
	bw.WriteString("\r\n")
}

// extraHeader holds the fields the server adds, written in Go's order: Date,
// Content-Length, Content-Type, Connection, Transfer-Encoding ("" is not written).
type extraHeader struct {
	date, contentLength, contentType, connection, transferEncoding string
}

func (h *extraHeader) write(bw *bufio.Writer) {
	keys := [5]string{"Date: ", "Content-Length: ", "Content-Type: ", "Connection: ", "Transfer-Encoding: "}
	vals := [5]string{h.date, h.contentLength, h.contentType, h.connection, h.transferEncoding}
	for i, v := range vals {
		if v != "" {
			bw.WriteString(keys[i])
			bw.WriteString(v)
			bw.WriteString("\r\n")
		}
	}
}

func suppressedHeaders(status int) []string {
	switch {
	case status == 304:
		return []string{"Content-Type", "Content-Length", "Transfer-Encoding"}
	case !bodyAllowedForStatus(status):
		return []string{"Content-Length", "Transfer-Encoding"}
	}
	return nil
}

// requestBodyDone reports whether the request body was read to its end or closed.
func (w *response) requestBodyDone() bool {
	b, ok := w.reqBody.(*body)
	if !ok {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed && !b.sawEOF {
		w.closeAfterReply = true
	}
	return b.sawEOF || b.closed
}

const maxPostHandlerReadBytes = 256 << 10

// discardRequestBody reads up to 256 KB of an unread request body so the connection
// can be reused; a longer body closes the connection instead.
func (w *response) discardRequestBody() {
	_, err := io.CopyN(io.Discard, w.reqBody, maxPostHandlerReadBytes+1)
	switch err {
	case nil:
		w.closeAfterReply = true
	case io.EOF:
		w.reqBody.Close()
	default:
		w.closeAfterReply = true
	}
}

// finishRequest flushes the response after the handler returns.
func (w *response) finishRequest() {
	w.handlerDone = true
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	w.w.Flush()
	w.cw.close()
	w.conn.bufw.Flush()
	w.conn.r.abortPendingRead()
	w.reqBody.Close()
}

func (w *response) closedRequestBodyEarly() bool {
	b, ok := w.reqBody.(*body)
	return ok && !b.complete()
}

// shouldReuseConnection reports whether the connection can serve another request.
func (w *response) shouldReuseConnection() bool {
	if w.closeAfterReply {
		return false
	}
	if w.req.Method != "HEAD" && w.contentLength != -1 && bodyAllowedForStatus(w.status) && w.contentLength != w.written {
		return false
	}
	if w.conn.werr != nil {
		return false
	}
	if w.closedRequestBodyEarly() {
		return false
	}
	return true
}
