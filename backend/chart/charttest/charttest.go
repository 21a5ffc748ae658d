// Package charttest measures what a chart really drew, so that chart tests
// assert geometry that follows the data rather than "something was drawn".
package charttest

import (
	"fmt"
	"image"
)

// Ink reports whether a pixel is drawn on, i.e. not (nearly) white.
func Ink(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r>>8 < 235 || g>>8 < 235 || b>>8 < 235
}

// TopWidth is the width of the first run of ink on row y, scanning from x0
// to x1: a funnel band's top edge, the first thing drawn from the left.
// It returns the run's start too; width 0 when the row is blank.
func TopWidth(img image.Image, y, x0, x1 int) (start, width int) {
	x := x0
	for x < x1 && !Ink(img, x, y) {
		x++
	}
	start = x
	for x < x1 && Ink(img, x, y) {
		x++
	}
	return start, x - start
}

// FollowValues checks that sizes (band widths, bar heights, in pixels) follow
// values in order: a larger value is strictly larger, equal values are equal
// (within tol pixels), and every size is the smallest size plus a part of
// the span proportional to its value (within tol), so a size that ignores
// its value, or stages in the wrong order, fail. base is the size of a zero
// value: pass -1 to take it from the data (a zero value must then be there).
func FollowValues(sizes []int, values []int64, base, tol int) error {
	if len(sizes) != len(values) {
		return fmt.Errorf("%d sizes for %d values", len(sizes), len(values))
	}
	for i := range values {
		for j := range values {
			switch {
			case values[i] > values[j] && sizes[i] <= sizes[j]:
				return fmt.Errorf("value %d (#%d) = %d px is not larger than value %d (#%d) = %d px",
					values[i], i, sizes[i], values[j], j, sizes[j])
			case values[i] == values[j] && abs(sizes[i]-sizes[j]) > tol:
				return fmt.Errorf("equal values (#%d, #%d) have sizes %d and %d px", i, j, sizes[i], sizes[j])
			}
		}
	}
	var maxV int64
	maxI := -1
	for i, v := range values {
		if maxI < 0 || v > maxV {
			maxV, maxI = v, i
		}
		if v == 0 && base < 0 {
			base = sizes[i]
		}
	}
	if base < 0 {
		return fmt.Errorf("no zero value to take the base size from")
	}
	if maxV <= 0 {
		return nil
	}
	span := float64(sizes[maxI] - base)
	for i, v := range values {
		want := float64(base) + span*float64(v)/float64(maxV)
		if d := float64(sizes[i]) - want; d > float64(tol) || d < -float64(tol) {
			return fmt.Errorf("value %d (#%d) is %d px, want %.1f (proportional to %d px at %d)",
				v, i, sizes[i], want, sizes[maxI], maxV)
		}
	}
	return nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
