// What the readers remember of one mapping to apply `Limits.duplicateKeys`: cheap enough
// to run on every struct and object, since refusing repeats is the default.

/// The fields of one struct read so far, for the duplicate-key policy: a bit per field, in
/// one word for the first 64, so that checking a field costs a shift and a test.
@usableFromInline
struct SeenFields {
    @usableFromInline var first64: UInt64 = 0
    @usableFromInline var beyond: Set<Int> = []

    @inlinable init() {}

    /// Records field `index`; `false` when it was already recorded.
    @inlinable
    mutating func insert(_ index: Int) -> Bool {
        guard index < 64 else { return beyond.insert(index).inserted }
        let bit: UInt64 = 1 << UInt64(truncatingIfNeeded: index)
        defer { first64 |= bit }
        return first64 & bit == 0
    }
}

/// A mapping member with a key: what ``KeyIndex`` looks through.
@usableFromInline
protocol KeyedEntry {
    var key: String { get }
}

extension Value.Member: KeyedEntry {}

/// Finds an earlier entry of one mapping with the same key: a scan while the mapping has a
/// few entries, as most do, and a hash table once it has more, so a large object never
/// costs quadratic time.
@usableFromInline
struct KeyIndex {
    @usableFromInline static let scanLimit = 12
    @usableFromInline var positions: [String: Int] = [:]

    @inlinable init() {}

    /// The index in `entries` (every entry of the mapping so far) of the entry keyed `key`;
    /// `nil` when there is none, and the caller then appends an entry keyed `key`.
    @inlinable
    mutating func earlierIndex<Entry: KeyedEntry>(of key: String, in entries: [Entry]) -> Int? {
        if entries.count < Self.scanLimit { return entries.firstIndex { $0.key == key } }
        if positions.isEmpty {
            positions.reserveCapacity(entries.count * 2)
            for index in entries.indices where positions[entries[index].key] == nil {
                positions[entries[index].key] = index
            }
        }
        if let earlier = positions[key] { return earlier }
        positions[key] = entries.count
        return nil
    }

    /// Forgets every key, keeping the table's storage, for the next mapping.
    @inlinable
    mutating func removeAll() {
        positions.removeAll(keepingCapacity: true)
    }
}
