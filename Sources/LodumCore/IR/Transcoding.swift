// Copying a value from any reader to any writer event by event, as serde-transcode does:
// no tree is built, so memory is the two coders' own state plus one small entry per open
// container, whatever the size of the value.

extension Deserializer {
    /// Copies the next value of this deserializer to `serializer`, event by event, without
    /// building it in memory.
    ///
    /// Each scalar is read and written at once; a sequence or map is opened on both sides,
    /// its elements or entries are copied one at a time, and it is closed on both sides.
    /// A container's length goes to the writer as the reader reports it: `nil` when the
    /// reader does not know it (JSON, YAML), so a writer that needs lengths (MessagePack)
    /// buffers that container alone until it closes.
    ///
    /// Both sides keep their coding path and check ``Limits/maxDepth`` through their
    /// ``CodingContext``, so an error from either names the value it was at, and a reader's
    /// error also carries its input position.
    ///
    /// The `transcode` verbs call it once per document; call it directly to copy into a
    /// serializer of your own:
    ///
    /// ```swift
    /// var tree = ValueSerializer()
    /// try reader.transcodeValue(to: &tree)   // tree.value: what Value(from: &reader) builds
    /// ```
    ///
    /// What each format cannot hold falls back as its writer decides: bytes become base64
    /// text in JSON, timestamps ISO 8601 text, extension values a struct of `type` and
    /// `data`. Map keys travel as text, the way readers hand them over, so an integer key
    /// of MessagePack input becomes a string key.
    ///
    /// The copy runs in a loop rather than by recursion, so however deep the input, the
    /// depth limit is what stops it, never the stack.
    @inlinable
    public mutating func transcodeValue<S: Serializer>(to serializer: inout S) throws {
        var open: [TranscodedContainer] = []
        repeat {
            if let container = try copyScalarOrOpenContainer(to: &serializer) {
                open.append(container)
            }
            // Closes every container that has ended, until one has a value to copy next.
            while let innermost = open.indices.last {
                if try moveToNextValue(in: &open[innermost], copyingTo: &serializer) { break }
                open.removeLast()
            }
        } while !open.isEmpty
    }

    /// Copies a scalar, or opens the container that comes next on both sides and returns it.
    @inlinable
    mutating func copyScalarOrOpenContainer<S: Serializer>(to serializer: inout S) throws -> TranscodedContainer? {
        switch try peekKind() {
        case .null:
            guard try decodeNil() else { throw error(.typeMismatch(expected: "null", found: "another value")) }
            try serializer.writeNil()
        case .bool:
            let flag = try readBool()
            try serializer.write(flag)
        case .int:
            let number = try readInt64()
            try serializer.write(number)
        case .uint:
            let number = try readUInt64()
            try serializer.write(number)
        case .double:
            let number = try readDouble()
            try serializer.write(number)
        case .string:
            let text = try readString()
            try serializer.write(text)
        case .bytes:
            let bytes = try readBytes()
            try serializer.write(bytes: bytes)
        case .timestamp:
            let timestamp = try readTimestamp()
            try serializer.write(timestamp)
        case .extension:
            let value = try readExtension()
            try serializer.write(value)
        case .sequence:
            try enterLimitedContainer()
            let count = try beginSeq()
            try serializer.context.enterContainer()
            try serializer.beginSeq(count: count)
            return TranscodedContainer(isMap: false)
        case .map:
            try enterLimitedContainer()
            let count = try beginMap()
            try serializer.context.enterContainer()
            try serializer.beginMap(count: count)
            return TranscodedContainer(isMap: true)
        }
        return nil
    }

    /// Moves both sides to the next element or entry of `container` (writing an entry's
    /// key); `false`, having closed the container on both sides, after its last.
    @inlinable
    mutating func moveToNextValue<S: Serializer>(
        in container: inout TranscodedContainer, copyingTo serializer: inout S
    ) throws -> Bool {
        if container.isMap {
            guard let key = try nextMapKey() else {
                context.exitContainer()
                try serializer.endMap()
                serializer.context.exitContainer()
                return false
            }
            context.atKey(key)
            serializer.context.atKey(key)
            try serializer.mapKey(key)
        } else {
            guard try nextElement() else {
                context.exitContainer()
                try serializer.endSeq()
                serializer.context.exitContainer()
                return false
            }
            context.atIndex(container.nextIndex)
            serializer.context.atIndex(container.nextIndex)
            container.nextIndex += 1
        }
        return true
    }
}

/// A container open on both sides of a copy: whether it is a map, and the index of the
/// next element of a sequence (for coding paths).
@usableFromInline
struct TranscodedContainer {
    @usableFromInline let isMap: Bool
    @usableFromInline var nextIndex = 0

    @inlinable
    init(isMap: Bool) {
        self.isMap = isMap
    }
}
