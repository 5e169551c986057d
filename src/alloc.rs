//! Settings for mimalloc, the allocator the `hria` binary and the benches run with.

/// `mi_option_purge_delay` in mimalloc's `mimalloc.h` (v2 and v3): the Rust bindings do not
/// name it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for a second before handing it back to the OS (mimalloc's default is
/// 10 ms).
///
/// tantivy's indexing threads free their whole arena at every segment flush and allocate it
/// again at once. With the default delay the pages went back to the OS in between and the kernel
/// zeroed them again: a tenth of the indexing time. The peak memory stays the same, since the
/// kept pages are reused. Call it at the start of a program whose global allocator is mimalloc.
pub fn keep_freed_memory() {
    // SAFETY: sets an integer option; mimalloc reads its options atomically.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
}
