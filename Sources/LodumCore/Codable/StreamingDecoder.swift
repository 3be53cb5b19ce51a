/// The Codable bridge's reading half: a `Decoder` that reads a value from a
/// ``Deserializer`` as Codable code asks for it, instead of reading a tree of the whole
/// value first.
///
/// Arrays are read element by element. A keyed container reads its object's members as
/// they come: scalar members are held in a small list (so keys may be asked for in any
/// order, and a key that appears twice keeps its last value), and at a member that is an
/// object or an array it stops, so that a request for that key (the next one, in
/// synthesized code) reads it straight from the input. A request for any other key first
/// reads the member in the way as a ``Value`` tree, and a tree-held member is decoded as the
/// tree bridge decodes it. Containers that Codable lets the caller keep and read later
/// (`nestedContainer`, `superDecoder`) are read as trees.
///
/// What a stream cannot undo is reported rather than guessed:
/// - a key decoded again after its object or array was read from the input, or that
///   appears again in the input after its value was used, is an error naming the key;
/// - an error from the input itself (a syntax error, any failure inside a Lodum type)
///   ends the decode with that error, even if Codable code catches it: the input is no
///   longer at a value boundary. An error Codable code throws, or a mismatch found before
///   reading (a member of the wrong shape), leaves the input at one: the rest of what the
///   failed value opened is skipped, so the error can be caught and the key decoded another
///   way, or the element skipped, as before.
///
/// The decoder reads through a pointer to the caller's deserializer, valid only during
/// ``CodableBridge/decode(_:from:)``; a container kept past that throws.
final class StreamingDecoder<D: Deserializer>: Decoder {
    typealias SlotState = BridgeSlotState
    typealias Slot = BridgeDecodingSlot
    typealias Member = BridgeMember
    typealias Frame = BridgeDecodingFrame

    // The mutable state opts out of dynamic exclusivity checks, which cost more than the
    // work they guard: the decoder belongs to one bridge call on one thread, and no access to
    // it spans a call that could reach it again.
    private let deserializer: UnsafeMutablePointer<D>
    /// The path of the top-level value, which every coding path here continues.
    let basePath: CodingPath
    private let baseDepth: Int
    let limits: Limits
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private(set) var frameCount = 0
    @exclusivity(unchecked) private var nextID = 1
    @exclusivity(unchecked) private var current = Slot(frame: -1)
    @exclusivity(unchecked) private var level = 0
    /// How the last value that failed left the input: still wholly ahead (so it can be
    /// decoded again, or skipped), or read past.
    @exclusivity(unchecked) private var failedValueState: SlotState = .consumed
    @exclusivity(unchecked) private(set) var isActive = true
    /// The first error after which the input is no longer at a value boundary.
    @exclusivity(unchecked) private var failure: (any Error)?
    /// The last type found not to be ``Deserializable``, to skip the dynamic cast for the
    /// next value of the same type.
    @exclusivity(unchecked) private var lastPlainType: ObjectIdentifier?
    /// The last array type met, which the bridge reads itself (``decodeArray(_:as:)``), to skip
    /// the dynamic casts for the next array of the same type.
    @exclusivity(unchecked) private var lastArrayType: (identifier: ObjectIdentifier, type: any BridgeDecodableArray.Type)?

    /// This decoder as the existential `init(from:)` takes, made once: making it per value
    /// looks up the conformance's witness table each time.
    @exclusivity(unchecked) private var erased: (any Decoder)?

    init(_ deserializer: UnsafeMutablePointer<D>, basePath: CodingPath, limits: Limits) {
        self.deserializer = deserializer
        self.basePath = basePath
        self.baseDepth = deserializer.pointee.context.depth
        self.limits = limits
        erased = self
    }

    func deactivate() {
        isActive = false
        erased = nil
        // The cached containers hold this decoder: let the cycle go.
        for index in frames.indices { frames[index].cachedContainer = nil }
    }

    /// Where the input is, for errors found after a read.
    var position: InputPosition? { deserializer.pointee.position }

    /// Decodes the top-level value.
    func decodeRoot<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try decodeSingle(type)
        if let failure { throw failure }
        return value
    }

    // MARK: Coding paths

    var codingPath: [any CodingKey] { codingPath(through: current.frame) }

    /// The coding path of the entry being decoded in frame `last`, and the frames around it.
    func codingPath(through last: Int) -> [any CodingKey] { frames.codingPath(through: last) }

    func containerPath(_ frame: Int) -> [any CodingKey] { codingPath(through: frame - 1) }

    func error(_ kind: LodumError.Kind, at path: [any CodingKey]) -> LodumError {
        LodumError(kind, path: basePath.appending(path), position: position)
    }

    func mismatch(_ expected: String, found kind: ValueKind, at path: [any CodingKey]) -> LodumError {
        error(.typeMismatch(expected: expected, found: kind == .map ? "Object" : "Array"), at: path)
    }

    // MARK: Values

    /// How a value of type `T` is read.
    private func route<T>(_ type: T.Type) -> ValueRoute {
        let identifier = ObjectIdentifier(type)
        if identifier == lastPlainType { return .plain }
        if let lastArrayType, lastArrayType.identifier == identifier { return .array(lastArrayType.type) }
        return classify(type, identifier)
    }

    /// The casts behind ``route(_:)``, out of line: they look up conformances, which the
    /// common path, a type met just before, does not need.
    @inline(never)
    private func classify<T>(_ type: T.Type, _ identifier: ObjectIdentifier) -> ValueRoute {
        if let lodumType = type as? any Deserializable.Type { return .lodum(lodumType) }
        if let arrayType = type as? any BridgeDecodableArray.Type {
            lastArrayType = (identifier, arrayType)
            return .array(arrayType)
        }
        lastPlainType = identifier
        return .plain
    }

    func checkUsable() throws {
        if let failure { throw failure }
        guard isActive else {
            throw LodumError(.unsupportedValue("a Codable container was read after the value that opened it"), path: basePath)
        }
    }

    /// Runs a read of the input. If it fails, the input is no longer at a known place, so
    /// the whole decode ends with this error, whatever Codable code catches.
    private func reading<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch {
            record(error)
            throw error
        }
    }

    /// Decodes a value that is next in the input, at `slot`.
    ///
    /// When Codable code throws (a failed validation, a mismatch found before reading), the
    /// rest of what the value opened is read, so the input is back at a value boundary and
    /// the caller may catch the error and go on, as with a tree; ``failedValueState`` then
    /// tells whether the value is still ahead in the input.
    func decodeValue<T: Decodable>(_ type: T.Type, at slot: Slot, route: ValueRoute) throws -> T {
        guard baseDepth + frameCount < limits.maxDepth else {
            throw error(.limitExceeded(.depth(limits.maxDepth)), at: codingPath(through: slot.frame))
        }
        let saved = current
        let framesBefore = frameCount
        current = slot
        level += 1
        defer {
            level -= 1
            current = saved
        }
        let value: T
        do {
            if case .array(let arrayType) = route {
                value = try decodeArray(arrayType, as: type)
            } else if let decoder = erased {
                // `init(from:)` takes its decoder owned: the copy made here is handed over,
                // not copied again.
                value = try T(from: consume decoder)
            } else {
                value = try T(from: self)
            }
            try closeFrames()
            // A value whose decoding read nothing still takes its place in the input.
            if case .atReader = current.state {
                try reading { try deserializer.pointee.skipValue() }
                current.state = .consumed
            }
        } catch {
            if failure == nil { try? closeFrames() }
            // Frames left open now belong to a decode that has failed for good.
            frameCount = framesBefore
            failedValueState = current.state
            throw error
        }
        if let failure { throw failure }
        return value
    }

    /// Decodes a value next in the input at `slot`, taking the direct path for Lodum types.
    func decode<T: Decodable>(_ type: T.Type, at slot: Slot) throws -> T {
        let route = route(T.self)
        if case .lodum(let lodumType) = route {
            return try decodeLodum(type, as: lodumType, at: slot)
        }
        return try decodeValue(type, at: slot, route: route)
    }

    /// Reads an array next in the input as `Array.init(from:)` reads it through
    /// ``unkeyedContainer()``, element by element, but without what that costs per element:
    /// a generic metadata lookup inside the standard library's loop, and two existential
    /// calls into the unkeyed container.
    private func decodeArray<T>(_ arrayType: any BridgeDecodableArray.Type, as type: T.Type) throws -> T {
        let decoded = try arrayType.decodeBridged(with: self)
        guard let typed = decoded as? T else {
            throw error(.typeMismatch(expected: "\(T.self)", found: "\(arrayType)"), at: codingPath)
        }
        return typed
    }

    /// The elements of the array next in the input (see ``decodeArray(_:as:)``).
    ///
    /// Generic over the array type rather than its element: in code not specialized for the
    /// element, `[Element]`'s metadata would be looked up for every `append`, where `Array`'s
    /// metadata is handed in here.
    func decodeElements<Elements: BridgeDecodableArray>(_ type: Elements.Type) throws -> Elements {
        // A held value (a scalar read for a mismatch, a tree) goes the usual way, through the
        // tree decoder's container.
        guard case .atReader = current.state else {
            if let erased { return try Elements(from: erased) }
            return try Elements(from: self)
        }
        try checkUsable()
        let frame = try openFrame(keyed: false, expected: "Array")
        var elements = Elements()
        // The frame stays the innermost open one and the decode usable between elements:
        // each element's decode closes what it opened, and one that fails throws.
        while !isAtEnd(frame) {
            elements.append(try decodeElement(Elements.Element.self, in: frame))
        }
        return elements
    }

    /// Out of line: the cast back to `T` needs `Optional<T>`'s metadata, which the common
    /// path should not look up for every value.
    @inline(never)
    private func decodeLodum<T: Decodable>(_ type: T.Type, as lodumType: any Deserializable.Type, at slot: Slot) throws -> T {
        // The reader's own path and position serve its errors. Whatever it read, the input
        // is no longer at a known place if it fails.
        let decoded = try reading { try lodumType.init(from: &deserializer.pointee) }
        guard let typed = decoded as? T else {
            throw error(.typeMismatch(expected: "\(T.self)", found: "\(lodumType)"), at: codingPath(through: slot.frame))
        }
        return typed
    }

    /// Decodes the value of the current slot as `type`.
    func decodeSingle<T: Decodable>(_ type: T.Type) throws -> T {
        try checkUsable()
        if case .held(let held) = current.state {
            return try decodeHeld(type, from: held, at: codingPath)
        }
        guard case .atReader = current.state else {
            throw error(.typeMismatch(expected: "\(T.self)", found: "a value already read"), at: codingPath)
        }
        do {
            let value = try decode(type, at: current)
            current.state = .consumed
            return value
        } catch {
            // The nested value stood where this one does: what it read, this one read.
            current.state = failedValueState
            throw error
        }
    }

    /// Decodes a tree-held value through the tree decoder.
    func decodeHeld<T: Decodable>(_ type: T.Type, from value: Value, at path: [any CodingKey]) throws -> T {
        do {
            let decoder = ValueDecoder(value: value, codingPath: path, basePath: basePath, position: nil, limits: limits)
            return try decoder.decodeValue(type, from: value, at: path)
        } catch var failure as LodumError {
            if failure.position == nil { failure.position = position }
            throw failure
        }
    }

    /// A tree decoder over `value`, for containers Codable lets the caller keep.
    func heldDecoder(_ value: Value, at path: [any CodingKey]) -> ValueDecoder {
        ValueDecoder(value: value, codingPath: path, basePath: basePath, position: position, limits: limits)
    }

    /// Reads the scalar next in the input.
    func readScalar(_ kind: ValueKind) throws -> Value {
        try reading { try deserializer.pointee.readScalar(ofKind: kind) }
    }

    /// Reads the value next in the input if it is a scalar; `nil`, reading nothing, at an
    /// object or an array.
    func readScalarValue() throws -> Value? {
        try reading { try deserializer.pointee.readScalarValue() }
    }

    /// Reads the value next in the input whole, as a tree.
    func readTree() throws -> Value {
        try reading { try Value(from: &deserializer.pointee) }
    }

    func peekKind() throws -> ValueKind {
        try reading { try deserializer.pointee.peekKind() }
    }

    /// The current slot's value as a scalar: held, or read now and held. An object or an
    /// array is a mismatch, found without reading it.
    func slotScalar(expected: String) throws -> Value {
        try checkUsable()
        switch current.state {
        case .held(let value): return value
        case .consumed:
            throw error(.typeMismatch(expected: expected, found: "a value already read"), at: codingPath)
        case .atReader:
            guard let value = try readScalarValue() else { throw mismatch(expected, found: try peekKind(), at: codingPath) }
            current.state = .held(value)
            return value
        }
    }

    func slotIsNil() -> Bool {
        switch current.state {
        case .held(let value):
            if case .null = value { return true }
            return false
        case .consumed:
            return false
        case .atReader:
            guard isActive, failure == nil, (try? deserializer.pointee.peekKind()) == .null else { return false }
            do {
                current.state = .held(try readScalar(.null))
                return true
            } catch {
                record(error)
                return false
            }
        }
    }

    func record(_ error: any Error) {
        if failure == nil { failure = error }
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try checkUsable()
        let frame: Int
        if frameCount > 0, frames[frameCount - 1].owner == level, frames[frameCount - 1].isKeyed {
            frame = frameCount - 1
        } else if case .held(let value) = current.state {
            return try heldDecoder(value, at: codingPath).container(keyedBy: type)
        } else {
            frame = try openFrame(keyed: true, expected: "Object")
        }
        // Values of one type ask for the same kind of container at the same depth, one
        // value after another (the elements of an array): the container made for the first
        // serves them all, which spares the generic metadata lookups and the allocation of
        // Codable's box each time. It names its frame by depth (id 0), not by identity.
        if frames[frame].cachedKeyType == ObjectIdentifier(Key.self), let cached = frames[frame].cachedContainer {
            // Stored with this key type, so the holder is this key type's: no dynamic cast,
            // which would look up metadata as the container's creation does.
            return unsafeDowncast(cached, to: KeyedContainerHolder<KeyedDecodingContainer<Key>>.self).copy()
        }
        return makeKeyedContainer(type, frame: frame)
    }

    /// Out of line, so that the common path does not look up the metadata it needs.
    @inline(never)
    private func makeKeyedContainer<Key: CodingKey>(_ type: Key.Type, frame: Int) -> KeyedDecodingContainer<Key> {
        let container = KeyedDecodingContainer(StreamingKeyedDecodingContainer<D, Key>(decoder: self, frame: frame, id: 0))
        frames[frame].cachedContainer = KeyedContainerHolder(container)
        frames[frame].cachedKeyType = ObjectIdentifier(Key.self)
        return container
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try checkUsable()
        if frameCount > 0, frames[frameCount - 1].owner == level, !frames[frameCount - 1].isKeyed {
            let frame = frameCount - 1
            return StreamingUnkeyedDecodingContainer(decoder: self, frame: frame, id: frames[frame].id)
        }
        if case .held(let value) = current.state {
            return try heldDecoder(value, at: codingPath).unkeyedContainer()
        }
        let frame = try openFrame(keyed: false, expected: "Array")
        return StreamingUnkeyedDecodingContainer(decoder: self, frame: frame, id: frames[frame].id)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        try checkUsable()
        return StreamingSingleValueDecodingContainer(decoder: self)
    }

    /// Enters the object or array next in the input. A value of another shape is a
    /// mismatch; a scalar is read and held first, so that its description names it and the
    /// caller may still decode it another way.
    private func openFrame(keyed: Bool, expected: String) throws -> Int {
        guard case .atReader = current.state else {
            throw error(.typeMismatch(expected: expected, found: "a value already read"), at: codingPath)
        }
        let kind = try peekKind()
        guard kind == (keyed ? .map : .sequence) else {
            if kind == .map || kind == .sequence { throw mismatch(expected, found: kind, at: codingPath) }
            let value = try readScalar(kind)
            current.state = .held(value)
            throw error(.typeMismatch(expected: expected, found: value.summary), at: codingPath)
        }
        current.state = .consumed
        let count = try reading { () throws -> Int? in
            try deserializer.pointee.enterLimitedContainer()
            return keyed ? try deserializer.pointee.beginMap() : try deserializer.pointee.beginSeq()
        }
        if frameCount == frames.count { frames.append(Frame()) }
        let frame = frameCount
        frames[frame].reset(id: nextID, owner: level, isKeyed: keyed)
        frames[frame].count = count
        nextID += 1
        frameCount += 1
        if keyed { try fill(frame) }
        return frame
    }

    func isLive(_ frame: Int, id: Int) -> Bool {
        isActive && frame < frameCount && (id == 0 || frames[frame].id == id)
    }

    /// Checks that a container may still be read: the bridge call is running, the container
    /// is the innermost open one, and the input is at a value boundary.
    func checkReadable(_ frame: Int, id: Int) throws {
        try checkUsable()
        guard frame == frameCount - 1, id == 0 || frames[frame].id == id else {
            throw LodumError(.unsupportedValue(
                "a Codable container was read after the value that opened it, or while a nested value was being decoded"),
                path: basePath)
        }
    }

    /// Reads the rest of the containers the current value opened.
    private func closeFrames() throws {
        try reading { try closeFramesUnchecked() }
    }

    private func closeFramesUnchecked() throws {
        while frameCount > 0, frames[frameCount - 1].owner == level {
            let frame = frameCount - 1
            if frames[frame].isKeyed {
                if frames[frame].pendingKey != nil {
                    frames[frame].pendingKey = nil
                    try deserializer.pointee.skipValue()
                }
                while !frames[frame].ended {
                    guard let key = try deserializer.pointee.nextMapKey(reusing: &frames[frame].keys) else { break }
                    if frames[frame].usedEarly { try checkNotUsed(key, in: frame) }
                    try deserializer.pointee.skipValue()
                }
            } else if !frames[frame].ended {
                if frames[frame].atElement {
                    try deserializer.pointee.skipValue()
                }
                while try deserializer.pointee.nextElement() {
                    try deserializer.pointee.skipValue()
                }
            }
            deserializer.pointee.context.exitContainer()
            frameCount -= 1
        }
    }

    // MARK: Keyed frames

    typealias Lookup = BridgeLookup

    /// Refuses a key that appears again in the input after its value was handed out: the
    /// value used was not the last, which Codable's other decoders would have used (and
    /// under ``DuplicateKeyPolicy/reject`` it is a repeat). Callers look at `usedEarly`
    /// first, so that an object read whole before use costs no call.
    private func checkNotUsed(_ key: String, in frame: Int) throws {
        if frames[frame].members.contains(where: { $0.key == key && ($0.used || $0.value == nil) }) {
            let path = containerPath(frame) + [BridgeKey(stringValue: key)]
            if limits.duplicateKeys == .reject { throw error(.duplicateKey(key), at: path) }
            throw error(.unsupportedValue(
                "the key \(String(reflecting: key)) appears again after its value was read; the Codable bridge reads each key once"),
                at: path)
        }
    }

    /// Reads members into frame `frame` until an object or array member, or the end.
    private func fill(_ frame: Int) throws {
        try reading { try fillUnchecked(frame) }
    }

    private func fillUnchecked(_ frame: Int) throws {
        while true {
            guard let key = try deserializer.pointee.nextMapKey(reusing: &frames[frame].keys) else {
                frames[frame].ended = true
                return
            }
            if frames[frame].usedEarly { try checkNotUsed(key, in: frame) }
            let value: Value
            do {
                guard let scalar = try deserializer.pointee.readScalarValue() else {
                    deserializer.pointee.context.atKey(key, isField: true)
                    frames[frame].pendingKey = key
                    return
                }
                value = scalar
            } catch var failure as LodumError {
                // The key is recorded in the path only when a read fails: a scalar's read
                // runs no code that could ask for the path.
                deserializer.pointee.context.atKey(key, isField: true)
                failure.path = deserializer.pointee.context.path
                throw failure
            }
            frames[frame].members.append(Member(key: key, value: value))
        }
    }

    /// Reads the member in the way (an object or array) as a tree, then more members.
    private func advance(_ frame: Int) throws {
        if let key = frames[frame].pendingKey {
            deserializer.pointee.context.atKey(key, isField: true)
            let value = try readTree()
            frames[frame].pendingKey = nil
            frames[frame].members.append(Member(key: key, value: value))
        }
        try fill(frame)
    }

    /// Finds `key` in frame `frame`, reading further into the object if need be.
    func lookup(_ key: String, in frame: Int) throws -> Lookup {
        var searched = 0
        while true {
            // From the end, so that a key read twice gives its last value, as in a tree; each
            // pass looks only at the members read since the last one.
            var index = frames[frame].members.count
            let end = index
            while index > searched {
                index -= 1
                guard frames[frame].members[index].key == key else { continue }
                // A repeat is looked for only among the keys the Codable code asks for, as
                // a struct reads only its own fields' keys; a key arriving after its value
                // was handed out is caught as it is read (`checkNotUsed`).
                if index > 0, limits.duplicateKeys == .reject {
                    var earlier = index
                    while earlier > 0 {
                        earlier -= 1
                        guard frames[frame].members[earlier].key == key else { continue }
                        throw error(.duplicateKey(key), at: containerPath(frame) + [BridgeKey(stringValue: key)])
                    }
                }
                guard let value = frames[frame].members[index].value else { return .streamed }
                if !frames[frame].ended {
                    frames[frame].members[index].used = true
                    frames[frame].usedEarly = true
                }
                return .held(value)
            }
            searched = end
            if frames[frame].pendingKey == key { return .atReader }
            if frames[frame].ended { return .missing }
            try advance(frame)
        }
    }

    /// The error for a member asked for again after it was read straight from the input.
    func readTwice(_ key: String, in frame: Int) -> LodumError {
        error(.unsupportedValue(
            "the key \(String(reflecting: key)) was asked for again after its value was read from the input; the Codable bridge reads an object or array member once"),
            at: containerPath(frame) + [BridgeKey(stringValue: key)])
    }

    /// Reads every member, for `allKeys` and containers that must be held.
    func readAll(_ frame: Int) throws {
        while !frames[frame].ended { try advance(frame) }
    }

    func memberKeys(_ frame: Int) -> [String] { frames[frame].members.map(\.key) }

    /// Reads the member under `key`, next in the input, as a tree, and holds it.
    func holdPending(_ key: String, in frame: Int) throws -> Value {
        deserializer.pointee.context.atKey(key, isField: true)
        let value = try readTree()
        frames[frame].pendingKey = nil
        frames[frame].members.append(Member(key: key, value: value, used: true))
        frames[frame].usedEarly = true
        return value
    }

    /// Decodes the member under `key`, next in the input, straight from it.
    func decodePending<T: Decodable>(_ type: T.Type, key: String, codingKey: any CodingKey, in frame: Int) throws -> T {
        deserializer.pointee.context.atKey(key, isField: true)
        frames[frame].childKey = codingKey
        do {
            let value = try decode(type, at: Slot(frame: frame))
            readPending(key, in: frame, as: nil)
            return value
        } catch {
            // A value that failed after reading itself whole is gone from the input; one that
            // failed before reading anything is still the next member.
            if failure == nil {
                switch failedValueState {
                case .atReader: break
                case .held(let value): readPending(key, in: frame, as: value)
                case .consumed: readPending(key, in: frame, as: nil)
                }
            }
            throw error
        }
    }

    /// Records that the member next in the input was read: held, or decoded and gone.
    private func readPending(_ key: String, in frame: Int, as value: Value?) {
        frames[frame].pendingKey = nil
        frames[frame].members.append(Member(key: key, value: value, used: true))
        frames[frame].usedEarly = true
    }

    // MARK: Unkeyed frames

    func isAtEnd(_ frame: Int) -> Bool {
        if frames[frame].ended { return true }
        if frames[frame].atElement { return false }
        guard failure == nil else { return true }
        do {
            if try deserializer.pointee.nextElement() {
                frames[frame].atElement = true
                return false
            }
            frames[frame].ended = true
        } catch {
            record(error)
        }
        return true
    }

    func count(_ frame: Int) -> Int? { frames[frame].count }
    func index(_ frame: Int) -> Int { frames[frame].index }

    func elementPath(_ frame: Int) -> [any CodingKey] {
        containerPath(frame) + [BridgeKey(index: frames[frame].index)]
    }

    /// Moves past the current element.
    func advanceElement(_ frame: Int) {
        frames[frame].atElement = false
        frames[frame].index += 1
    }

    /// Checks that an element is next, and records its index in the path.
    func requireElement(_ frame: Int) throws {
        guard !isAtEnd(frame) else {
            if let failure { throw failure }
            throw error(.typeMismatch(expected: "another element", found: "end of array"), at: elementPath(frame))
        }
        deserializer.pointee.context.atIndex(frames[frame].index)
    }

    /// Reads the current element as a scalar (or a tree, if it is not one) and moves on.
    func nextElementValue(_ frame: Int) throws -> Value {
        try requireElement(frame)
        let value = try readScalarValue() ?? readTree()
        advanceElement(frame)
        return value
    }

    func decodeElementNil(_ frame: Int) throws -> Bool {
        guard !isAtEnd(frame) else { return false }
        guard try peekKind() == .null else { return false }
        _ = try readScalar(.null)
        advanceElement(frame)
        return true
    }

    /// Decodes the current element straight from the input and moves on. An element that
    /// fails before anything of it was read is skipped, as the tree decoder moves past it.
    func decodeElement<T: Decodable>(_ type: T.Type, in frame: Int) throws -> T {
        try requireElement(frame)
        do {
            let value = try decode(type, at: Slot(frame: frame))
            advanceElement(frame)
            return value
        } catch {
            if failure == nil {
                if case .atReader = failedValueState {
                    try reading { try deserializer.pointee.skipValue() }
                }
                advanceElement(frame)
            }
            throw error
        }
    }
}

struct StreamingKeyedDecodingContainer<D: Deserializer, Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: StreamingDecoder<D>
    let frame: Int
    let id: Int

    var codingPath: [any CodingKey] {
        decoder.isLive(frame, id: id) ? decoder.containerPath(frame) : []
    }

    var allKeys: [Key] {
        guard decoder.isLive(frame, id: id) else { return [] }
        do {
            try decoder.readAll(frame)
        } catch {
            decoder.record(error)
        }
        return decoder.memberKeys(frame).compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        guard decoder.isLive(frame, id: id) else { return false }
        do {
            if case .missing = try decoder.lookup(key.stringValue, in: frame) { return false }
            return true
        } catch {
            decoder.record(error)
            return false
        }
    }

    private func path(_ key: Key) -> [any CodingKey] { decoder.containerPath(frame) + [key] }

    /// The value under `key` as a scalar; an object or array member is a mismatch.
    private func scalar(_ key: Key, expected: String) throws -> Value {
        try decoder.checkReadable(frame, id: id)
        switch try decoder.lookup(key.stringValue, in: frame) {
        case .held(let value): return value
        case .atReader: throw decoder.error(.typeMismatch(expected: expected, found: "Object or Array"), at: path(key))
        case .streamed: throw decoder.readTwice(key.stringValue, in: frame)
        case .missing: throw decoder.error(.missingField(key.stringValue), at: path(key))
        }
    }

    private func unbox<T>(_ key: Key, _ expected: String, _ read: (Value) throws(ScalarMismatch) -> T) throws -> T {
        let value = try scalar(key, expected: expected)
        do { return try read(value) } catch { throw decoder.error(error.kind, at: path(key)) }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try decoder.checkReadable(frame, id: id)
        switch try decoder.lookup(key.stringValue, in: frame) {
        case .held(let value):
            if case .null = value { return true }
            return false
        case .atReader, .streamed: return false  // an object or an array
        case .missing: throw decoder.error(.missingField(key.stringValue), at: path(key))
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try unbox(key, "Bool") { v throws(ScalarMismatch) in try v.bridgedBool() } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try unbox(key, "String") { v throws(ScalarMismatch) in try v.bridgedString() } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try unbox(key, "Double") { v throws(ScalarMismatch) in try v.bridgedDouble() } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decode(Double.self, forKey: key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try unbox(key, "Int") { v throws(ScalarMismatch) in try v.bridgedInteger(Int.self) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try unbox(key, "Int8") { v throws(ScalarMismatch) in try v.bridgedInteger(Int8.self) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try unbox(key, "Int16") { v throws(ScalarMismatch) in try v.bridgedInteger(Int16.self) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try unbox(key, "Int32") { v throws(ScalarMismatch) in try v.bridgedInteger(Int32.self) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try unbox(key, "Int64") { v throws(ScalarMismatch) in try v.bridgedInteger(Int64.self) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try unbox(key, "UInt") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt.self) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try unbox(key, "UInt8") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt8.self) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try unbox(key, "UInt16") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt16.self) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try unbox(key, "UInt32") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt32.self) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try unbox(key, "UInt64") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt64.self) } }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.checkReadable(frame, id: id)
        switch try decoder.lookup(key.stringValue, in: frame) {
        case .held(let value): return try decoder.decodeHeld(type, from: value, at: path(key))
        case .atReader: return try decoder.decodePending(type, key: key.stringValue, codingKey: key, in: frame)
        case .streamed: throw decoder.readTwice(key.stringValue, in: frame)
        case .missing: throw decoder.error(.missingField(key.stringValue), at: path(key))
        }
    }

    /// The member under `key` as a tree, for containers the caller may keep; `nil` when absent.
    private func held(_ key: Key) throws -> Value? {
        try decoder.checkReadable(frame, id: id)
        switch try decoder.lookup(key.stringValue, in: frame) {
        case .held(let value): return value
        case .atReader: return try decoder.holdPending(key.stringValue, in: frame)
        case .streamed: throw decoder.readTwice(key.stringValue, in: frame)
        case .missing: return nil
        }
    }

    private func require(_ key: Key) throws -> Value {
        guard let value = try held(key) else { throw decoder.error(.missingField(key.stringValue), at: path(key)) }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let value = try require(key)
        return try decoder.heldDecoder(value, at: path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let value = try require(key)
        return try decoder.heldDecoder(value, at: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try decoder.checkReadable(frame, id: id)
        let superKey = BridgeKey.super.stringValue
        let value: Value
        switch try decoder.lookup(superKey, in: frame) {
        case .held(let held): value = held
        case .atReader: value = try decoder.holdPending(superKey, in: frame)
        case .streamed: throw decoder.readTwice(superKey, in: frame)
        case .missing: value = .null
        }
        return decoder.heldDecoder(value, at: decoder.containerPath(frame) + [BridgeKey.super])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.heldDecoder(try held(key) ?? .null, at: path(key))
    }
}

struct StreamingUnkeyedDecodingContainer<D: Deserializer>: UnkeyedDecodingContainer {
    let decoder: StreamingDecoder<D>
    let frame: Int
    let id: Int

    var codingPath: [any CodingKey] {
        decoder.isLive(frame, id: id) ? decoder.containerPath(frame) : []
    }

    var count: Int? { decoder.isLive(frame, id: id) ? decoder.count(frame) : nil }
    var isAtEnd: Bool { decoder.isLive(frame, id: id) ? decoder.isAtEnd(frame) : true }
    var currentIndex: Int { decoder.isLive(frame, id: id) ? decoder.index(frame) : 0 }

    mutating func decodeNil() throws -> Bool {
        try decoder.checkReadable(frame, id: id)
        return try decoder.decodeElementNil(frame)
    }

    private func unbox<T>(_ read: (Value) throws(ScalarMismatch) -> T) throws -> T {
        try decoder.checkReadable(frame, id: id)
        let path = decoder.elementPath(frame)
        let value = try decoder.nextElementValue(frame)
        do { return try read(value) } catch { throw decoder.error(error.kind, at: path) }
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try unbox { v throws(ScalarMismatch) in try v.bridgedBool() } }
    mutating func decode(_ type: String.Type) throws -> String { try unbox { v throws(ScalarMismatch) in try v.bridgedString() } }
    mutating func decode(_ type: Double.Type) throws -> Double { try unbox { v throws(ScalarMismatch) in try v.bridgedDouble() } }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(Int.self) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(Int8.self) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(Int16.self) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(Int32.self) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(Int64.self) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(UInt.self) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(UInt8.self) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(UInt16.self) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(UInt32.self) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try unbox { v throws(ScalarMismatch) in try v.bridgedInteger(UInt64.self) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.checkReadable(frame, id: id)
        return try decoder.decodeElement(type, in: frame)
    }

    /// The current element as a tree, for containers the caller may keep.
    private func held() throws -> (Value, [any CodingKey]) {
        try decoder.checkReadable(frame, id: id)
        let path = decoder.elementPath(frame)
        return (try decoder.nextElementValue(frame), path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try held()
        return try decoder.heldDecoder(value, at: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try held()
        return try decoder.heldDecoder(value, at: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try held()
        return decoder.heldDecoder(value, at: path)
    }
}

struct StreamingSingleValueDecodingContainer<D: Deserializer>: SingleValueDecodingContainer {
    let decoder: StreamingDecoder<D>

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.slotIsNil() }

    private func unbox<T>(_ expected: String, _ read: (Value) throws(ScalarMismatch) -> T) throws -> T {
        let value = try decoder.slotScalar(expected: expected)
        do { return try read(value) } catch { throw decoder.error(error.kind, at: codingPath) }
    }

    func decode(_ type: Bool.Type) throws -> Bool { try unbox("Bool") { v throws(ScalarMismatch) in try v.bridgedBool() } }
    func decode(_ type: String.Type) throws -> String { try unbox("String") { v throws(ScalarMismatch) in try v.bridgedString() } }
    func decode(_ type: Double.Type) throws -> Double { try unbox("Double") { v throws(ScalarMismatch) in try v.bridgedDouble() } }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try unbox("Int") { v throws(ScalarMismatch) in try v.bridgedInteger(Int.self) } }
    func decode(_ type: Int8.Type) throws -> Int8 { try unbox("Int8") { v throws(ScalarMismatch) in try v.bridgedInteger(Int8.self) } }
    func decode(_ type: Int16.Type) throws -> Int16 { try unbox("Int16") { v throws(ScalarMismatch) in try v.bridgedInteger(Int16.self) } }
    func decode(_ type: Int32.Type) throws -> Int32 { try unbox("Int32") { v throws(ScalarMismatch) in try v.bridgedInteger(Int32.self) } }
    func decode(_ type: Int64.Type) throws -> Int64 { try unbox("Int64") { v throws(ScalarMismatch) in try v.bridgedInteger(Int64.self) } }
    func decode(_ type: UInt.Type) throws -> UInt { try unbox("UInt") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt.self) } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try unbox("UInt8") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt8.self) } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try unbox("UInt16") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt16.self) } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try unbox("UInt32") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt32.self) } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try unbox("UInt64") { v throws(ScalarMismatch) in try v.bridgedInteger(UInt64.self) } }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decodeSingle(type)
    }
}

// The decoder's state lives outside the generic class: types nested in it would be generic
// too, and every use would look their metadata up at run time.

/// How the streaming decoder reads a value of a given type.
enum ValueRoute {
    /// Through the type's own `init(from:)`.
    case plain
    /// A Lodum type, read straight from the input.
    case lodum(any Deserializable.Type)
    /// An array, read by the decoder itself.
    case array(any BridgeDecodableArray.Type)
}

/// An array whose elements the streaming decoder reads itself, rather than through
/// `Array.init(from:)`, whose loop it follows.
protocol BridgeDecodableArray: RangeReplaceableCollection, Decodable where Element: Decodable {}

extension BridgeDecodableArray {
    /// The array next in `decoder`'s input.
    static func decodeBridged<D: Deserializer>(with decoder: StreamingDecoder<D>) throws -> Self {
        try decoder.decodeElements(Self.self)
    }
}

extension Array: BridgeDecodableArray where Element: Decodable {}

/// The state of the value being decoded.
enum BridgeSlotState {
    /// The value is next in the input, not yet touched.
    case atReader
    /// The value was read whole (a scalar, or a tree), and is decoded from here.
    case held(Value)
    /// The value's reading has started or finished in the input.
    case consumed
}

/// Where the value being decoded sits.
struct BridgeDecodingSlot {
    /// The frame holding the value; -1 for the top-level value.
    var frame: Int
    var state: BridgeSlotState = .atReader
}

/// One member of a keyed frame's object.
struct BridgeMember {
    var key: String
    /// `nil` once the member was read straight from the input.
    var value: Value?
    /// Whether the value was handed out before the object's end was read, so that a
    /// later member with the same key must be refused rather than silently ignored.
    var used = false
}

/// An open keyed or unkeyed container.
struct BridgeDecodingFrame: BridgeFrame {
    var id = 0
    var owner = 0
    var isKeyed = true
    // Keyed: the members read so far, in input order.
    var members: [BridgeMember] = []
    /// The key of the object or array the input is positioned at.
    var pendingKey: String?
    /// Whether the container's end has been read.
    var ended = false
    /// Whether any member was handed out before the end was read.
    var usedEarly = false
    // Unkeyed.
    var count: Int?
    var index = 0
    /// Whether `nextElement` reported an element that has not been read yet.
    var atElement = false
    /// The key of the nested value being decoded, for coding paths.
    var childKey: (any CodingKey)?
    var childPosition: Int { index }
    /// The keyed container last handed out at this depth, and its key type, kept across
    /// frames (see ``StreamingDecoder/container(keyedBy:)``).
    var cachedContainer: AnyObject?
    var cachedKeyType: ObjectIdentifier?
    /// The keys met at this depth, kept across frames: the objects at one depth are mostly
    /// of one type, whose keys are then read without making their `String`s again.
    var keys = MapKeyCache()

    mutating func reset(id: Int, owner: Int, isKeyed: Bool) {
        self.id = id
        self.owner = owner
        self.isKeyed = isKeyed
        members.empty()
        pendingKey = nil
        ended = false
        usedEarly = false
        count = nil
        index = 0
        atElement = false
        childKey = nil
    }
}

/// Where a key's value is.
enum BridgeLookup {
    /// Read, and held.
    case held(Value)
    /// Next in the input: an object or an array.
    case atReader
    /// An object or an array already read straight from the input, and gone.
    case streamed
    case missing
}
