//! Where a validator call's bytes live: the input JS writes, and the findings the call writes
//! back (see the ABI in `super`). Both are only read during or right after one call, so each
//! call reuses the same space.
//!
//! The validation-only build has no allocator at all: the input sits where the linker ends
//! static data, the output right after it, and memory grows as they need. The client build
//! shares its memory with an allocator, so there both are `Vec`s.

#[cfg(not(feature = "client"))]
mod imp {
    use core::arch::wasm32;

    extern "C" {
        /// Where the linker ends static data (and the stack): free memory from here on.
        static __heap_base: u8;
    }

    const PAGE: usize = 65536;

    /// The output's start (after the input room) and length; single-threaded (see
    /// `super::super`), so plain statics are enough.
    static mut OUTPUT: (usize, usize) = (0, 0);

    fn base() -> usize {
        core::ptr::addr_of!(__heap_base) as usize
    }

    /// Makes memory reach `end`; false when it cannot grow that far.
    fn reach(end: usize) -> bool {
        let have = wasm32::memory_size(0) * PAGE;
        end <= have || wasm32::memory_grow(0, (end - have).div_ceil(PAGE)) != usize::MAX
    }

    pub fn input(len: usize) -> Option<*mut u8> {
        let start = base().checked_add(len)?;
        reach(start).then(|| {
            // SAFETY: single-threaded, and no reference to OUTPUT outlives these statements.
            unsafe { OUTPUT = (start, 0) };
            base() as *mut u8
        })
    }

    pub fn push(bytes: &[u8]) -> bool {
        // SAFETY: as in `input`; the bytes written are in memory `reach` made sure exists,
        // past the input and static data, where nothing else lives.
        unsafe {
            let (start, len) = OUTPUT;
            let Some(end) = start.checked_add(len + bytes.len()) else {
                return false;
            };
            if !reach(end) {
                return false;
            }
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), (start + len) as *mut u8, bytes.len());
            OUTPUT.1 += bytes.len();
        }
        true
    }

    pub fn output() -> *const u8 {
        // SAFETY: as in `input`.
        unsafe { OUTPUT.0 as *const u8 }
    }

    pub fn written() -> usize {
        // SAFETY: as in `input`.
        unsafe { OUTPUT.1 }
    }
}

#[cfg(feature = "client")]
mod imp {
    use alloc::vec::Vec;
    use core::cell::UnsafeCell;

    struct Buffers(UnsafeCell<(Vec<u8>, Vec<u8>)>);

    // SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread.
    unsafe impl Sync for Buffers {}

    static BUFFERS: Buffers = Buffers(UnsafeCell::new((Vec::new(), Vec::new())));

    fn buffers() -> &'static mut (Vec<u8>, Vec<u8>) {
        // SAFETY: one thread, and every caller below lets the borrow end before returning.
        unsafe { &mut *BUFFERS.0.get() }
    }

    pub fn input(len: usize) -> Option<*mut u8> {
        let (input, output) = buffers();
        output.clear();
        input.clear();
        input.try_reserve(len).ok()?;
        Some(input.as_mut_ptr())
    }

    pub fn push(bytes: &[u8]) -> bool {
        let output = &mut buffers().1;
        output.try_reserve(bytes.len()).is_ok() && {
            output.extend_from_slice(bytes);
            true
        }
    }

    pub fn output() -> *const u8 {
        buffers().1.as_ptr()
    }

    pub fn written() -> usize {
        buffers().1.len()
    }
}

/// `input(len)`: room for the call's input (its address), which also empties the output;
/// `push(bytes)`: appends to the output (false when memory ran out); `output()` and
/// `written()`: where the output starts and how many bytes it holds.
pub use imp::{input, output, push, written};
