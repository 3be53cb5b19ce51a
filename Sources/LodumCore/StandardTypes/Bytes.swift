import Foundation

// Bytes are the data model's bytes: base64 text in JSON, `!!binary` in YAML, `bin` in
// MessagePack. `Data` and the arrays of `UInt8` (Containers.swift) write them so, and read
// them back leniently, since JSON made elsewhere often holds a byte array as numbers.

extension Deserializer {
    /// Reads bytes in the format's own form, or as a sequence of integers 0...255.
    ///
    /// JSON written by other tools often holds a byte array as `[1, 2, 3]` (it is what
    /// Foundation's `JSONEncoder` writes for `[UInt8]`), so a sequence is accepted wherever
    /// bytes are read. Its elements must fit a byte: `256` or `-1` is an error at that
    /// element, `number 256 does not fit in UInt8`. Anything else is read by
    /// ``readBytes()``: base64 text in JSON, `!!binary` or base64 text in YAML, `bin` (or a
    /// `str`'s bytes) in MessagePack.
    ///
    /// ```swift
    /// try JSON.decode([UInt8].self, from: #""AQID""#)   // [1, 2, 3]
    /// try JSON.decode([UInt8].self, from: "[1, 2, 3]")  // [1, 2, 3]
    /// ```
    public mutating func decodeBytes() throws -> [UInt8] {
        guard try peekKind() == .sequence else { return try readBytes() }
        var bytes: [UInt8] = []
        try decodeSeq { deserializer in
            bytes.append(try deserializer.readByte())
        }
        return bytes
    }

    /// One element of a byte array written as integers. Read as a signed integer, so `-1`
    /// is reported as not fitting a byte rather than not fitting an unsigned integer.
    mutating func readByte() throws -> UInt8 {
        let value = try readInt64()
        guard let byte = UInt8(exactly: value) else {
            throw LodumError(.numberOutOfRange(String(value), type: "UInt8"), path: context.path, position: positionOfLastValue)
        }
        return byte
    }
}

extension Data: Serializable, Deserializable {
    /// Writes the data as bytes: base64 text in JSON, `!!binary` in YAML, `bin` in
    /// MessagePack.
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(bytes: [UInt8](self))
    }

    /// Reads bytes in the format's own form or as a sequence of integers 0...255; see
    /// ``Deserializer/decodeBytes()``.
    public init<D: Deserializer>(from deserializer: inout D) throws {
        self = Data(try deserializer.decodeBytes())
    }
}
