import CMsgPackOutput
import LodumCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The MessagePack ``Serializer``: turns IR events into msgpack-c packer calls.
///
/// MessagePack states a container's length before its elements. Structs know theirs, and
/// so do collections; a container whose length is not known (`beginSeq(count: nil)`, as
/// when transcoding) is buffered, that container only, and written with its real length
/// when it closes.
public struct MsgPackWriter: FormatWriter {
    public var context: CodingContext
    @usableFromInline let packer: MsgPackPacker
    @usableFromInline let structsAsArrays: Bool
    /// How many containers are open.
    @usableFromInline var level = 0
    /// The level of the innermost container of unknown length, or -1: one comparison per
    /// value instead of a look into the pending stack.
    @usableFromInline var pendingLevel = -1

    init(output: OutputBuffer, options: MsgPackOptions, limits: Limits) {
        self.context = CodingContext(limits: limits)
        self.packer = MsgPackPacker(output: output)
        self.structsAsArrays = options.structs == .arrays
    }

    /// With structs as arrays, fields are known by position, so none may be left out.
    public var writesFieldNames: Bool { !structsAsArrays }

    /// The fixed size of the writer's output buffer.
    public var bufferCapacity: Int { packer.output.capacity }

    // MARK: Framing

    public mutating func beginDocument() throws {}
    public mutating func endDocument() throws {}

    public mutating func finish() throws {
        try packer.flush()
    }

    // MARK: Containers

    /// Counts a value (or, in a map, an entry) toward the buffered container it belongs to.
    @inlinable @inline(__always)
    func countElement(isKey: Bool = false) {
        guard pendingLevel == level else { return }
        packer.countPending(isKey: isKey)
    }

    @inlinable @inline(__always)
    mutating func open(count: Int?, isMap: Bool) throws {
        countElement()
        level += 1
        // Structs and small collections: a fixmap or fixarray header, one byte.
        if let count, count < 16, count >= 0, packer.appendByte((isMap ? 0x80 : 0x90) | UInt8(count)) { return }
        try openSlowly(count: count, isMap: isMap)
    }

    @usableFromInline
    mutating func openSlowly(count: Int?, isMap: Bool) throws {
        guard let count else {
            try packer.openPending(isMap: isMap, level: level)
            pendingLevel = level
            return
        }
        try checkCount(count)
        try packer.pack { isMap ? lodum_mp_pack_map($0, count) : lodum_mp_pack_array($0, count) }
    }

    /// msgpack-c's packer would truncate a count beyond 32 bits: MessagePack's array 32 and
    /// map 32 hold no more.
    func checkCount(_ count: Int) throws {
        guard count >= 0, count <= UInt32.max else {
            throw error(.unsupportedValue("a container of \(count) elements is larger than MessagePack's limit of 2^32 - 1"))
        }
    }

    @inlinable @inline(__always)
    mutating func close() throws {
        if pendingLevel == level { try closePending() }
        level -= 1
    }

    @usableFromInline
    mutating func closePending() throws {
        let last = packer.pending.count - 1
        if last >= 0, packer.pending[last].level == level {
            let (finished, bytes) = packer.closePending()
            defer { free(bytes.baseAddress) }
            pendingLevel = packer.pending.last?.level ?? -1
            try checkCount(finished.count)
            try packer.pack { finished.isMap ? lodum_mp_pack_map($0, finished.count) : lodum_mp_pack_array($0, finished.count) }
            try packer.append(UnsafeRawBufferPointer(bytes))
        }
    }

    @inlinable @inline(__always)
    public mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        try open(count: fieldCount, isMap: !structsAsArrays)
    }

    @inlinable @inline(__always)
    public mutating func field(_ key: StaticString) throws {
        guard !structsAsArrays else { return }
        let name = UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        if packer.appendFixStr(name) { return }
        try writeText(name)
    }

    @inlinable @inline(__always)
    public mutating func endStruct() throws {
        try close()
    }

    public mutating func beginSeq(count: Int?) throws {
        try open(count: count, isMap: false)
    }

    public mutating func endSeq() throws {
        try close()
    }

    public mutating func beginMap(count: Int?) throws {
        try open(count: count, isMap: true)
    }

    public mutating func mapKey(_ key: String) throws {
        countElement(isKey: true)
        var key = key
        try key.withUTF8 { try writeText(UnsafeRawBufferPointer($0)) }
    }

    public mutating func mapKey(_ key: Int64) throws {
        countElement(isKey: true)
        try packer.pack { lodum_mp_pack_int64($0, key) }
    }

    public mutating func mapKey(_ key: UInt64) throws {
        countElement(isKey: true)
        try packer.pack { lodum_mp_pack_uint64($0, key) }
    }

    public mutating func endMap() throws {
        try close()
    }

    // MARK: Scalars

    public mutating func writeNil() throws {
        countElement()
        try packer.pack { lodum_mp_pack_nil($0) }
    }

    public mutating func write(_ value: Bool) throws {
        countElement()
        try packer.pack { value ? lodum_mp_pack_true($0) : lodum_mp_pack_false($0) }
    }

    @inlinable @inline(__always)
    public mutating func write(_ value: Int64) throws {
        countElement()
        try packer.pack { lodum_mp_pack_int64($0, value) }
    }

    @inlinable @inline(__always)
    public mutating func write(_ value: UInt64) throws {
        countElement()
        try packer.pack { lodum_mp_pack_uint64($0, value) }
    }

    public mutating func write(_ value: Double) throws {
        countElement()
        try packer.pack { lodum_mp_pack_double($0, value) }
    }

    public mutating func write(_ value: Float) throws {
        countElement()
        try packer.pack { lodum_mp_pack_float($0, value) }
    }

    public mutating func write(_ value: String) throws {
        countElement()
        var value = value
        try value.withUTF8 { try writeText(UnsafeRawBufferPointer($0)) }
    }

    /// A `str`: header and UTF-8 bytes.
    @usableFromInline
    func writeText(_ text: UnsafeRawBufferPointer) throws {
        guard text.count <= UInt32.max else {
            throw error(.unsupportedValue("a string of \(text.count) bytes is longer than MessagePack's 4 GiB limit"))
        }
        try packer.pack { lodum_mp_pack_str($0, text.count) }
        guard let base = text.baseAddress, !text.isEmpty else { return }
        try packer.pack { lodum_mp_pack_str_body($0, base, text.count) }
    }

    public mutating func write(bytes: [UInt8]) throws {
        countElement()
        guard bytes.count <= UInt32.max else {
            throw error(.unsupportedValue("\(bytes.count) bytes are more than MessagePack's 4 GiB limit"))
        }
        try packer.pack { lodum_mp_pack_bin($0, bytes.count) }
        try bytes.withUnsafeBytes { body in
            guard let base = body.baseAddress, !body.isEmpty else { return }
            try packer.pack { lodum_mp_pack_bin_body($0, base, body.count) }
        }
    }

    /// The timestamp extension (type -1) in its smallest form: 32 bits of seconds when
    /// there are no nanoseconds and the seconds fit, 64 bits (30 of nanoseconds, 34 of
    /// seconds) when the seconds fit 34 bits, else 96 bits (32 of nanoseconds, 64 of seconds).
    public mutating func write(_ value: Timestamp) throws {
        countElement()
        // The payload goes straight from the stack into the packer: no array per instant.
        let seconds = value.seconds
        if seconds >= 0, seconds >> 34 == 0 {
            if value.nanoseconds == 0, seconds <= Int64(UInt32.max) {
                var payload = UInt32(seconds).bigEndian
                try writeExtensionHeader(type: -1, length: 4)
                try withUnsafeBytes(of: &payload) { try appendExtensionBody($0) }
            } else {
                var payload = (UInt64(value.nanoseconds) << 34 | UInt64(seconds)).bigEndian
                try writeExtensionHeader(type: -1, length: 8)
                try withUnsafeBytes(of: &payload) { try appendExtensionBody($0) }
            }
        } else {
            var nanoseconds = value.nanoseconds.bigEndian
            var wide = seconds.bigEndian
            try writeExtensionHeader(type: -1, length: 12)
            try withUnsafeBytes(of: &nanoseconds) { try appendExtensionBody($0) }
            try withUnsafeBytes(of: &wide) { try appendExtensionBody($0) }
        }
    }

    public mutating func write(_ value: ExtensionValue) throws {
        countElement()
        try writeExtensionHeader(type: value.type, length: value.data.count)
        try value.data.withUnsafeBytes { try appendExtensionBody($0) }
    }

    /// An `ext` header (or `fixext` for 1, 2, 4, 8 and 16 bytes): length and type code.
    func writeExtensionHeader(type: Int8, length: Int) throws {
        guard length <= UInt32.max else {
            throw error(.unsupportedValue("an extension of \(length) bytes is larger than MessagePack's 4 GiB limit"))
        }
        try packer.pack { lodum_mp_pack_ext($0, length, type) }
    }

    /// Bytes of the payload of the extension whose header was written last.
    func appendExtensionBody(_ body: UnsafeRawBufferPointer) throws {
        guard let base = body.baseAddress, !body.isEmpty else { return }
        try packer.pack { lodum_mp_pack_ext_body($0, base, body.count) }
    }
}
