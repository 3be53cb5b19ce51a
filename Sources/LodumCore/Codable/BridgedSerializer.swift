/// The serializer a ``Serializable`` value nested in a Codable one writes to: the format's
/// own, seen through the data model of a ``Value`` tree.
///
/// Before the bridge streamed, such a value was first turned into a tree and the tree was
/// written, so its structs became maps with named keys, its `Float`s and decimal numbers
/// the tree's doubles and strings, and its integer map keys text. Writing through this view
/// keeps that output exactly (MessagePack's `structs: .arrays` does not reach inside a
/// Codable value, a `Decimal` in one is a string) while the value streams.
struct BridgedSerializer<S: Serializer>: Serializer {
    let base: UnsafeMutablePointer<S>

    var context: CodingContext {
        get { base.pointee.context }
        _modify { yield &base.pointee.context }
    }

    var writesFieldNames: Bool { true }

    mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        try base.pointee.beginMap(count: fieldCount)
    }

    mutating func field(_ key: StaticString) throws { try base.pointee.mapKey(key.description) }
    mutating func endStruct() throws { try base.pointee.endMap() }
    mutating func beginSeq(count: Int?) throws { try base.pointee.beginSeq(count: count) }
    mutating func endSeq() throws { try base.pointee.endSeq() }
    mutating func beginMap(count: Int?) throws { try base.pointee.beginMap(count: count) }
    mutating func mapKey(_ key: String) throws { try base.pointee.mapKey(key) }
    mutating func mapKey(_ key: Int64) throws { try base.pointee.mapKey(String(key)) }
    mutating func mapKey(_ key: UInt64) throws { try base.pointee.mapKey(String(key)) }
    mutating func endMap() throws { try base.pointee.endMap() }
    mutating func writeNil() throws { try base.pointee.writeNil() }
    mutating func write(_ value: Bool) throws { try base.pointee.write(value) }
    mutating func write(_ value: Int64) throws { try base.pointee.write(value) }

    mutating func write(_ value: UInt64) throws {
        // A tree holds an unsigned integer that fits `Int64` as a signed one.
        if value <= UInt64(Int64.max) {
            try base.pointee.write(Int64(value))
        } else {
            try base.pointee.write(value)
        }
    }

    mutating func write(_ value: Double) throws { try base.pointee.write(value) }
    mutating func write(_ value: Float) throws { try base.pointee.write(Double(value)) }
    mutating func write(_ value: String) throws { try base.pointee.write(value) }
    mutating func write(bytes: [UInt8]) throws { try base.pointee.write(bytes: bytes) }

    mutating func write(numberText: String) throws {
        // A tree has no decimal number: it holds the digits as a string.
        try checkNumberText(numberText)
        try base.pointee.write(numberText)
    }

    mutating func write(_ value: Timestamp) throws { try base.pointee.write(value) }
    mutating func write(_ value: ExtensionValue) throws { try base.pointee.write(value) }
}
