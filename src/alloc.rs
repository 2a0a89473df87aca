//! The wasm's allocator: blocks whose sizes are powers of two, one free list per size.
//!
//! A document is read into a tree, then into the spec's structs, then into the model, and
//! all but the model is freed: about thirty allocations and frees for each row of a
//! table. A general-purpose allocator searches, splits and merges free blocks for each;
//! here an allocation is a pop from its size's list (or a cut from the end of the heap)
//! and a free a push: a few instructions, in whichever of the browser's tiers runs them.
//! Measured against talc (which it replaced) on the readers' wasm, 2026-12-07: 1.8 kB
//! gzip smaller; a 1,000-row table read and checked in 11.2 ms instead of 13.7 the first
//! time and 4.5 instead of 5.6 ms after (V8 in Node, medians of 15 processes); in
//! Chromium's first draw of that table, no difference above the noise.
//!
//! The price is memory: a block is up to twice what was asked, and a freed block is
//! reused for its own size only, so the heap holds the largest number of blocks of each
//! size alive at once. For this widget's one pattern (read, check, write, free) that is a
//! small multiple of the largest box (`make bench` writes the wasm's memory).
//!
//! The logic is [`Pool`], tested natively on a plain buffer; [`Wasm`] gives it the
//! wasm's memory.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use core::alloc::Layout;

/// The smallest block: a free block holds the pointer to the next one.
const MIN_SHIFT: u32 = 3;
/// Blocks of 8 bytes to 2 GiB.
const CLASSES: usize = 29;
/// The largest alignment a block is given (the start of each block of a size at least
/// this is a multiple of it): the wasm's page is larger still, and no type of ours asks
/// for more than 16.
const MAX_ALIGN: usize = 4096;

/// Where a pool finds more room: `Some((start, length))` of new memory, or `None`.
pub trait Grow {
    fn grow(&mut self, at_least: usize) -> Option<(usize, usize)>;
}

/// Free lists by size and the unused end of the heap.
pub struct Pool<G> {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
    grow: G,
}

/// The size class of `layout`: its block is `1 << (class + MIN_SHIFT)` bytes, at least
/// its size and its alignment. `None` beyond the largest class or `MAX_ALIGN`.
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    if layout.align() > MAX_ALIGN {
        return None;
    }
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    let class = (usize::BITS - (size - 1).leading_zeros() - MIN_SHIFT) as usize;
    (class < CLASSES).then_some(class)
}

impl<G: Grow> Pool<G> {
    pub const fn new(grow: G) -> Self {
        Pool { free: [0; CLASSES], next: 0, end: 0, grow }
    }

    /// A block for `layout`, or null when memory cannot grow.
    ///
    /// # Safety
    /// Every block on the free lists must be one this pool gave and was given back.
    #[inline]
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(layout) else {
            return core::ptr::null_mut();
        };
        let Some(head) = self.free.get_mut(class) else {
            return core::ptr::null_mut();
        };
        if *head != 0 {
            let block = *head;
            // SAFETY: a free block's first word is the next free block of its size.
            *head = unsafe { *(block as *const usize) };
            return block as *mut u8;
        }
        self.carve(class)
    }

    /// A new block of `class` from the end of the heap, grown if need be.
    #[inline(never)]
    fn carve(&mut self, class: usize) -> *mut u8 {
        let size = 1usize << (class as u32 + MIN_SHIFT);
        let align = size.min(MAX_ALIGN);
        let fits = |next: usize, end: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            (start.checked_add(size)? <= end).then_some(start)
        };
        let start = match fits(self.next, self.end) {
            Some(start) => start,
            None => {
                let Some((at, length)) = self.grow.grow(size + align) else {
                    return core::ptr::null_mut();
                };
                // New memory right after the heap continues it; elsewhere it starts
                // anew (what was left at the old end is too small for this block).
                if at != self.end {
                    self.next = at;
                }
                self.end = at + length;
                match fits(self.next, self.end) {
                    Some(start) => start,
                    None => return core::ptr::null_mut(),
                }
            }
        };
        self.next = start + size;
        start as *mut u8
    }

    /// Gives back a block.
    ///
    /// # Safety
    /// `ptr` is a block this pool gave for `layout` (or a layout of the same class), not
    /// given back since.
    #[inline]
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        let Some(head) = class_of(layout).and_then(|class| self.free.get_mut(class)) else {
            return;
        };
        // SAFETY: the block is ours and at least a word long and aligned.
        unsafe { *(ptr as *mut usize) = *head };
        *head = ptr as usize;
    }

    /// The block resized: the same one while the size keeps its class (a `Vec` growing
    /// within its block), else a new one with the contents copied.
    ///
    /// # Safety
    /// As [`Pool::dealloc`]; `new_size` rounded up to `layout.align()` does not overflow.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new) = Layout::from_size_align(new_size, layout.align()) else {
            return core::ptr::null_mut();
        };
        if class_of(new).is_some() && class_of(new) == class_of(layout) {
            return ptr;
        }
        // SAFETY: as this function's.
        unsafe {
            let moved = self.alloc(new);
            if !moved.is_null() {
                core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}

/// The wasm's memory, grown by a quarter of a megabyte or what a block needs.
#[cfg(target_arch = "wasm32")]
pub struct Wasm;

#[cfg(target_arch = "wasm32")]
impl Grow for Wasm {
    fn grow(&mut self, at_least: usize) -> Option<(usize, usize)> {
        const PAGE: usize = 65536;
        // Four pages at a time: each growth is a call into the browser, and a 1,000-row
        // table's reading would otherwise grow memory dozens of times (two pages at a
        // time: 13.6 ms for its first reading, as above; four: 11.2; sixteen: 11-12, and
        // 0.7 MB more for every page of boxes).
        let pages = at_least.div_ceil(PAGE).max(4);
        let before = core::arch::wasm32::memory_grow::<0>(pages);
        (before != usize::MAX).then(|| (before * PAGE, pages * PAGE))
    }
}

/// The global allocator: a [`Pool`] of the wasm's memory.
#[cfg(target_arch = "wasm32")]
pub struct Global(core::cell::UnsafeCell<Pool<Wasm>>);

#[cfg(target_arch = "wasm32")]
impl Global {
    pub const fn new() -> Self {
        Global(core::cell::UnsafeCell::new(Pool::new(Wasm)))
    }
}

// SAFETY: the widget is built without the atomics feature and runs on the page's one
// thread: nothing else ever holds the pool.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for Global {}

// SAFETY: blocks are aligned to `layout.align()` and at least `layout.size()` long
// (`class_of`), never handed out twice before being given back (the free lists), and
// the pool is never entered twice at once (single-threaded, and no allocation inside).
#[cfg(target_arch = "wasm32")]
unsafe impl core::alloc::GlobalAlloc for Global {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { (*self.0.get()).alloc(layout) }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { (*self.0.get()).dealloc(ptr, layout) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A heap of one buffer (aligned as the wasm's pages are), handed out a slice at a
    /// time, as the wasm's memory grows.
    struct Slab {
        _buffer: Vec<u64>,
        base: usize,
        bytes: usize,
        given: usize,
        step: usize,
    }

    impl Grow for Slab {
        fn grow(&mut self, at_least: usize) -> Option<(usize, usize)> {
            let length = at_least.max(self.step);
            if self.given + length > self.bytes {
                return None;
            }
            let at = self.base + self.given;
            self.given += length;
            Some((at, length))
        }
    }

    fn pool(bytes: usize, step: usize) -> Pool<Slab> {
        let buffer = vec![0u64; (bytes + MAX_ALIGN) / 8];
        let base = (buffer.as_ptr() as usize).next_multiple_of(MAX_ALIGN);
        Pool::new(Slab { _buffer: buffer, base, bytes, given: 0, step })
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn classes_cover_size_and_alignment() {
        assert_eq!(class_of(layout(0, 1)), Some(0));
        assert_eq!(class_of(layout(8, 8)), Some(0));
        assert_eq!(class_of(layout(9, 1)), Some(1));
        assert_eq!(class_of(layout(16, 1)), Some(1));
        assert_eq!(class_of(layout(17, 4)), Some(2));
        assert_eq!(class_of(layout(4, 64)), Some(3));
        assert_eq!(class_of(layout(8, 8192)), None);
    }

    #[test]
    fn blocks_are_aligned_apart_and_writable() {
        let mut p = pool(1 << 20, 4096);
        let mut blocks = Vec::new();
        for (i, (size, align)) in [(1, 1), (24, 8), (7, 4), (100, 16), (3000, 8), (33, 32)]
            .into_iter()
            .cycle()
            .take(60)
            .enumerate()
        {
            let l = layout(size, align);
            let b = unsafe { p.alloc(l) };
            assert!(!b.is_null());
            assert_eq!(b as usize % align, 0, "block {i} of {size} aligned to {align}");
            unsafe { core::ptr::write_bytes(b, i as u8, size) };
            blocks.push((b as usize, size, i as u8));
        }
        // No two blocks overlap, and each still holds what was written into it.
        let mut sorted = blocks.clone();
        sorted.sort();
        for w in sorted.windows(2) {
            assert!(w[0].0 + w[0].1 <= w[1].0, "{:?} overlaps {:?}", w[0], w[1]);
        }
        for (b, size, fill) in blocks {
            let got = unsafe { core::slice::from_raw_parts(b as *const u8, size) };
            assert!(got.iter().all(|&x| x == fill));
        }
    }

    #[test]
    fn freed_blocks_are_reused_by_their_size_only() {
        let mut p = pool(1 << 16, 4096);
        let small = layout(20, 4);
        let a = unsafe { p.alloc(small) };
        let b = unsafe { p.alloc(small) };
        unsafe { p.dealloc(a, small) };
        // Another size does not take it...
        let big = unsafe { p.alloc(layout(64, 8)) };
        assert_ne!(big, a);
        // ... its own size does, last freed first.
        unsafe { p.dealloc(b, small) };
        assert_eq!(unsafe { p.alloc(layout(30, 2)) }, b);
        assert_eq!(unsafe { p.alloc(small) }, a);
    }

    #[test]
    fn a_growing_vec_keeps_its_block_within_the_class_and_its_contents_across() {
        let mut p = pool(1 << 16, 4096);
        let l = layout(17, 1);
        let a = unsafe { p.alloc(l) };
        unsafe { core::ptr::copy_nonoverlapping(b"seventeen bytes!!".as_ptr(), a, 17) };
        assert_eq!(unsafe { p.realloc(a, l, 32) }, a);
        let moved = unsafe { p.realloc(a, l, 33) };
        assert_ne!(moved, a);
        let got = unsafe { core::slice::from_raw_parts(moved, 17) };
        assert_eq!(got, b"seventeen bytes!!");
        // The old block went back to its list.
        assert_eq!(unsafe { p.alloc(layout(30, 1)) }, a);
    }

    #[test]
    fn out_of_memory_is_null_and_a_new_region_is_used_whole() {
        let mut p = pool(8192, 4096);
        let first = unsafe { p.alloc(layout(4096, 8)) };
        assert!(!first.is_null());
        let second = unsafe { p.alloc(layout(4096, 8)) };
        assert!(!second.is_null());
        assert!(unsafe { p.alloc(layout(8, 8)) }.is_null());
        // What was freed is still there to be had.
        unsafe { p.dealloc(first, layout(4096, 8)) };
        assert_eq!(unsafe { p.alloc(layout(3000, 8)) }, first);
    }
}
