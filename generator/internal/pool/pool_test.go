package pool

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		seen := make([]int32, n)
		Each(n, func(i int) { atomic.AddInt32(&seen[i], 1) })
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestEachErrReturnsTheLowestFailure(t *testing.T) {
	err := EachErr(100, func(i int) error {
		if i == 70 || i == 30 {
			return errors.New(string(rune('0' + i/10)))
		}
		return nil
	})
	if err == nil || err.Error() != "3" {
		t.Fatalf("got %v, want the error of index 30", err)
	}
	if err := EachErr(10, func(int) error { return nil }); err != nil {
		t.Fatalf("no failures, got %v", err)
	}
}
