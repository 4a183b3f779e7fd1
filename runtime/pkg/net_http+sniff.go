// DetectContentType: the WHATWG MIME sniffing algorithm as Go implements it (the same
// signatures in the same order, 512 bytes considered, text/plain as the last resort
// before application/octet-stream).
package http

const sniffLen = 512

// sniffSig is one signature: html (case-insensitive tag followed by space or '>', after
// leading white space), exact prefix, or pattern under a mask (skipWS: after white space).
type sniffSig struct {
	kind   byte // 'h' html, 'e' exact, 'm' masked
	pat    string
	mask   string
	skipWS bool
	ct     string
}

const htmlCT = "text/html; charset=utf-8"

var sniffSignatures = []*sniffSig{
	{'h', "<!DOCTYPE HTML", "", false, htmlCT}, {'h', "<HTML", "", false, htmlCT},
	{'h', "<HEAD", "", false, htmlCT}, {'h', "<SCRIPT", "", false, htmlCT},
	{'h', "<IFRAME", "", false, htmlCT}, {'h', "<H1", "", false, htmlCT},
	{'h', "<DIV", "", false, htmlCT}, {'h', "<FONT", "", false, htmlCT},
	{'h', "<TABLE", "", false, htmlCT}, {'h', "<A", "", false, htmlCT},
	{'h', "<STYLE", "", false, htmlCT}, {'h', "<TITLE", "", false, htmlCT},
	{'h', "<B", "", false, htmlCT}, {'h', "<BODY", "", false, htmlCT},
	{'h', "<BR", "", false, htmlCT}, {'h', "<P", "", false, htmlCT},
	{'h', "<!--", "", false, htmlCT},
	{'m', "<?xml", "\xFF\xFF\xFF\xFF\xFF", true, "text/xml; charset=utf-8"},
	{'e', "%PDF-", "", false, "application/pdf"},
	{'e', "%!PS-Adobe-", "", false, "application/postscript"},
	{'m', "\xFE\xFF\x00\x00", "\xFF\xFF\x00\x00", false, "text/plain; charset=utf-16be"},
	{'m', "\xFF\xFE\x00\x00", "\xFF\xFF\x00\x00", false, "text/plain; charset=utf-16le"},
	{'m', "\xEF\xBB\xBF\x00", "\xFF\xFF\xFF\x00", false, "text/plain; charset=utf-8"},
	{'e', "\x00\x00\x01\x00", "", false, "image/x-icon"},
	{'e', "\x00\x00\x02\x00", "", false, "image/x-icon"},
	{'e', "BM", "", false, "image/bmp"},
	{'e', "GIF87a", "", false, "image/gif"},
	{'e', "GIF89a", "", false, "image/gif"},
	{'m', "RIFF\x00\x00\x00\x00WEBPVP", "\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF\xFF\xFF", false, "image/webp"},
	{'e', "\x89PNG\x0D\x0A\x1A\x0A", "", false, "image/png"},
	{'e', "\xFF\xD8\xFF", "", false, "image/jpeg"},
	{'m', "FORM\x00\x00\x00\x00AIFF", "\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF", false, "audio/aiff"},
	{'m', "ID3", "\xFF\xFF\xFF", false, "audio/mpeg"},
	{'m', "OggS\x00", "\xFF\xFF\xFF\xFF\xFF", false, "application/ogg"},
	{'m', "MThd\x00\x00\x00\x06", "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", false, "audio/midi"},
	{'m', "RIFF\x00\x00\x00\x00AVI ", "\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF", false, "video/avi"},
	{'m', "RIFF\x00\x00\x00\x00WAVE", "\xFF\xFF\xFF\xFF\x00\x00\x00\x00\xFF\xFF\xFF\xFF", false, "audio/wave"},
	{'4', "", "", false, "video/mp4"},
	{'e', "\x1A\x45\xDF\xA3", "", false, "video/webm"},
	{'m', "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00LP",
		"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xFF\xFF",
		false, "application/vnd.ms-fontobject"},
	{'e', "\x00\x01\x00\x00", "", false, "font/ttf"},
	{'e', "OTTO", "", false, "font/otf"},
	{'e', "ttcf", "", false, "font/collection"},
	{'e', "wOFF", "", false, "font/woff"},
	{'e', "wOF2", "", false, "font/woff2"},
	{'e', "\x1F\x8B\x08", "", false, "application/x-gzip"},
	{'e', "PK\x03\x04", "", false, "application/zip"},
	{'e', "Rar!\x1A\x07\x00", "", false, "application/x-rar-compressed"},
	{'e', "Rar!\x1A\x07\x01\x00", "", false, "application/x-rar-compressed"},
	{'e', "\x00\x61\x73\x6D", "", false, "application/wasm"},
	{'t', "", "", false, "text/plain; charset=utf-8"},
}

// DetectContentType returns the MIME type of data (at most its first 512 bytes are
// considered), "application/octet-stream" when nothing matches.
func DetectContentType(data []byte) string {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	ws := 0
	for ws < len(data) && isSniffWS(data[ws]) {
		ws++
	}
	for _, sig := range sniffSignatures {
		if sig.match(data, ws) {
			return sig.ct
		}
	}
	return "application/octet-stream"
}

func isSniffWS(b byte) bool {
	return b == '\t' || b == '\n' || b == '\x0c' || b == '\r' || b == ' '
}

func (s *sniffSig) match(data []byte, ws int) bool {
	switch s.kind {
	case 'e':
		return hasPrefix(data, s.pat)
	case 'm':
		if s.skipWS {
			data = data[ws:]
		}
		if len(data) < len(s.pat) {
			return false
		}
		for i := 0; i < len(s.pat); i++ {
			if data[i]&s.mask[i] != s.pat[i] {
				return false
			}
		}
		return true
	case 'h':
		return matchHTML(data[ws:], s.pat)
	case '4':
		return matchMP4(data)
	}
	return isText(data[ws:])
}

func matchHTML(data []byte, tag string) bool {
	if len(data) < len(tag)+1 {
		return false
	}
	for i := 0; i < len(tag); i++ {
		b, db := tag[i], data[i]
		if 'A' <= b && b <= 'Z' {
			db &= 0xDF
		}
		if b != db {
			return false
		}
	}
	c := data[len(tag)]
	return c == ' ' || c == '>'
}

func matchMP4(data []byte) bool {
	if len(data) < 12 {
		return false
	}
	boxSize := int(data[0])<<24 | int(data[1])<<16 | int(data[2])<<8 | int(data[3])
	if len(data) < boxSize || boxSize%4 != 0 || !hasPrefix(data[4:], "ftyp") {
		return false
	}
	for st := 8; st < boxSize; st += 4 {
		if st != 12 && hasPrefix(data[st:], "mp4") {
			return true
		}
	}
	return false
}

func isText(data []byte) bool {
	for _, b := range data {
		if b <= 0x08 || b == 0x0B || 0x0E <= b && b <= 0x1A || 0x1C <= b && b <= 0x1F {
			return false
		}
	}
	return true
}

// hasPrefix reports whether data starts with s (without converting data to a string).
func hasPrefix(data []byte, s string) bool {
	if len(data) < len(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if data[i] != s[i] {
			return false
		}
	}
	return true
}
