/// Map keys a reader has already made into `String`s, so that a key met again (the same
/// field in the next element of an array of objects) is handed out as it was made, without
/// checking, copying and perhaps allocating a new `String`.
///
/// Readers fill it in ``Deserializer/nextMapKey(reusing:)``; the Codable bridge keeps one
/// per nesting depth, where objects of one type follow each other. It holds a few short
/// keys, tried from the one after the last match, since objects of one type list their keys
/// in the same order; keys of a map with many distinct keys stop being added once it is
/// full, so they cost a bounded search each.
public struct MapKeyCache: Sendable {
    /// The most keys held.
    @usableFromInline static let capacity = 16
    /// The longest key held, in UTF-8 bytes.
    @usableFromInline static let maximumKeyLength = 64

    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline let key: String
        @usableFromInline let bytes: [UInt8]

        @inlinable
        init(key: String, bytes: [UInt8]) {
            self.key = key
            self.bytes = bytes
        }
    }

    @usableFromInline var entries: [Entry] = []
    /// The entry tried first: the one after the last match or insertion.
    @usableFromInline var next = 0

    /// An empty cache.
    public init() {}

    /// The cached key whose UTF-8 is exactly `bytes`, if there is one.
    @inlinable
    public mutating func key(matching bytes: UnsafeRawBufferPointer) -> String? {
        let count = entries.count
        guard count > 0, bytes.count <= Self.maximumKeyLength else { return nil }
        var index = next < count ? next : 0
        for _ in 0..<count {
            let matches = entries[index].bytes.withUnsafeBytes { $0.hasSameBytes(as: bytes) }
            index += 1
            if matches {
                next = index
                return entries[index - 1].key
            }
            if index == count { index = 0 }
        }
        return nil
    }

    /// Holds `key`, whose UTF-8 is `bytes`, while there is room for it.
    @inlinable
    public mutating func insert(_ key: String, bytes: UnsafeRawBufferPointer) {
        guard entries.count < Self.capacity, bytes.count <= Self.maximumKeyLength else { return }
        entries.append(Entry(key: key, bytes: Array(bytes)))
        next = entries.count
    }
}
