/// The Codable bridge's writing half: an `Encoder` that sends a value to a ``Serializer``
/// as Codable code produces it, instead of building a tree of the whole value first.
///
/// Codable lets a keyed container rewrite a key (the last write wins, in the first write's
/// place) and lets nested containers be filled in any order, which a stream cannot undo. So
/// each open container keeps its scalar entries pending until it ends or until a nested
/// value has to be written, and writes them then, with its length when it is known (so
/// MessagePack rarely has to buffer). A nested value that opens a container of its own is
/// streamed in place; the container that holds it is written up to it first. What a stream
/// cannot express falls back to a ``Value`` subtree, for that entry only:
/// - a container from `nestedContainer`/`superEncoder`, which Codable lets the caller fill
///   at any later time, is held as a tree until its parent ends, and while one is held its
///   parent buffers its other nested values too, so entries keep their order;
/// - a nested value written under a key already written in the same container replaces the
///   pending entry.
/// A key rewritten after the value it replaces has already been streamed cannot be
/// honoured, and is an error naming the key.
///
/// The encoder writes through a pointer to the caller's serializer, valid only during
/// ``CodableBridge/encode(_:to:)``; a container kept past that throws instead of writing.
final class StreamingEncoder<S: Serializer>: Encoder {
    typealias Slot = BridgeEncodingSlot
    typealias Frame = BridgeEncodingFrame

    // The mutable state opts out of dynamic exclusivity checks, which cost more than the
    // work they guard: the encoder belongs to one bridge call on one thread, and no access to
    // it spans a call that could reach it again.
    private let serializer: UnsafeMutablePointer<S>
    /// The path of the top-level value, which every coding path here continues.
    let basePath: CodingPath
    private let baseDepth: Int
    let limits: Limits
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Open frames, innermost last; storage past `frameCount` is kept for reuse, so a
    /// container costs no allocation once the first of its depth has been made.
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private(set) var frameCount = 0
    @exclusivity(unchecked) private var nextID = 1
    @exclusivity(unchecked) private var current = Slot(frame: -1, key: "")
    @exclusivity(unchecked) private var level = 0
    @exclusivity(unchecked) private var rootValue: Value?
    /// False once the bridge call has returned: the pointer is no longer valid.
    @exclusivity(unchecked) private(set) var isActive = true
    /// The first error thrown inside a nested value; Codable code may catch it, but the
    /// output is then incomplete, so every later operation throws it again.
    @exclusivity(unchecked) private var failure: (any Error)?
    /// The last type found not to be ``Serializable``, to skip the dynamic cast for the
    /// next value of the same type (every element of an array, say).
    @exclusivity(unchecked) private var lastPlainType: ObjectIdentifier?

    /// This encoder as the existential `encode(to:)` takes, made once: making it per value
    /// looks up the conformance's witness table each time.
    @exclusivity(unchecked) private var erased: (any Encoder)?

    init(_ serializer: UnsafeMutablePointer<S>, basePath: CodingPath, limits: Limits) {
        self.serializer = serializer
        self.basePath = basePath
        self.baseDepth = serializer.pointee.context.depth
        self.limits = limits
        erased = self
    }

    /// Encodes the top-level value and writes whatever it left pending.
    func encodeRoot<T: Encodable>(_ value: T) throws {
        try encodeSingle(value)
        if let rootValue {
            self.rootValue = nil
            try write(rootValue)
        }
        if let failure { throw failure }
    }

    func deactivate() {
        isActive = false
        erased = nil
        // The cached containers hold this encoder: let the cycle go.
        for index in frames.indices { frames[index].cachedContainer = nil }
    }

    // MARK: Coding paths

    var codingPath: [any CodingKey] { codingPath(through: current.frame) }

    /// The coding path of the entry being encoded in frame `last`, and the frames around it.
    func codingPath(through last: Int) -> [any CodingKey] { frames.codingPath(through: last) }

    /// The path of a container: the path of the value that opened it.
    func containerPath(_ frame: Int) -> [any CodingKey] { codingPath(through: frame - 1) }

    func error(_ kind: LodumError.Kind, at path: [any CodingKey]) -> LodumError {
        LodumError(kind, path: basePath.appending(path))
    }

    // MARK: Values

    /// Whether a type is not ``Serializable``, remembering the answer for the next value.
    private func isPlain<T>(_ type: T.Type) -> Bool {
        let identifier = ObjectIdentifier(type)
        if identifier == lastPlainType { return true }
        if type is any Serializable.Type { return false }
        lastPlainType = identifier
        return true
    }

    /// Encodes a nested value at `slot`, streaming it when it opens a container.
    func encodeValue<T: Encodable>(_ value: T, at slot: Slot) throws {
        guard baseDepth + frameCount < limits.maxDepth else {
            throw error(.limitExceeded(.depth(limits.maxDepth)), at: codingPath(through: slot.frame))
        }
        let saved = current
        current = slot
        level += 1
        do {
            if let erased {
                try value.encode(to: erased)
            } else {
                try value.encode(to: self)
            }
            try closeFrames()
            // An `encode(to:)` that writes nothing stands for an empty object, as in a tree.
            if !current.filled { try put(.value(.object([]))) }
        } catch {
            if failure == nil { failure = error }
            throw error
        }
        level -= 1
        current = saved
        if let failure { throw failure }
    }

    /// Writes a ``Serializable`` value under the current entry of frame `frame` (the
    /// top-level value when `frame` is -1).
    func streamSerializable(_ value: any Serializable, in frame: Int, key: String) throws {
        if frame >= 0 { try announceEntry(in: frame, key: key) }
        var view = BridgedSerializer(base: serializer)
        try value.serialize(to: &view)
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let frame = openFrame(keyed: true)
        // Values of one type ask for the same kind of container at the same depth, one
        // value after another (the elements of an array): the container made for the first
        // serves them all, which spares the generic metadata lookups and the allocation of
        // Codable's box each time. It names its frame by depth (id 0), not by identity.
        if frames[frame].cachedKeyType == ObjectIdentifier(Key.self), let cached = frames[frame].cachedContainer {
            // Stored with this key type, so the holder is this key type's: no dynamic cast,
            // which would look up metadata as the container's creation does.
            return unsafeDowncast(cached, to: KeyedContainerHolder<KeyedEncodingContainer<Key>>.self).copy()
        }
        return makeKeyedContainer(type, frame: frame)
    }

    /// Out of line, so that the common path does not look up the metadata it needs.
    @inline(never)
    private func makeKeyedContainer<Key: CodingKey>(_ type: Key.Type, frame: Int) -> KeyedEncodingContainer<Key> {
        let container = KeyedEncodingContainer(StreamingKeyedEncodingContainer<S, Key>(encoder: self, frame: frame, id: 0))
        frames[frame].cachedContainer = KeyedContainerHolder(container)
        frames[frame].cachedKeyType = ObjectIdentifier(Key.self)
        return container
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let frame = openFrame(keyed: false)
        return StreamingUnkeyedEncodingContainer(encoder: self, frame: frame, id: frames[frame].id)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamingSingleValueEncodingContainer(encoder: self)
    }

    /// Opens a container for the current value, or returns the one it already opened
    /// (Codable lets a value ask for its container more than once).
    private func openFrame(keyed: Bool) -> Int {
        if frameCount > 0, frames[frameCount - 1].owner == level, frames[frameCount - 1].isKeyed == keyed {
            return frameCount - 1
        }
        if frameCount == frames.count { frames.append(Frame()) }
        let frame = frameCount
        frames[frame].reset(id: nextID, owner: level, isKeyed: keyed, slot: current)
        nextID += 1
        frameCount += 1
        current.filled = true
        return frame
    }

    /// Checks that a container may still be written: the bridge call is running, the
    /// container is the innermost open one, and no nested value has failed.
    func checkWritable(_ frame: Int, id: Int) throws {
        if let failure { throw failure }
        guard isActive, frame == frameCount - 1, id == 0 || frames[frame].id == id else {
            throw LodumError(.unsupportedValue(
                "a Codable container was written after the value that opened it, or while a nested value was being encoded"),
                path: basePath)
        }
    }

    func isLive(_ frame: Int, id: Int) -> Bool {
        isActive && frame < frameCount && (id == 0 || frames[frame].id == id)
    }

    /// Ends the containers the current value opened, writing what they hold.
    private func closeFrames() throws {
        while frameCount > 0, frames[frameCount - 1].owner == level {
            let frame = frameCount - 1
            if !frames[frame].started {
                // Ended with nothing streamed: its length is known.
                try announce(frame)
                try begin(frame, count: frames[frame].count)
            }
            try flushPending(frame)
            if frames[frame].isKeyed {
                try serializer.pointee.endMap()
            } else {
                try serializer.pointee.endSeq()
            }
            serializer.pointee.context.exitContainer()
            frameCount -= 1
        }
    }

    private func begin(_ frame: Int, count: Int?) throws {
        try serializer.pointee.context.enterContainer()
        if frames[frame].isKeyed {
            try serializer.pointee.beginMap(count: count)
        } else {
            try serializer.pointee.beginSeq(count: count)
        }
        frames[frame].started = true
    }

    /// Writes a frame's opening and its pending entries, so that a nested value can follow.
    private func start(_ frame: Int) throws {
        if !frames[frame].started {
            try announce(frame)
            try begin(frame, count: nil)
        }
        try flushPending(frame)
    }

    /// Writes the key or index under which frame `frame` sits in its parent.
    private func announce(_ frame: Int) throws {
        let slot = frames[frame].slot
        guard slot.frame >= 0 else { return }
        try announceEntry(in: slot.frame, key: slot.key)
    }

    /// Starts frame `frame` if need be and writes a new entry's key (or records its index).
    private func announceEntry(in frame: Int, key: String) throws {
        try start(frame)
        if frames[frame].isKeyed {
            // Kept among the entries so that a later rewrite of the key is caught.
            appendEntry(key, .value(.null), in: frame)
            frames[frame].written = frames[frame].count
            serializer.pointee.context.atKey(key, isField: true)
            try serializer.pointee.mapKey(key)
        } else {
            serializer.pointee.context.atIndex(frames[frame].count)
            frames[frame].count += 1
            frames[frame].written = frames[frame].count
        }
    }

    private func flushPending(_ frame: Int) throws {
        let isKeyed = frames[frame].isKeyed
        let first = isKeyed ? frames[frame].written : 0
        let end = frames[frame].entries.count
        guard end > first else { return }
        // By index, not over a copy: a copy would make the emptied array allocate anew.
        for index in first..<end {
            let position = frames[frame].written + index
            if case .value(let value) = frames[frame].entries[index].slot, value.isScalar {
                // Writing a scalar runs no code that reads the path, so the entry is put in
                // the path only for an error (a refused double, a failing sink).
                do {
                    if isKeyed { try serializer.pointee.mapKey(frames[frame].entries[index].key) }
                    try writeScalar(value)
                } catch var failure as LodumError {
                    locate(frame, index: index, position: position)
                    failure.path = serializer.pointee.context.path
                    throw failure
                }
                continue
            }
            locate(frame, index: index, position: position)
            if isKeyed { try serializer.pointee.mapKey(frames[frame].entries[index].key) }
            try write(frames[frame].entries[index].slot)
        }
        if !isKeyed { frames[frame].entries.empty() }
        frames[frame].written = frames[frame].count
    }

    /// Records entry `index` (at `position`) of frame `frame` in the serializer's path.
    private func locate(_ frame: Int, index: Int, position: Int) {
        if frames[frame].isKeyed {
            serializer.pointee.context.atKey(frames[frame].entries[index].key, isField: true)
        } else {
            serializer.pointee.context.atIndex(position)
        }
    }

    private func writeScalar(_ value: Value) throws {
        switch value {
        case .int(let number): try serializer.pointee.write(number)
        case .string(let text): try serializer.pointee.write(text)
        case .bool(let flag): try serializer.pointee.write(flag)
        case .double(let number): try serializer.pointee.write(number)
        case .uint(let number): try serializer.pointee.write(number)
        default: try serializer.pointee.writeNil()
        }
    }

    private func write(_ slot: EncodingNode.Slot) throws {
        switch slot {
        case .value(let value): try write(value)
        case .node(let node): try node.finish().serialize(to: &serializer.pointee, keysAreFields: true)
        }
    }

    private func write(_ value: Value) throws {
        // Scalars directly: `Value.serialize` would cost a generic call per value.
        switch value {
        case .int(let number): try serializer.pointee.write(number)
        case .string(let text): try serializer.pointee.write(text)
        case .bool(let flag): try serializer.pointee.write(flag)
        case .double(let number): try serializer.pointee.write(number)
        case .null: try serializer.pointee.writeNil()
        default: try value.serialize(to: &serializer.pointee, keysAreFields: true)
        }
    }

    // MARK: Entries

    /// The position of `key` among frame `frame`'s entries.
    func position(of key: String, in frame: Int) -> Int? {
        if let index = frames[frame].index { return index[key] }
        return frames[frame].entries.firstIndex { $0.key == key }
    }

    /// Appends an entry to keyed frame `frame`.
    private func appendEntry(_ key: String, _ slot: EncodingNode.Slot, in frame: Int) {
        frames[frame].entries.append(BridgeEntry(key: key, slot: slot))
        frames[frame].count += 1
        let count = frames[frame].count
        if frames[frame].index != nil {
            frames[frame].index?[key] = count - 1
        } else if count == 16 {
            frames[frame].index = Dictionary(
                frames[frame].entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// Puts an entry under `key` in frame `frame`: a new pending entry, or the replacement of
    /// a pending one.
    func put(_ slot: EncodingNode.Slot, forKey key: String, in frame: Int) throws {
        if let existing = position(of: key, in: frame) {
            let written = frames[frame].written
            guard existing >= written else {
                throw error(.unsupportedValue(
                    "the key \(String(reflecting: key)) was written again after its value had been streamed"),
                    at: containerPath(frame) + [BridgeKey(stringValue: key)])
            }
            frames[frame].entries[existing].slot = slot
        } else {
            appendEntry(key, slot, in: frame)
        }
    }

    /// Appends a pending element to unkeyed frame `frame`.
    func append(_ slot: EncodingNode.Slot, in frame: Int) {
        frames[frame].entries.append(BridgeEntry(key: "", slot: slot))
        frames[frame].count += 1
    }

    /// Puts a value written through a single-value container where the current value goes.
    func put(_ slot: EncodingNode.Slot) throws {
        if let failure { throw failure }
        let wasFilled = current.filled
        current.filled = true
        let frame = current.frame
        guard frame >= 0 else {
            if case .value(let value) = slot {
                rootValue = value
            } else if case .node(let node) = slot {
                rootValue = node.finish()
            }
            return
        }
        if frames[frame].isKeyed {
            try put(slot, forKey: current.key, in: frame)
        } else if wasFilled, !frames[frame].entries.isEmpty {
            // A value written twice keeps the last write, as in a tree.
            frames[frame].entries[frames[frame].entries.count - 1].slot = slot
        } else {
            append(slot, in: frame)
        }
    }

    /// Whether a nested value under `key` (nil in an unkeyed frame) must be held as a tree:
    /// a pending tree-held container may still be filled, so nothing after it may be
    /// streamed yet; and a rewritten key's entry is replaced where it stands.
    func mustHold(in frame: Int, key: String?) -> Bool {
        frames[frame].holdsNodes || (key.map { position(of: $0, in: frame) != nil } ?? false)
    }

    func markHoldsNodes(_ frame: Int) { frames[frame].holdsNodes = true }

    func setChildKey(_ key: any CodingKey, in frame: Int) { frames[frame].childKey = key }

    func elementCount(_ frame: Int) -> Int { frames[frame].count }

    /// Encodes a nested value under `key` of keyed frame `frame` (or as the next element of
    /// an unkeyed one): streamed, or held as a tree where order requires it.
    func encodeEntry<T: Encodable>(_ value: T, in frame: Int, key: String?, codingKey: (any CodingKey)?) throws {
        if mustHold(in: frame, key: key) {
            let node = try encodeHeld(value, at: containerPath(frame) + [codingKey ?? BridgeKey(index: frames[frame].count)])
            if let key { try put(.node(node), forKey: key, in: frame) } else { append(.node(node), in: frame) }
            return
        }
        if !isPlain(T.self), let serializable = value as? any Serializable {
            if let codingKey { setChildKey(codingKey, in: frame) } else { frames[frame].childIndex = frames[frame].count }
            try streamSerializable(serializable, in: frame, key: key ?? "")
            return
        }
        if let codingKey { setChildKey(codingKey, in: frame) } else { frames[frame].childIndex = frames[frame].count }
        try encodeValue(value, at: Slot(frame: frame, key: key ?? ""))
    }

    /// Encodes the value a single-value container holds, where the current value goes.
    func encodeSingle<T: Encodable>(_ value: T) throws {
        if let failure { throw failure }
        let frame = current.frame
        if frame >= 0, mustHold(in: frame, key: frames[frame].isKeyed ? current.key : nil) {
            try put(.node(try encodeHeld(value, at: codingPath)))
            return
        }
        if !isPlain(T.self), let serializable = value as? any Serializable {
            current.filled = true
            try streamSerializable(serializable, in: frame, key: current.key)
            return
        }
        try encodeValue(value, at: current)
        // The nested value filled this one's place (with an empty object at least).
        current.filled = true
    }

    /// A nested value as a tree, through the tree encoder.
    func encodeHeld<T: Encodable>(_ value: T, at path: [any CodingKey]) throws -> EncodingNode {
        let node = EncodingNode()
        let encoder = ValueEncoder(node: node, codingPath: path, basePath: basePath, limits: limits)
        try encoder.encodeValue(value, into: node, at: path)
        return node
    }

    /// A tree-held container's encoder, for `nestedContainer` and `superEncoder`.
    func heldEncoder(for node: EncodingNode, at path: [any CodingKey]) -> ValueEncoder {
        ValueEncoder(node: node, codingPath: path, basePath: basePath, limits: limits)
    }

    /// Records an error found where no error can be thrown (`nestedContainer`), to be
    /// thrown by the next operation.
    func record(_ error: any Error) {
        if failure == nil { failure = error }
    }
}

struct StreamingKeyedEncodingContainer<S: Serializer, Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamingEncoder<S>
    let frame: Int
    let id: Int

    var codingPath: [any CodingKey] {
        encoder.isLive(frame, id: id) ? encoder.containerPath(frame) : []
    }

    private func put(_ value: Value, forKey key: Key) throws {
        try encoder.checkWritable(frame, id: id)
        try encoder.put(.value(value), forKey: key.stringValue, in: frame)
    }

    mutating func encodeNil(forKey key: Key) throws { try put(.null, forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try put(.bool(value), forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try put(.string(value), forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try put(.double(value), forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try put(.double(Double(value)), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try put(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try put(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try put(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try put(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try put(.int(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try put(Value(unsigned: UInt64(value)), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(Value(unsigned: value), forKey: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.checkWritable(frame, id: id)
        try encoder.encodeEntry(value, in: frame, key: key.stringValue, codingKey: key)
    }

    /// A tree-held container under `key`, pending in this one until it ends.
    private func hold(_ node: EncodingNode, forKey key: Key) -> [any CodingKey] {
        let path = codingPath + [key]
        guard encoder.isLive(frame, id: id) else { return path }
        do {
            try encoder.put(.node(node), forKey: key.stringValue, in: frame)
            encoder.markHoldsNodes(frame)
        } catch {
            encoder.record(error)
        }
        return path
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let node = EncodingNode()
        node.becomeObject()
        let path = hold(node, forKey: key)
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(
            encoder: encoder.heldEncoder(for: node, at: path), node: node, codingPath: path))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let node = EncodingNode()
        node.becomeArray()
        let path = hold(node, forKey: key)
        return UnkeyedValueEncodingContainer(encoder: encoder.heldEncoder(for: node, at: path), node: node, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let node = EncodingNode()
        let path = codingPath + [BridgeKey.super]
        if encoder.isLive(frame, id: id) {
            do {
                try encoder.put(.node(node), forKey: BridgeKey.super.stringValue, in: frame)
                encoder.markHoldsNodes(frame)
            } catch {
                encoder.record(error)
            }
        }
        return encoder.heldEncoder(for: node, at: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let node = EncodingNode()
        let path = hold(node, forKey: key)
        return encoder.heldEncoder(for: node, at: path)
    }
}

struct StreamingUnkeyedEncodingContainer<S: Serializer>: UnkeyedEncodingContainer {
    let encoder: StreamingEncoder<S>
    let frame: Int
    let id: Int

    var codingPath: [any CodingKey] {
        encoder.isLive(frame, id: id) ? encoder.containerPath(frame) : []
    }

    var count: Int { encoder.isLive(frame, id: id) ? encoder.elementCount(frame) : 0 }

    private func append(_ value: Value) throws {
        try encoder.checkWritable(frame, id: id)
        encoder.append(.value(value), in: frame)
    }

    mutating func encodeNil() throws { try append(.null) }
    mutating func encode(_ value: Bool) throws { try append(.bool(value)) }
    mutating func encode(_ value: String) throws { try append(.string(value)) }
    mutating func encode(_ value: Double) throws { try append(.double(value)) }
    mutating func encode(_ value: Float) throws { try append(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { try append(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { try append(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { try append(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { try append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { try append(.int(value)) }
    mutating func encode(_ value: UInt) throws { try append(Value(unsigned: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { try append(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { try append(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { try append(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { try append(Value(unsigned: value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.checkWritable(frame, id: id)
        // No key: the element's index stands in paths, built only if one is asked for.
        try encoder.encodeEntry(value, in: frame, key: nil, codingKey: nil)
    }

    /// A tree-held element, pending in this container until it ends.
    private func hold(_ node: EncodingNode) -> [any CodingKey] {
        guard encoder.isLive(frame, id: id) else { return codingPath }
        let path = codingPath + [BridgeKey(index: encoder.elementCount(frame))]
        encoder.append(.node(node), in: frame)
        encoder.markHoldsNodes(frame)
        return path
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let node = EncodingNode()
        node.becomeObject()
        let path = hold(node)
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(
            encoder: encoder.heldEncoder(for: node, at: path), node: node, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let node = EncodingNode()
        node.becomeArray()
        let path = hold(node)
        return UnkeyedValueEncodingContainer(encoder: encoder.heldEncoder(for: node, at: path), node: node, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let node = EncodingNode()
        let path = hold(node)
        return encoder.heldEncoder(for: node, at: path)
    }
}

struct StreamingSingleValueEncodingContainer<S: Serializer>: SingleValueEncodingContainer {
    let encoder: StreamingEncoder<S>

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func put(_ value: Value) throws {
        guard encoder.isActive else {
            throw LodumError(.unsupportedValue("a Codable container was written after the value that opened it"), path: encoder.basePath)
        }
        try encoder.put(.value(value))
    }

    mutating func encodeNil() throws { try put(.null) }
    mutating func encode(_ value: Bool) throws { try put(.bool(value)) }
    mutating func encode(_ value: String) throws { try put(.string(value)) }
    mutating func encode(_ value: Double) throws { try put(.double(value)) }
    mutating func encode(_ value: Float) throws { try put(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { try put(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { try put(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { try put(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { try put(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { try put(.int(value)) }
    mutating func encode(_ value: UInt) throws { try put(Value(unsigned: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { try put(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { try put(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { try put(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { try put(Value(unsigned: value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard encoder.isActive else {
            throw LodumError(.unsupportedValue("a Codable container was written after the value that opened it"), path: encoder.basePath)
        }
        try encoder.encodeSingle(value)
    }
}

// The encoder's state lives outside the generic class: types nested in it would be generic
// too, and every use would look their metadata up at run time.

/// Where the value being encoded goes: the root, or the current entry of a frame.
struct BridgeEncodingSlot {
    /// The frame holding the value; -1 for the top-level value.
    var frame: Int
    /// The key, when the frame is keyed.
    var key: String
    /// Whether the value has written anything yet.
    var filled = false
}

/// An open keyed or unkeyed container.
struct BridgeEncodingFrame: BridgeFrame {
    var id = 0
    /// The value level whose `encode(to:)` opened the container; it ends when that
    /// call returns.
    var owner = 0
    var isKeyed = true
    /// Where the container sits in its parent.
    var slot = BridgeEncodingSlot(frame: -1, key: "")
    /// Whether its opening event has been written to the serializer.
    var started = false
    /// Keyed frames: every entry, in first-write order, the first `written` of them already
    /// written (their keys kept, so that a rewrite is caught). Unkeyed frames: the entries
    /// not yet written, which follow the first `written`.
    var entries: [BridgeEntry] = []
    /// Built once a container has enough keys that finding a rewritten one by scanning
    /// would cost more than hashing.
    var index: [String: Int]?
    /// Entries already written to the serializer.
    var written = 0
    /// Entries so far.
    var count = 0
    /// Whether a tree-held nested container is pending, which the caller may still fill.
    var holdsNodes = false
    /// The key of the nested value being encoded, for coding paths.
    var childKey: (any CodingKey)?
    /// The keyed container last handed out at this depth, and its key type, kept across
    /// frames (see ``StreamingEncoder/container(keyedBy:)``).
    var cachedContainer: AnyObject?
    var cachedKeyType: ObjectIdentifier?
    /// The index of the nested value being encoded (unkeyed frames), for coding paths:
    /// `count` moves on as soon as the value's container is written, before it ends.
    var childIndex = 0
    var childPosition: Int { childIndex }

    mutating func reset(id: Int, owner: Int, isKeyed: Bool, slot: BridgeEncodingSlot) {
        self.id = id
        self.owner = owner
        self.isKeyed = isKeyed
        self.slot = slot
        started = false
        entries.empty()
        index = nil
        written = 0
        count = 0
        holdsNodes = false
        childKey = nil
        childIndex = 0
    }
}

/// An entry of an open container: its key (empty in an unkeyed one) and its value.
struct BridgeEntry {
    var key: String
    var slot: EncodingNode.Slot
}

extension Array {
    /// Empties the array and keeps its storage. For the few entries of a typical container,
    /// one `removeLast` each costs less than `removeAll(keepingCapacity:)`, whose general
    /// range replacement showed in profiles of the bridge.
    mutating func empty() {
        if count > 8 {
            removeAll(keepingCapacity: true)
        } else {
            while !isEmpty { removeLast() }
        }
    }
}

extension Value {
    /// Whether the value is one that ``StreamingEncoder`` writes with a single event.
    var isScalar: Bool {
        switch self {
        case .null, .bool, .int, .uint, .double, .string: return true
        default: return false
        }
    }
}

/// Holds a keyed container for reuse, so that it can be stored untyped and recovered by a
/// checked key type instead of a dynamic cast.
final class KeyedContainerHolder<Container> {
    let container: Container

    init(_ container: Container) {
        self.container = container
    }

    /// A copy of the container. Out of line, so that the copy takes `Container`'s metadata
    /// from this object's class: a caller generic over the key type would look
    /// `KeyedDecodingContainer<Key>` (or `KeyedEncodingContainer<Key>`) up at run time (a resilient type, copied through its
    /// value witnesses) for every container it hands out.
    @inline(never)
    func copy() -> Container {
        container
    }
}
