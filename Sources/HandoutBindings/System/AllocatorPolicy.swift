import CMalloc

/// How the C allocator keeps memory between documents, for processes that make many.
public enum AllocatorPolicy {
    /// Keeps freed memory for the next document instead of returning it to the kernel. glibc gives
    /// large blocks (a page's PDF, a font program) their own mapping and unmaps them when freed, and
    /// trims the heap as it shrinks: in a batch every document then faulted its pages in again, and
    /// unmapping on one thread stopped the others for a TLB flush, a tenth of a batch's time. The
    /// price is up to 128 MB held between documents.
    public static func keepFreedMemory() {
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 128 << 20)
    }
}
