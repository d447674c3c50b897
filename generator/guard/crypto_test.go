package guard

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

const testIter = 1000

func testKey(t testing.TB, pass, baseURL string) *Key {
	t.Helper()
	k, err := DeriveKey(pass, Salt(baseURL), testIter)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

const (
	site = "https://example.github.io/careers/"
	pass = "tumble sprout ravine oxygen"
	path = "guides/pmm/index.html"
)

var page = []byte("<!doctype html><title>Guide</title><p>Tell me about your most comparable accomplishment.</p>")

func TestSealOpenRoundTrip(t *testing.T) {
	k := testKey(t, pass, site)
	b, err := k.Seal(path, page)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Ciphertext, []byte("comparable")) {
		t.Fatal("ciphertext holds plain text")
	}
	got, err := testKey(t, "  tumble  sprout ravine\toxygen ", site).Open(b)
	if err != nil {
		t.Fatalf("open with the same passphrase (other spacing): %v", err)
	}
	if !bytes.Equal(got, page) {
		t.Fatalf("round trip changed the page: %q", got)
	}
}

func TestOpenFailsCleanly(t *testing.T) {
	k := testKey(t, pass, site)
	b, err := k.Seal(path, page)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(p []byte, i int) []byte {
		c := append([]byte(nil), p...)
		c[i] ^= 1
		return c
	}
	cases := map[string]struct {
		key *Key
		box Box
	}{
		"tampered ciphertext": {k, Box{path, b.Nonce, flip(b.Ciphertext, 3)}},
		"tampered tag":        {k, Box{path, b.Nonce, flip(b.Ciphertext, len(b.Ciphertext)-1)}},
		"tampered nonce":      {k, Box{path, flip(b.Nonce, 0), b.Ciphertext}},
		"other path":          {k, Box{"guides/sre/index.html", b.Nonce, b.Ciphertext}},
		"truncated":           {k, Box{path, b.Nonce, b.Ciphertext[:len(b.Ciphertext)-5]}},
		"truncated to tag":    {k, Box{path, b.Nonce, b.Ciphertext[:16]}},
		"empty":               {k, Box{path, b.Nonce, nil}},
		"short nonce":         {k, Box{path, b.Nonce[:8], b.Ciphertext}},
		"no nonce":            {k, Box{path, nil, b.Ciphertext}},
		"wrong salt":          {testKey(t, pass, "https://other.example/"), b},
		"wrong passphrase":    {testKey(t, "tumble sprout ravine oxygens", site), b},
	}
	for name, c := range cases {
		got, err := c.key.Open(c.box)
		if !errors.Is(err, ErrOpen) || got != nil {
			t.Errorf("%s: got %q, %v; want nil, ErrOpen", name, got, err)
		}
	}
}

func TestSealIsDeterministic(t *testing.T) {
	k1, k2 := testKey(t, pass, site), testKey(t, pass, site)
	a, _ := k1.Seal(path, page)
	b, _ := k2.Seal(path, page)
	if !bytes.Equal(a.Nonce, b.Nonce) || !bytes.Equal(a.Ciphertext, b.Ciphertext) {
		t.Fatal("the same page sealed twice gave different bytes")
	}
	changed := append(append([]byte(nil), page...), '.')
	c, _ := k1.Seal(path, changed)
	if bytes.Equal(a.Nonce, c.Nonce) {
		t.Fatal("a changed page kept its nonce")
	}
	d, _ := k1.Seal("guides/other/index.html", page)
	if bytes.Equal(a.Nonce, d.Nonce) {
		t.Fatal("the same page at another path got the same nonce")
	}
	e, _ := testKey(t, pass, "https://other.example/").Seal(path, page)
	if bytes.Equal(a.Nonce, e.Nonce) || bytes.Equal(a.Ciphertext, e.Ciphertext) {
		t.Fatal("another site's key gave the same nonce or ciphertext")
	}
}

func TestSalt(t *testing.T) {
	if !bytes.Equal(Salt(site), Salt(site)) {
		t.Fatal("salt is not stable")
	}
	if bytes.Equal(Salt(site), Salt("https://example.github.io/jobs/")) {
		t.Fatal("two sites share a salt")
	}
	if len(Salt(site)) != 32 {
		t.Fatal("salt is not 32 bytes")
	}
}

func TestDeriveKeyRefusesNoIterations(t *testing.T) {
	if _, err := DeriveKey(pass, Salt(site), 0); err == nil {
		t.Fatal("0 iterations accepted")
	}
}

func TestNormalizePassphrase(t *testing.T) {
	for in, want := range map[string]string{
		"  a  b\t\nc ":         "a b c",
		"a\u00a0b\u3000c":      "a b c",
		"\ufeffa b\u2028":      "a b",
		"exact":                "exact",
		"":                     "",
		"Caps Stay Caps":       "Caps Stay Caps",
		"a\u200bb (not space)": "a\u200bb (not space)",
	} {
		if got := NormalizePassphrase(in); got != want {
			t.Errorf("NormalizePassphrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStrength(t *testing.T) {
	site := []string{"northwind", "ledger", "careers"}
	for _, weak := range []string{
		"", "password", "Tr0ub4dor&3", "correct horse", "the of and to", "northwind ledger careers",
		"Careers at Northwind Ledger", "careers at northwind ledger", "Northwind-Ledger-Careers-2026", "northwind ledger glove",
		"password password password password", "qwertyuiopasdfghjkl", "abcdefghijklmnopqrstuvwxyz",
	} {
		if Strong(weak, site) {
			t.Errorf("%q passed the strength check", weak)
		}
	}
	for _, strong := range []string{
		"tumble sprout ravine oxygen", "stapled outburst stumpy equator", "glove crane yodel marsh",
		"correct horse battery staple", "k7#Qm2!vX9@pL4$wZ8", "northwind tumble sprout ravine oxygen",
	} {
		if !Strong(strong, site) {
			t.Errorf("%q failed the strength check (10^%.1f guesses)", strong, math.Log10(Guesses(strong, site)))
		}
	}
	if long := strings.Repeat("tumble sprout ravine oxygen ", 40); !Strong(long, site) {
		t.Error("a long passphrase failed")
	}
}

// BenchmarkDeriveKey measures one passphrase guess at the real iteration
// count: PBKDF2-HMAC-SHA256 with DefaultIterations, then HKDF and the AES
// key schedule. The README quotes its figure.
func BenchmarkDeriveKey(b *testing.B) {
	salt := Salt(site)
	for b.Loop() {
		if _, err := DeriveKey(pass, salt, DefaultIterations); err != nil {
			b.Fatal(err)
		}
	}
}
