// Package tabwriter implements a write filter (tabwriter.Writer) that translates tabbed
// columns in input into properly aligned text, with Go's elastic-tabstops algorithm: text
// is buffered as cells (tab-terminated segments) per line; a column block is a run of
// consecutive lines that have a cell in that column, and each block is as wide as its
// widest cell plus padding. Flags, escapes, HTML filtering and output bytes are Go's.
package tabwriter

import (
	"io"
	"unicode/utf8"
)

// A cell is a segment of text terminated by a tab or a line break: its size in bytes in
// buf, its width in runes (excluding ignored HTML tags and escapes), and whether a '\t'
// (rather than a '\v' or a line break) terminated it.
type cell struct {
	size  int
	width int
	htab  bool
}

// A Writer is a filter that inserts padding around tab-delimited columns in its input to
// align them in the output. Clients must call Flush when done calling Write.
type Writer struct {
	// configuration
	output   io.Writer
	minwidth int
	tabwidth int
	padding  int
	padbytes [8]byte
	flags    uint

	// state
	buf     []byte   // the text written, without tabs and line breaks
	pos     int      // position in buf up to which cell.width has been computed
	cell    cell     // the current, incomplete cell
	endChar byte     // end of the current escape (Escape, '>' or ';'), or 0 outside escapes
	lines   [][]cell // the cells of each buffered line
	widths  []int    // column widths while formatting
}

// Formatting can be controlled with these flags.
const (
	// Ignore html tags and treat entities (starting with '&' and ending in ';') as single
	// characters (width = 1).
	FilterHTML uint = 1 << iota

	// Strip Escape characters bracketing escaped text segments instead of passing them
	// through unchanged with the text.
	StripEscape

	// Force right-alignment of cell content. Default is left-alignment.
	AlignRight

	// Handle empty columns as if they were not present in the input in the first place.
	DiscardEmptyColumns

	// Always use tabs for indentation columns (i.e., padding of leading empty cells on the
	// left) independent of padchar.
	TabIndent

	// Print a vertical bar ('|') between columns (after formatting). Discarded columns
	// appear as zero-width columns ("||").
	Debug
)

// Escape brackets a text segment that is passed through unchanged: its tabs and line
// breaks do not end cells, and it counts as its rune count in width.
const Escape = '\xff'

// Init initializes a Writer. minwidth is the minimal cell width including any padding,
// tabwidth the width of tab characters, padding is added to a cell before computing its
// width, padchar is the ASCII byte used for padding ('\t' pads with tabs and forces left
// alignment), flags control the formatting.
func (b *Writer) Init(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	if minwidth < 0 || tabwidth < 0 || padding < 0 {
		panic("negative minwidth, tabwidth, or padding")
	}
	b.output = output
	b.minwidth = minwidth
	b.tabwidth = tabwidth
	b.padding = padding
	for i := range b.padbytes {
		b.padbytes[i] = padchar
	}
	if padchar == '\t' {
		flags &^= AlignRight // tab padding is always left-aligned
	}
	b.flags = flags
	b.reset()
	return b
}

// NewWriter allocates and initializes a new tabwriter.Writer. The parameters are the same
// as for the Init function.
func NewWriter(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	return new(Writer).Init(output, minwidth, tabwidth, padding, padchar, flags)
}

func (b *Writer) addLine() { b.lines = append(b.lines, []cell{}) }

// reset empties the buffer: one empty line, no cells.
func (b *Writer) reset() {
	b.buf = b.buf[:0]
	b.pos = 0
	b.cell = cell{}
	b.endChar = 0
	b.lines = b.lines[:0]
	b.widths = b.widths[:0]
	b.addLine()
}

// osError wraps an error of the output so that the deferred recover in Write and Flush
// can tell it from a genuine panic.
type osError struct {
	err error
}

func (b *Writer) write0(p []byte) {
	n, err := b.output.Write(p)
	if n != len(p) && err == nil {
		err = io.ErrShortWrite
	}
	if err != nil {
		panic(osError{err})
	}
}

// writeN writes n bytes, repeating src as needed.
func (b *Writer) writeN(src []byte, n int) {
	for n > len(src) {
		b.write0(src)
		n -= len(src)
	}
	b.write0(src[:n])
}

var (
	newline = []byte{'\n'}
	tabs    = []byte("\t\t\t\t\t\t\t\t")
	vbar    = []byte{'|'}
	hbar    = []byte("---\n")
)

// writePadding pads a cell of text width textw to width cellw.
func (b *Writer) writePadding(textw, cellw int, useTabs bool) {
	if b.padbytes[0] != '\t' && !useTabs {
		b.writeN(b.padbytes[:], cellw-textw)
		return
	}
	if b.tabwidth == 0 {
		return // tabs have no width: no padding possible
	}
	// Round cellw up to a multiple of the tab width.
	cellw = (cellw + b.tabwidth - 1) / b.tabwidth * b.tabwidth
	n := cellw - textw
	if n < 0 {
		panic("internal error")
	}
	b.writeN(tabs, (n+b.tabwidth-1)/b.tabwidth)
}

// writeLines writes lines [line0, line1) whose text starts at buf[pos0], padded to the
// current column widths; it returns the position after them.
func (b *Writer) writeLines(pos0 int, line0, line1 int) (pos int) {
	pos = pos0
	for i := line0; i < line1; i++ {
		line := b.lines[i]
		useTabs := b.flags&TabIndent != 0 // leading empty cells are indentation
		for j, c := range line {
			if j > 0 && b.flags&Debug != 0 {
				b.write0(vbar)
			}
			switch {
			case c.size == 0:
				if j < len(b.widths) {
					b.writePadding(c.width, b.widths[j], useTabs)
				}
			case b.flags&AlignRight == 0:
				useTabs = false
				b.write0(b.buf[pos : pos+c.size])
				pos += c.size
				if j < len(b.widths) {
					b.writePadding(c.width, b.widths[j], false)
				}
			default:
				useTabs = false
				if j < len(b.widths) {
					b.writePadding(c.width, b.widths[j], false)
				}
				b.write0(b.buf[pos : pos+c.size])
				pos += c.size
			}
		}
		if i+1 == len(b.lines) {
			// The last buffered line has no line break: write the pending text.
			b.write0(b.buf[pos : pos+b.cell.size])
			pos += b.cell.size
		} else {
			b.write0(newline)
		}
	}
	return
}

// format writes lines [line0, line1) starting at buf[pos0], computing the width of each
// column block recursively (column len(b.widths) and those to its right); it returns the
// position after them.
func (b *Writer) format(pos0 int, line0, line1 int) (pos int) {
	pos = pos0
	column := len(b.widths)
	for this := line0; this < line1; this++ {
		if column >= len(b.lines[this])-1 {
			continue // no cell in this column (a line's last cell is in no column)
		}
		// A column block starts here: write the lines before it.
		pos = b.writeLines(pos, line0, this)
		line0 = this

		width := b.minwidth
		discardable := true // all cells empty and terminated by soft tabs
		for ; this < line1; this++ {
			line := b.lines[this]
			if column >= len(line)-1 {
				break
			}
			c := line[column]
			if w := c.width + b.padding; w > width {
				width = w
			}
			if c.width > 0 || c.htab {
				discardable = false
			}
		}
		if discardable && b.flags&DiscardEmptyColumns != 0 {
			width = 0
		}
		// Format the columns to the right, now that this one's width is known.
		b.widths = append(b.widths, width)
		pos = b.format(pos, line0, this)
		b.widths = b.widths[:len(b.widths)-1]
		line0 = this
	}
	return b.writeLines(pos, line0, line1)
}

// appendText adds text to the current cell.
func (b *Writer) appendText(text []byte) {
	b.buf = append(b.buf, text...)
	b.cell.size += len(text)
}

// updateWidth counts the runes added to the current cell since the last update.
func (b *Writer) updateWidth() {
	b.cell.width += utf8.RuneCount(b.buf[b.pos:])
	b.pos = len(b.buf)
}

func (b *Writer) startEscape(ch byte) {
	switch ch {
	case Escape:
		b.endChar = Escape
	case '<':
		b.endChar = '>'
	case '&':
		b.endChar = ';'
	}
}

// endEscape ends an escape: escaped text counts its runes (without the Escape bytes), an
// HTML tag counts zero and an entity one.
func (b *Writer) endEscape() {
	switch b.endChar {
	case Escape:
		b.updateWidth()
		if b.flags&StripEscape == 0 {
			b.cell.width -= 2 // the Escape bytes do not count
		}
	case '>':
	case ';':
		b.cell.width++
	}
	b.pos = len(b.buf)
	b.endChar = 0
}

// terminateCell adds the current cell to the current line and returns the line's number
// of cells.
func (b *Writer) terminateCell(htab bool) int {
	b.cell.htab = htab
	last := len(b.lines) - 1
	b.lines[last] = append(b.lines[last], b.cell)
	b.cell = cell{}
	return len(b.lines[last])
}

// handlePanic turns an output error into the returned error; other panics are re-raised
// with Go's text. A failed Flush still empties the buffer.
func (b *Writer) handlePanic(err *error, op string) {
	if e := recover(); e != nil {
		if op == "Flush" {
			b.reset()
		}
		if nerr, ok := e.(osError); ok {
			*err = nerr.err
			return
		}
		panic("tabwriter: panic during " + op)
	}
}

// Flush should be called after the last call to Write to ensure that any data buffered in
// the Writer is written to output. Any incomplete escape sequence at the end is considered
// complete for formatting purposes.
func (b *Writer) Flush() error {
	return b.flush()
}

func (b *Writer) flush() (err error) {
	defer b.handlePanic(&err, "Flush")
	b.flushNoDefers()
	return nil
}

func (b *Writer) flushNoDefers() {
	if b.cell.size > 0 {
		if b.endChar != 0 {
			b.endEscape() // an unterminated escape ends here
		}
		b.terminateCell(false)
	}
	b.format(0, 0, len(b.lines))
	b.reset()
}

// Write writes buf to the writer b. The only errors returned are ones encountered while
// writing to the underlying output stream.
func (b *Writer) Write(buf []byte) (n int, err error) {
	defer b.handlePanic(&err, "Write")
	n = 0
	for i, ch := range buf {
		if b.endChar != 0 {
			// Inside an escape: look for its end only.
			if ch == b.endChar {
				j := i + 1
				if ch == Escape && b.flags&StripEscape != 0 {
					j = i // strip the Escape
				}
				b.appendText(buf[n:j])
				n = i + 1
				b.endEscape()
			}
			continue
		}
		switch ch {
		case '\t', '\v', '\n', '\f':
			b.appendText(buf[n:i])
			b.updateWidth()
			n = i + 1
			ncells := b.terminateCell(ch == '\t')
			if ch == '\n' || ch == '\f' {
				b.addLine()
				// A line of one cell does not affect later lines (a line's last cell is
				// in no column), and '\f' always ends the columns: flush.
				if ch == '\f' || ncells == 1 {
					b.flushNoDefers() // an output error leaves the buffer as it is
					if ch == '\f' && b.flags&Debug != 0 {
						b.write0(hbar) // a section break
					}
				}
			}
		case Escape:
			b.appendText(buf[n:i])
			b.updateWidth()
			n = i
			if b.flags&StripEscape != 0 {
				n++ // strip the Escape
			}
			b.startEscape(Escape)
		case '<', '&':
			if b.flags&FilterHTML != 0 {
				b.appendText(buf[n:i])
				b.updateWidth()
				n = i
				b.startEscape(ch)
			}
		}
	}
	b.appendText(buf[n:])
	n = len(buf)
	return
}
