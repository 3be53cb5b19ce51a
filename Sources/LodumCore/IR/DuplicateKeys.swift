// What the readers remember of one mapping to apply `Limits.duplicateKeys`: cheap enough
// to run on every struct and object, since refusing repeats is the default.

/// The fields of one struct read so far, for the duplicate-key policy: a bit per field, in
/// one word for the first 64, so that checking a field costs a shift and a test.
@usableFromInline
struct SeenFields {
    @usableFromInline var first64: UInt64 = 0
    /// Fields past the 64th, in the rare struct that has them; `nil` costs nothing to drop.
    @usableFromInline var beyond: Set<Int>? = nil

    @inlinable init() {}

    /// Records field `index`; `false` when it was already recorded.
    @inlinable
    mutating func insert(_ index: Int) -> Bool {
        guard index < 64 else { return insertBeyond(index) }
        let bit: UInt64 = 1 << UInt64(truncatingIfNeeded: index)
        defer { first64 |= bit }
        return first64 & bit == 0
    }

    @usableFromInline
    mutating func insertBeyond(_ index: Int) -> Bool {
        if beyond == nil { beyond = [] }
        return beyond?.insert(index).inserted ?? true
    }
}

/// Finds an earlier member of one ``Value`` object with the same key: a scan while the
/// object has a few members, as most do, and a hash table once it has more, so a large
/// object never costs quadratic time.
@usableFromInline
struct KeyIndex {
    @usableFromInline static let scanLimit = 12
    @usableFromInline var positions: [String: Int] = [:]

    @inlinable init() {}

    /// The index in `entries` (every member of the object so far) of the member keyed
    /// `key`; `nil` when there is none, and the caller then appends a member keyed `key`.
    @inlinable
    mutating func earlierIndex(of key: String, in entries: [Value.Member]) -> Int? {
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
}
