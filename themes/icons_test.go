package themes_test

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hirebook/hirebook/themes"
)

var update = flag.Bool("update", false, "rewrite the theme's PNG icons")

// The PNG icons are drawings of assets/icon.svg: a blue square and a white
// H, on the SVG's 64-unit grid. Phones ask for PNGs (iOS for a 180 px
// apple-touch-icon), which the theme ships as small files made here.
var (
	iconBlue  = color.RGBA{0x1d, 0x4e, 0xd8, 0xff}
	iconWhite = color.RGBA{0xff, 0xff, 0xff, 0xff}
	// The H of icon.svg's path, as rectangles x0, y0, x1, y1.
	iconH = [][4]float64{{18, 16, 25, 48}, {39, 16, 46, 48}, {25, 29, 39, 35}}
)

var icons = map[string]int{"assets/apple-touch-icon.png": 180}

// drawIcon draws the icon at size px, full bleed (the phone rounds the
// corners), with each pixel's share of the H as its shade.
func drawIcon(size int) image.Image {
	const shades = 16
	pal := make(color.Palette, shades)
	for i := range pal {
		t := float64(i) / (shades - 1)
		mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t + 0.5) }
		pal[i] = color.RGBA{mix(iconBlue.R, iconWhite.R), mix(iconBlue.G, iconWhite.G), mix(iconBlue.B, iconWhite.B), 0xff}
	}
	img := image.NewPaletted(image.Rect(0, 0, size, size), pal)
	scale := float64(size) / 64
	overlap := func(a0, a1, b0, b1 float64) float64 { return max(0, min(a1, b1)-max(a0, b0)) }
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			cover := 0.0
			for _, r := range iconH {
				cover += overlap(float64(x), float64(x+1), r[0]*scale, r[2]*scale) * overlap(float64(y), float64(y+1), r[1]*scale, r[3]*scale)
			}
			img.SetColorIndex(x, y, uint8(min(cover, 1)*(shades-1)+0.5))
		}
	}
	return img
}

// TestIcons checks that the theme's PNG icons are the drawings above;
// go test ./themes -run Icons -update writes them.
func TestIcons(t *testing.T) {
	for name, size := range icons {
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&b, drawIcon(size)); err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(filepath.Join("default", filepath.FromSlash(name)), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := fs.ReadFile(themes.Default(), name)
		if err != nil {
			t.Fatalf("%v (go test ./themes -run Icons -update writes it)", err)
		}
		if !bytes.Equal(got, b.Bytes()) {
			t.Errorf("%s is not the drawing of the icon (go test ./themes -run Icons -update writes it)", name)
		}
		img, err := png.DecodeConfig(bytes.NewReader(got))
		if err != nil || img.Width != size || img.Height != size {
			t.Errorf("%s: %dx%d, %v; want %dx%d", name, img.Width, img.Height, err, size, size)
		}
		if len(got) > 2048 {
			t.Errorf("%s is %d bytes; keep it under 2 KB", name, len(got))
		}
	}
}
