// Package pool runs work on a bounded set of goroutines, one per
// processor, with results kept in index order by the caller. It is the one
// place hirebook's stages get their concurrency from.
package pool

import (
	"runtime"
	"sync"
)

// Each calls f(0), …, f(n-1) on GOMAXPROCS goroutines and returns when all
// calls have returned.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// EachErr is Each for work that can fail; it returns the error of the
// lowest index that failed, so the result does not depend on scheduling.
func EachErr(n int, f func(i int) error) error {
	errs := make([]error, n)
	Each(n, func(i int) { errs[i] = f(i) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
