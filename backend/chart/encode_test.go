package chart

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand"
	"runtime"
	"testing"
)

// TestEncodePNGIsTheImageOverWhite decodes what encodePNG wrote with
// image/png and compares every pixel with the drawing composed over white,
// on premultiplied pixels of every kind (opaque, transparent, partly
// covered), a sub-image at an offset included.
func TestEncodePNGIsTheImageOverWhite(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	// Several bands of rows, compressed apart and joined (compressRows).
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	for _, rect := range []image.Rectangle{image.Rect(0, 0, 1, 1), image.Rect(0, 0, 37, 11), image.Rect(5, 7, 300, 90),
		image.Rect(0, 0, 23, 1100)} {
		img := image.NewRGBA(rect)
		for i := 0; i+3 < len(img.Pix); i += 4 {
			// Runs of a pixel and rows like the one above, as charts
			// have (rleRows writes them as copies), among noise.
			if x := i % img.Stride; x > 0 && r.Intn(4) > 0 {
				copy(img.Pix[i:i+4], img.Pix[i-4:i])
				continue
			} else if i >= img.Stride && x == 0 && r.Intn(3) == 0 {
				copy(img.Pix[i:i+img.Stride], img.Pix[i-img.Stride:i])
				i += img.Stride - 4
				continue
			}
			a := byte(r.Intn(256))
			switch r.Intn(3) {
			case 0:
				a = 255
			case 1:
				a = 0
			}
			for c := range 3 {
				img.Pix[i+c] = byte(r.Intn(int(a) + 1))
			}
			img.Pix[i+3] = a
		}
		sub := img.SubImage(image.Rect(rect.Min.X, rect.Min.Y+rect.Dy()/3, rect.Max.X, rect.Max.Y)).(*image.RGBA)
		for _, c := range []struct {
			im  *image.RGBA
			dpi int // 0: the screen's runs (rleRows), else flate
		}{{img, 0}, {sub, 0}, {img, PrintDPI}, {sub, PrintDPI}} {
			im := c.im
			b, err := encodePNG(im, c.dpi)
			if err != nil {
				t.Fatal(err)
			}
			// The zlib stream's checksum (the bands' combined) holds.
			types, data := pngChunks(t, b)
			if types[0] != "IHDR" || data["IDAT"] == nil {
				t.Fatalf("chunks %v", types)
			}
			zr, err := zlib.NewReader(bytes.NewReader(data["IDAT"]))
			if err != nil {
				t.Fatal(err)
			}
			if raw, err := io.ReadAll(zr); err != nil || len(raw) != im.Bounds().Dy()*(1+3*im.Bounds().Dx()) {
				t.Fatalf("%v: zlib stream: %d bytes, %v", im.Bounds(), len(raw), err)
			}
			got, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%v: %v", im.Bounds(), err)
			}
			bd := im.Bounds()
			if got.Bounds().Dx() != bd.Dx() || got.Bounds().Dy() != bd.Dy() {
				t.Fatalf("size %v, want %v", got.Bounds(), bd)
			}
			for y := bd.Min.Y; y < bd.Max.Y; y++ {
				for x := bd.Min.X; x < bd.Max.X; x++ {
					c := im.RGBAAt(x, y)
					tw := 255 - c.A
					want := color.RGBA{c.R + tw, c.G + tw, c.B + tw, 255}
					gr, gg, gb, ga := got.At(x-bd.Min.X, y-bd.Min.Y).RGBA()
					if g := (color.RGBA{byte(gr >> 8), byte(gg >> 8), byte(gb >> 8), byte(ga >> 8)}); g != want {
						t.Fatalf("%v at %d,%d: %v, want %v", bd, x, y, g, want)
					}
				}
			}
		}
	}
}
