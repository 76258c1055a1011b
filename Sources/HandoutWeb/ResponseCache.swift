import Synchronization

/// Rendered pages of the clinic's generic copies, kept while their content is unchanged (the key
/// carries a digest of the content), dropping the least recently used past a byte budget.
/// Personalized documents are never kept.
final class ResponseCache<Key: Hashable & Sendable>: Sendable {
    private struct Store {
        var entries: [Key: (value: CachedDocument, used: UInt64)] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let store = Mutex(Store())
    private let budget: Int

    init(budgetBytes: Int) { budget = budgetBytes }

    func value(_ key: Key) -> CachedDocument? {
        store.withLock { store in
            guard let hit = store.entries[key] else { return nil }
            store.clock += 1
            store.entries[key] = (hit.value, store.clock)
            return hit.value
        }
    }

    func insert(_ value: CachedDocument, for key: Key) {
        store.withLock { store in
            store.clock += 1
            if let old = store.entries[key] { store.bytes -= old.value.bytes.count }
            store.entries[key] = (value, store.clock)
            store.bytes += value.bytes.count
            while store.bytes > budget, store.entries.count > 1,
                  let oldest = store.entries.min(by: { $0.value.used < $1.value.used }) {
                store.bytes -= oldest.value.value.bytes.count
                store.entries[oldest.key] = nil
            }
        }
    }
}

/// A finished generic document or preview, with what the pages show about it.
struct CachedDocument: Sendable {
    var bytes: [UInt8]
    var pages: Int
    /// Changes whenever the content does: the response's ETag.
    var tag: String
}
