package chart

import (
	"bytes"
	"encoding/binary"
	"image"
	"math/bits"
	"runtime"
	"sync"
)

// The screen's charts go through the bridge once and are thrown away, so
// they are encoded for speed rather than size: a chart is runs of one
// colour, which the Sub filter turns into runs of zeros, so a deflate
// stream of fixed-Huffman literals and distance-1 copies (zlib's Z_RLE
// strategy) is nearly as small as flate's best speed, and it can be
// written straight from the image's pixels: a run of equal pixels is
// counted, never filtered byte by byte, and its Adler-32 share is a
// product. A row equal to the one above is one Up-filtered run of zeros.
// At 1600×1000 this took the encoding from 20 ms to about 2.

// Fixed Huffman codes (RFC 1951 3.2.6), bit-reversed for an LSB-first
// writer: a literal's code and length, and a distance-1 copy of each length
// (length code, its extra bits and distance code 0) as one write.
var (
	litBits  [256]uint32
	litN     [256]uint8
	copyBits [259]uint32
	copyN    [259]uint8
)

func init() {
	rev := func(code uint32, n uint8) uint32 { return bits.Reverse32(code) >> (32 - n) }
	for v := range 256 {
		if v < 144 {
			litBits[v], litN[v] = rev(0x30+uint32(v), 8), 8
		} else {
			litBits[v], litN[v] = rev(0x190+uint32(v-144), 9), 9
		}
	}
	base := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	extra := []uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	for l := 3; l <= 258; l++ {
		i := len(base) - 1 // 258 has a symbol of its own
		if l < 258 {
			for base[i] > l || i == len(base)-1 {
				i--
			}
		}
		sym := uint32(257 + i)
		code, n := rev(sym-256, 7), uint8(7)
		if sym >= 280 {
			code, n = rev(0xc0+sym-280, 8), 8
		}
		// The extra bits follow as they are; the distance code (0:
		// distance 1) is five zero bits.
		copyBits[l] = code | uint32(l-base[i])<<n
		copyN[l] = n + extra[i] + 5
	}
}

// rleBand writes one band of rows as fixed-Huffman deflate blocks and
// keeps the Adler-32 of the filtered bytes it stands for.
type rleBand struct {
	out   []byte
	acc   uint64 // bits not yet written, LSB first
	nacc  int
	zeros int  // zero bytes counted but not written yet
	zero  bool // the last byte written was a zero (a copy may follow it)
	a, b  uint64
}

func (e *rleBand) put(v uint32, n uint8) {
	e.acc |= uint64(v) << e.nacc
	e.nacc += int(n)
	if e.nacc >= 32 {
		e.out = binary.LittleEndian.AppendUint32(e.out, uint32(e.acc))
		e.acc >>= 32
		e.nacc -= 32
	}
}

// lit writes a non-zero byte.
func (e *rleBand) lit(v byte) {
	if e.zeros > 0 {
		e.flush()
	}
	e.put(litBits[v], litN[v])
	e.zero = false
	e.a += uint64(v)
	e.b += e.a
}

// flush writes the counted zeros: a literal zero unless one was just
// written, then copies of the byte before.
func (e *rleBand) flush() {
	z := e.zeros
	e.zeros = 0
	e.b += uint64(z) * e.a
	if !e.zero {
		e.put(litBits[0], litN[0])
		e.zero = true
		z--
	}
	for z >= 3 {
		l := min(z, 258)
		if r := z - l; r > 0 && r < 3 {
			l = z - 3
		}
		e.put(copyBits[l], copyN[l])
		z -= l
	}
	for ; z > 0; z-- {
		e.put(litBits[0], litN[0])
	}
}

// endRow writes what the row still owes and keeps the checksum's parts
// small.
func (e *rleBand) endRow() {
	if e.zeros > 0 {
		e.flush()
	}
	e.a %= 65521
	e.b %= 65521
}

// row writes row p (RGBA pixels) composed over white, Sub-filtered, or
// Up-filtered when above (the row before, nil for none) is the same.
func (e *rleBand) row(p, above []byte) {
	if above != nil && bytes.Equal(p, above) {
		e.lit(2) // Up: every byte is zero
		e.zeros += len(p) / 4 * 3
		e.endRow()
		return
	}
	e.lit(1) // Sub: each byte less the one a pixel to the left
	var pr, pg, pb byte
	for i := 0; i < len(p); {
		if i > 0 {
			// A run of the pixel to the left: three zeros a pixel, 16
			// pixels a compare (memeq's vector loop) while it lasts.
			for i+64 <= len(p) && bytes.Equal(p[i-4:i+60], p[i:i+64]) {
				e.zeros += 48
				i += 64
			}
			for i+8 <= len(p) && binary.LittleEndian.Uint64(p[i-4:]) == binary.LittleEndian.Uint64(p[i:]) {
				e.zeros += 6
				i += 8
			}
			if i+4 <= len(p) && binary.LittleEndian.Uint32(p[i-4:]) == binary.LittleEndian.Uint32(p[i:]) {
				e.zeros += 3
				i += 4
				continue
			}
			if i >= len(p) {
				break
			}
		}
		// Premultiplied over white: c + (255 − alpha).
		t := 255 - p[i+3]
		r, g, b := p[i]+t, p[i+1]+t, p[i+2]+t
		for _, d := range [3]byte{r - pr, g - pg, b - pb} {
			if d == 0 {
				e.zeros++
				continue
			}
			// lit(d), inline: most of a chart's bytes that are not runs
			// come through here.
			if e.zeros > 0 {
				e.flush()
			}
			e.put(litBits[d], litN[d])
			e.zero = false
			e.a += uint64(d)
			e.b += e.a
		}
		pr, pg, pb = r, g, b
		i += 4
	}
	e.endRow()
}

// rleRows is compressRows for the screen: the zlib stream of img's rows,
// bands of rows at once, one per CPU, each ending on a byte boundary (an
// empty stored block, the last band's final block) so they join into one
// stream.
func rleRows(img *image.RGBA) []byte {
	b := img.Bounds()
	h, w := b.Dy(), b.Dx()
	n := bandsFor(h)
	bands := make([]rleBand, n)
	rowBytes := 1 + 3*w
	parallel(n, func(k int) {
		lo, hi := b.Min.Y+h*k/n, b.Min.Y+h*(k+1)/n
		e := &bands[k]
		e.out = make([]byte, 0, (hi-lo)*rowBytes/16)
		e.a = 1
		last := k == n-1
		final := uint32(0)
		if last {
			final = 1
		}
		e.put(final|1<<1, 3) // a fixed-Huffman block
		var above []byte
		for y := lo; y < hi; y++ {
			o := img.PixOffset(b.Min.X, y)
			p := img.Pix[o : o+4*w]
			e.row(p, above)
			above = p
		}
		e.put(0, 7) // end of block
		if !last {
			e.put(0, 3) // an empty stored block: the byte boundary
		}
		for ; e.nacc > 0; e.nacc = max(e.nacc-8, 0) {
			e.out = append(e.out, byte(e.acc))
			e.acc >>= 8
		}
		if !last {
			e.out = append(e.out, 0, 0, 0xff, 0xff)
		}
	})
	size := 6
	for i := range bands {
		size += len(bands[i].out)
	}
	out := make([]byte, 0, size)
	out = append(out, 0x78, 0x01)
	var sum uint32 = 1
	for i := range bands {
		out = append(out, bands[i].out...)
		sum = adler32Combine(sum, uint32(bands[i].b)<<16|uint32(bands[i].a), (h*(i+1)/n-h*i/n)*rowBytes)
	}
	return binary.BigEndian.AppendUint32(out, sum)
}

// bandsFor is how many bands of rows h rows are encoded in: one per CPU,
// none under stripeRows rows.
func bandsFor(h int) int { return min(runtime.GOMAXPROCS(0), max(1, h/stripeRows)) }

// parallel runs fn(0..n-1) at once and waits for them all.
func parallel(n int, fn func(k int)) {
	var wg sync.WaitGroup
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k)
		}()
	}
	wg.Wait()
}
