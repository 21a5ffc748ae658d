package chart

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"runtime"
	"sync"
)

// pngSignature starts every PNG file.
var pngSignature = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}

// flateWriters reuses the compressors: each holds about a megabyte of
// tables, allocated afresh per chart otherwise.
var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// stripeRows is the fewest rows worth a compressor of their own.
const stripeRows = 256

// encodePNG writes img, composed over white, as an opaque 8-bit RGB PNG
// with a pHYs chunk stating dpi (none for 0). image/png did the same in
// three passes over the page (the flatten, its Opaque check, and trying
// all five row filters on every row: 40 % of an A4 300 dpi export); here
// one pass flattens each row into the Sub filter (charts are runs of one
// colour, which Sub turns into zeros) and feeds it to the compressor, a
// band of rows per CPU (compressRows).
//
// Without a dpi (the screen sizes) the rows are written as runs (rleRows):
// several times faster, about half as large again.
func encodePNG(img *image.RGBA, dpi int) ([]byte, error) {
	var data []byte
	if dpi == 0 {
		data = rleRows(img)
	} else {
		var err error
		if data, err = compressRows(img); err != nil {
			return nil, err
		}
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var out bytes.Buffer
	out.Grow(len(data) + 128)
	out.Write(pngSignature)
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB; compression, filter, interlace 0
	writeChunk(&out, "IHDR", ihdr)
	if dpi > 0 {
		// Pixels per metre: 300 dpi = 300 / 0.0254 m ≈ 11811.
		ppm := uint32((dpi*10000 + 127) / 254)
		phys := make([]byte, 9)
		binary.BigEndian.PutUint32(phys[0:], ppm)
		binary.BigEndian.PutUint32(phys[4:], ppm)
		phys[8] = 1 // the metre
		writeChunk(&out, "pHYs", phys)
	}
	writeChunk(&out, "IDAT", data)
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// writeChunk writes one PNG chunk: length, type, data, CRC of type and data.
func writeChunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// compressRows returns the zlib stream of img's filtered rows (flattened
// over white, Sub filter). Bands of rows are compressed at once, one per
// CPU: each band's raw deflate ends on a byte boundary (a sync flush; the
// last band's is final), so they join into one stream, and their Adler-32
// checksums combine into the whole's.
func compressRows(img *image.RGBA) ([]byte, error) {
	b := img.Bounds()
	h := b.Dy()
	n := min(runtime.GOMAXPROCS(0), max(1, h/stripeRows))
	type band struct {
		data  bytes.Buffer
		sum   uint32
		bytes int
		err   error
	}
	bands := make([]band, n)
	var wg sync.WaitGroup
	for k := range bands {
		lo, hi := b.Min.Y+h*k/n, b.Min.Y+h*(k+1)/n
		wg.Add(1)
		go func(bd *band, last bool) {
			defer wg.Done()
			bd.data.Grow((hi - lo) * b.Dx() / 8)
			z := flateWriters.Get().(*flate.Writer)
			defer flateWriters.Put(z)
			z.Reset(&bd.data)
			sum := adler32.New()
			row := make([]byte, 1+3*b.Dx())
			row[0] = 1 // Sub: each byte less the one a pixel to the left
			for y := lo; y < hi; y++ {
				filterRow(row, img, y)
				sum.Write(row)
				if _, err := z.Write(row); err != nil {
					bd.err = err
					return
				}
			}
			if last {
				bd.err = z.Close()
			} else {
				bd.err = z.Flush()
			}
			bd.sum, bd.bytes = sum.Sum32(), (hi-lo)*len(row)
		}(&bands[k], k == n-1)
	}
	wg.Wait()
	size := 6
	for i := range bands {
		if bands[i].err != nil {
			return nil, bands[i].err
		}
		size += bands[i].data.Len()
	}
	out := make([]byte, 0, size)
	// zlib header: deflate, 32 KB window, "fastest" level, check bits.
	out = append(out, 0x78, 0x01)
	var sum uint32 = 1
	for i := range bands {
		out = append(out, bands[i].data.Bytes()...)
		sum = adler32Combine(sum, bands[i].sum, bands[i].bytes)
	}
	return binary.BigEndian.AppendUint32(out, sum), nil
}

// filterRow writes row y of img, composed over white, into row[1:] with
// the Sub filter.
func filterRow(row []byte, img *image.RGBA, y int) {
	b := img.Bounds()
	p := img.Pix[img.PixOffset(b.Min.X, y):]
	var pr, pg, pb byte
	for i, o := 0, 1; o+2 < len(row); i, o = i+4, o+3 {
		// Premultiplied over white: c + (255 − alpha).
		t := 255 - p[i+3]
		r, g, bl := p[i]+t, p[i+1]+t, p[i+2]+t
		row[o], row[o+1], row[o+2] = r-pr, g-pg, bl-pb
		pr, pg, pb = r, g, bl
	}
}

// adler32Combine is the Adler-32 of A followed by B from their sums and
// B's length (zlib's adler32_combine).
func adler32Combine(a, b uint32, lenB int) uint32 {
	const mod = 65521
	rem := uint64(lenB % mod)
	a1, a2 := uint64(a&0xffff), uint64(a>>16)
	b1, b2 := uint64(b&0xffff), uint64(b>>16)
	s1 := (a1 + b1 + mod - 1) % mod
	s2 := (a2 + b2 + rem*a1 + 2*mod - rem) % mod
	return uint32(s2<<16 | s1)
}
