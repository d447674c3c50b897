package guard

import (
	"bytes"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// DefaultIterations is the PBKDF2-HMAC-SHA256 iteration count of a real
// build: OWASP's figure for PBKDF2-HMAC-SHA256 since 2023.
const DefaultIterations = 600_000

// Labels that keep each derived value to one purpose. Changing any of them
// changes every key and every page: they are part of the format, shared
// with assets/unlock.js.
const (
	saltLabel  = "hirebook guide salt v1"
	aesInfo    = "hirebook v1 aes-256-gcm"
	nonceInfo  = "hirebook v1 nonce"
	formatV    = "1"
	nonceBytes = 12
)

// ErrOpen is returned for any page that does not decrypt: a wrong
// passphrase, another site's salt, or changed or cut data. On purpose it
// does not say which.
var ErrOpen = errors.New("guard: the page does not decrypt with this passphrase (wrong passphrase, or damaged data)")

// Key is a site's key, derived once per build from the passphrase and the
// salt, and used for every team page.
type Key struct {
	Salt       []byte
	Iterations int
	aead       cipher.AEAD
	nonceKey   []byte
}

// Salt is the site's salt: SHA-256 of a fixed label and the site's absolute
// base URL. It is not secret; it only has to differ between sites (so one
// table of precomputed guesses does not serve every hirebook site) and stay
// the same across builds of one site (so a remembered key keeps working).
func Salt(baseURL string) []byte {
	h := sha256.New()
	io.WriteString(h, saltLabel)
	h.Write([]byte{0})
	io.WriteString(h, baseURL)
	return h.Sum(nil)
}

// NormalizePassphrase drops whitespace at both ends and turns every run of
// whitespace inside into one space, so a phone keyboard's extra space does
// not lock anyone out. Whitespace is exactly what JavaScript's \s matches,
// which is what unlock.js uses.
func NormalizePassphrase(p string) string {
	return strings.Join(strings.FieldsFunc(p, isJSSpace), " ")
}

func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', '\ufeff', '\u2028', '\u2029':
		return true
	}
	return unicode.Is(unicode.Zs, r)
}

// DeriveKey turns a passphrase into the site key: PBKDF2-HMAC-SHA256 with
// the given salt and iteration count gives a 32-byte master secret, and
// HKDF-SHA256 splits it into the AES-256-GCM key and a separate key for
// deriving nonces. It is slow on purpose; derive once per build.
func DeriveKey(passphrase string, salt []byte, iterations int) (*Key, error) {
	if iterations < 1 {
		return nil, fmt.Errorf("guard: %d PBKDF2 iterations", iterations)
	}
	master, err := pbkdf2.Key(sha256.New, NormalizePassphrase(passphrase), salt, iterations, 32)
	if err != nil {
		return nil, fmt.Errorf("guard: key derivation: %w", err)
	}
	encKey, err := hkdf.Key(sha256.New, master, nil, aesInfo, 32)
	if err != nil {
		return nil, err
	}
	nonceKey, err := hkdf.Key(sha256.New, master, nil, nonceInfo, 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Key{Salt: append([]byte(nil), salt...), Iterations: iterations, aead: aead, nonceKey: nonceKey}, nil
}

// Box is one sealed page: what the browser needs besides the key.
type Box struct {
	Path       string // the page's path in the site, authenticated with it
	Nonce      []byte
	Ciphertext []byte // zlib-compressed page, encrypted, with the GCM tag
}

// Seal compresses and encrypts one page. The nonce is the first 12 bytes
// of HMAC-SHA256(nonce key, path || 0 || compressed page): the same page at
// the same path always seals to the same bytes, and two different pages get
// different nonces except with probability about 2^-96 per pair. See the
// README's "Protecting interviewer guides" for the argument.
func (k *Key) Seal(path string, page []byte) (Box, error) {
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if err != nil {
		return Box{}, err
	}
	zw.Write(page)
	if err := zw.Close(); err != nil {
		return Box{}, err
	}
	nonce := k.nonce(path, z.Bytes())
	return Box{Path: path, Nonce: nonce, Ciphertext: k.aead.Seal(nil, nonce, z.Bytes(), []byte(path))}, nil
}

func (k *Key) nonce(path string, msg []byte) []byte {
	m := hmac.New(sha256.New, k.nonceKey)
	io.WriteString(m, path)
	m.Write([]byte{0})
	m.Write(msg)
	return m.Sum(nil)[:nonceBytes]
}

// Open decrypts and decompresses a box: the Go twin of unlock.js, for
// tests and tools. Any failure is ErrOpen.
func (k *Key) Open(b Box) ([]byte, error) {
	if len(b.Nonce) != nonceBytes {
		return nil, ErrOpen
	}
	z, err := k.aead.Open(nil, b.Nonce, b.Ciphertext, []byte(b.Path))
	if err != nil {
		return nil, ErrOpen
	}
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, ErrOpen
	}
	page, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if err != nil {
		return nil, ErrOpen
	}
	return page, nil
}
