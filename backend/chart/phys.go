package chart

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
)

// pngSignature starts every PNG file.
var pngSignature = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}

// withDPI returns the PNG b with a pHYs chunk stating dpi. Go's image/png
// writes none, and without it viewers and printers assume 72 or 96 dpi, so an
// A4 page at 300 dpi would print about four times too large. The chunk goes
// right after IHDR (the PNG spec wants it before the first IDAT), with its
// CRC over the chunk type and data.
func withDPI(b []byte, dpi int) ([]byte, error) {
	// Signature (8), then IHDR: length (4), type (4), 13 bytes of data, CRC (4).
	const ihdrEnd = 8 + 4 + 4 + 13 + 4
	if len(b) < ihdrEnd || !bytes.Equal(b[:8], pngSignature) || string(b[12:16]) != "IHDR" {
		return nil, fmt.Errorf("set PNG resolution: not a PNG starting with IHDR")
	}
	// pHYs counts pixels per metre: 300 dpi = 300 / 0.0254 m ≈ 11811.
	ppm := uint32((dpi*10000 + 127) / 254)
	chunk := make([]byte, 0, 4+4+9+4)
	chunk = binary.BigEndian.AppendUint32(chunk, 9)
	chunk = append(chunk, "pHYs"...)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm) // x
	chunk = binary.BigEndian.AppendUint32(chunk, ppm) // y
	chunk = append(chunk, 1)                          // unit: the metre
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	out := make([]byte, 0, len(b)+len(chunk))
	out = append(out, b[:ihdrEnd]...)
	out = append(out, chunk...)
	return append(out, b[ihdrEnd:]...), nil
}
