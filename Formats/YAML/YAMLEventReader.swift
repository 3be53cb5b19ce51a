import CYAML
import LodumCore

/// libyaml's event parser over Lodum's input, with anchors, aliases and merge keys
/// resolved: what comes out is the stream of events of the document as if every alias had
/// been written out in full.
///
/// It keeps one libyaml event at a time, the nodes that carry anchors (recorded as events,
/// their aliases as references, so memory is bounded by the input, never by the expansion),
/// and a stack of the open collections. Every node that an alias or a merge key repeats
/// counts toward ``Limits/maxAliasExpansion``, and it counts when the alias is read: an
/// alias costs the whole expansion of its node at once (each recorded node knows its
/// size), so an alias bomb fails at its first oversized alias instead of after replaying
/// the limit's worth of nodes.
///
/// Its stored properties opt out of dynamic exclusivity checks: one reader belongs to one
/// `YAMLReader`, used by one thread at a time, and no access to a property spans a call
/// that could reach the same property. The checks cost more than libyaml's own parsing
/// per event otherwise.
@usableFromInline
final class YAMLEventReader {
    // MARK: libyaml

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let parserReady: Bool
    @exclusivity(unchecked) private var holdsEvent = false
    @exclusivity(unchecked) private var input: InputBuffer
    /// How much of the input window has been handed to libyaml.
    @exclusivity(unchecked) private var handedOver = 0
    /// An error of the byte source, reported through libyaml's read handler.
    /// Rethrown as the source threw it (as a format reading the buffer directly would).
    @exclusivity(unchecked) private var sourceFailure: (any Error)?
    let limits: Limits

    // MARK: The current event

    /// The kind of the current event.
    @exclusivity(unchecked) private(set) var kind = YAMLEventKind.streamStart
    /// The current event's tag.
    @exclusivity(unchecked) private(set) var tag = YAMLTag.none
    /// Whether the current scalar is plain (unquoted, not a block scalar).
    @exclusivity(unchecked) private(set) var isPlain = false
    /// The current scalar's UTF-8 text, valid until the next event.
    @exclusivity(unchecked) private(set) var text = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Where the current event starts.
    @exclusivity(unchecked) private(set) var mark = YAMLMark()
    /// The node the current alias event names.
    @exclusivity(unchecked) private(set) var aliasTarget: RecordedNode?
    /// Holds the text of replayed scalars; grows to the longest one.
    @exclusivity(unchecked) private var scratch = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 1)
    @exclusivity(unchecked) private var scratchCapacity = 256

    // MARK: Anchors

    /// Completed anchored nodes of the current document, by anchor name.
    @exclusivity(unchecked) private var anchors: [[UInt8]: RecordedNode] = [:]
    /// Anchored nodes still being read.
    @exclusivity(unchecked) private var recordings: [RecordedNode] = []
    /// Bytes held by recordings in this document, bounded like the input.
    @exclusivity(unchecked) private var recordedSize = 0

    struct Replay {
        let node: RecordedNode
        var index: Int
    }

    /// Recorded nodes being replayed, innermost last.
    @exclusivity(unchecked) private var replays: [Replay] = []
    /// Whether the current event comes from a replay rather than from libyaml. A replayed
    /// node was paid for, with every alias inside it, when its replay began.
    @exclusivity(unchecked) private(set) var isReplayed = false
    /// Nodes repeated by aliases and merge keys in this document.
    @exclusivity(unchecked) var expandedNodes = 0

    // MARK: Structure

    struct Frame {
        let isMapping: Bool
        /// In a mapping, whether the next node is a key.
        var expectsKey: Bool
        /// Where this mapping's keys start in `keyBytes` / `keyEnds`.
        let keyBytesStart: Int
        let keyEndsStart: Int
        /// More keys than are tracked for merge keys.
        var keysOverflowed = false
        /// A merge key has been resolved in this mapping.
        var merged = false
    }

    /// The open collections, innermost last.
    @exclusivity(unchecked) var frames: [Frame] = []
    /// The keys read so far in each open mapping, so a merge key does not override them.
    @exclusivity(unchecked) var keyBytes: [UInt8] = []
    @exclusivity(unchecked) var keyEnds: [Int] = []
    /// Keys tracked per mapping; a merge key after more than this many is refused.
    static let trackedKeysPerMapping = 1024

    /// Whether aliases, anchors and tags are resolved (`false` only to compare libyaml's
    /// raw events with the YAML test suite, through ``nextRawEvent()``).
    let resolvesReferences: Bool
    /// The last event as libyaml reported it, when references are not resolved.
    @exclusivity(unchecked) private(set) var rawEvent = YAMLRawEvent(kind: .streamStart)

    init(input: InputBuffer, limits: Limits, resolvesReferences: Bool = true) {
        self.input = input
        self.limits = limits
        self.resolvesReferences = resolvesReferences
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        parserReady = yaml_parser_initialize(parser) == 1
        guard parserReady else { return }
        if input.isExhausted {
            // Bytes in memory: libyaml reads them in place.
            yaml_parser_set_input_string(parser, input.base, input.count)
        } else {
            yaml_parser_set_input(parser, { data, buffer, size, sizeRead in
                guard let data, let buffer, let sizeRead else { return 0 }
                let reader = Unmanaged<YAMLEventReader>.fromOpaque(data).takeUnretainedValue()
                return reader.fill(buffer, capacity: size, sizeRead: sizeRead)
            }, Unmanaged.passUnretained(self).toOpaque())
        }
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        if parserReady { yaml_parser_delete(parser) }
        event.deinitialize(count: 1)
        event.deallocate()
        scratch.deallocate()
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// libyaml's read handler: hands over the next bytes of the input window, refilling it
    /// from the source when it is used up. Returns 1 on success (0 bytes at the end).
    private func fill(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int, sizeRead: UnsafeMutablePointer<Int>) -> Int32 {
        do {
            if handedOver == input.count {
                guard let shift = try input.refill(keepingFrom: input.count) else {
                    sizeRead.pointee = 0
                    return 1
                }
                handedOver -= shift
            }
            let count = min(capacity, input.count - handedOver)
            buffer.update(from: input.base + handedOver, count: count)
            handedOver += count
            sizeRead.pointee = count
            return 1
        } catch {
            sourceFailure = error
            return 0
        }
    }

    /// The position of the current event, or of libyaml's progress before the first one.
    var position: InputPosition { mark.position }

    // MARK: Reading events

    /// Reads the next event exactly as libyaml reports it, aliases and tags untouched.
    func nextRawEvent() throws -> YAMLRawEvent {
        try parseNext()
        return rawEvent
    }

    /// Moves to the next event of the resolved stream.
    func advance() throws {
        while true {
            try fetch()
            switch kind {
            case .alias:
                guard let target = aliasTarget else { throw syntaxError("an alias without its node") }
                // An alias in a replayed node is part of what that replay paid for.
                if !isReplayed { try countExpansion(target.expandedSize) }
                guard replays.count < limits.maxDepth else { throw LodumError(.limitExceeded(.depth(limits.maxDepth)), position: position) }
                replays.append(Replay(node: target, index: 0))
            case .scalar where isMergeKey:
                try resolveMergeKey()
            default:
                trackStructure()
                return
            }
        }
    }

    /// Whether the current event is a merge key: a plain, untagged `<<` where a key belongs.
    private var isMergeKey: Bool {
        guard isPlain, tag == .none, text.count == 2, text[0] == UInt8(ascii: "<"), text[1] == UInt8(ascii: "<"),
              let frame = frames.last else { return false }
        return frame.isMapping && frame.expectsKey
    }

    /// Moves to the next event as read or replayed, aliases not yet expanded.
    func fetch() throws {
        var top = replays.count - 1
        while top >= 0 {
            let node = replays[top].node
            let index = replays[top].index
            guard index < node.events.count else {
                replays.removeLast()
                top -= 1
                continue
            }
            replays[top].index = index + 1
            load(node.events[index])
            isReplayed = true
            return
        }
        isReplayed = false
        try parseNext()
    }

    /// Replays a mapping rebuilt by a merge key, which paid for it when it was read.
    func appendReplay(of node: RecordedNode) {
        replays.append(Replay(node: node, index: 0))
    }

    /// Counts nodes that aliases or merge keys repeat, against the limit.
    func countExpansion(_ nodes: Int) throws {
        expandedNodes = RecordedNode.adding(expandedNodes, nodes)
        if expandedNodes > limits.maxAliasExpansion {
            throw LodumError(.limitExceeded(.aliasExpansion(limits.maxAliasExpansion)), position: position)
        }
    }

    private func load(_ recorded: RecordedEvent) {
        kind = recorded.kind
        tag = recorded.tag
        isPlain = recorded.isPlain
        mark = recorded.mark
        aliasTarget = recorded.target
        let count = recorded.text.count
        if count > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(count, scratchCapacity * 2)
            scratch = .allocate(byteCount: scratchCapacity, alignment: 1)
        }
        recorded.text.withUnsafeBytes { scratch.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(scratch), byteCount: count) }
        text = UnsafeRawBufferPointer(start: scratch, count: count)
    }

    /// Reads libyaml's next event, resolves its tag and alias, and records it for the
    /// anchors being read.
    private func parseNext() throws {
        guard parserReady else { throw LodumError(.io("libyaml could not allocate its parser")) }
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw parseError() }
        holdsEvent = true
        guard resolvesReferences else {
            rawEvent = YAMLRawEvent(event.pointee)
            kind = rawEvent.kind
            mark = YAMLMark(event.pointee.start_mark)
            return
        }
        let data = event.pointee.data
        mark = YAMLMark(event.pointee.start_mark)
        tag = .none
        isPlain = false
        aliasTarget = nil
        text = UnsafeRawBufferPointer(start: nil, count: 0)
        var anchor: UnsafeMutablePointer<UInt8>?
        var tagText: UnsafeMutablePointer<UInt8>?
        switch event.pointee.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart
            startDocument()
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_SCALAR_EVENT:
            kind = .scalar
            text = UnsafeRawBufferPointer(start: data.scalar.value, count: data.scalar.length)
            isPlain = data.scalar.style == YAML_PLAIN_SCALAR_STYLE
            anchor = data.scalar.anchor
            tagText = data.scalar.tag
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            anchor = data.sequence_start.anchor
            tagText = data.sequence_start.tag
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            anchor = data.mapping_start.anchor
            tagText = data.mapping_start.tag
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_ALIAS_EVENT:
            kind = .alias
            let name = Self.bytes(of: data.alias.anchor)
            guard let target = anchors[name] else {
                if recordings.contains(where: { $0.anchor == name }) {
                    throw syntaxError("alias *\(String(decoding: name, as: UTF8.self)) refers to the node that contains it")
                }
                throw syntaxError("alias *\(String(decoding: name, as: UTF8.self)) names no anchor defined before it")
            }
            aliasTarget = target
        default:
            throw syntaxError("unexpected libyaml event")
        }
        if let tagText {
            let bytes = UnsafeRawBufferPointer(start: tagText, count: strlen(tagText))
            guard let known = YAMLTag.recognise(bytes) else {
                throw LodumError(.unsupportedValue("unknown tag \(YAMLTag.display(bytes)); Lodum reads only the core tags !!str !!int !!float !!bool !!null !!binary !!timestamp !!seq !!map"),
                                 position: position)
            }
            // A tag names the kind of its node: `!!str [1]` or `!!seq x` is not honoured by
            // being ignored.
            let fits: Bool
            switch kind {
            case .sequenceStart: fits = known == .seq || known == .nonSpecific
            case .mappingStart: fits = known == .map || known == .nonSpecific
            default: fits = known != .seq && known != .map
            }
            guard fits else {
                let node = kind == .sequenceStart ? "a sequence" : kind == .mappingStart ? "a mapping" : "a scalar"
                throw syntaxError("\(node) cannot carry the tag \(YAMLTag.display(bytes))")
            }
            tag = known
        }
        if !recordings.isEmpty { try record() }
        if let anchor { try beginRecording(anchor: Self.bytes(of: anchor)) }
    }

    private static func bytes(of cString: UnsafeMutablePointer<UInt8>?) -> [UInt8] {
        guard let cString else { return [] }
        return Array(UnsafeBufferPointer(start: cString, count: strlen(cString)))
    }

    private func startDocument() {
        anchors.removeAll(keepingCapacity: true)
        recordings.removeAll()
        replays.removeAll()
        frames.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        keyEnds.removeAll(keepingCapacity: true)
        expandedNodes = 0
        recordedSize = 0
    }

    // MARK: Anchors

    /// The current event as a recorded one.
    func recordedEvent() -> RecordedEvent {
        RecordedEvent(kind: kind, tag: tag, isPlain: isPlain, text: Array(text), target: aliasTarget, mark: mark)
    }

    /// Counts recorded bytes against the input size limit: anchors and merges keep events,
    /// and a stream's memory must stay bounded however long its input.
    func accountRecorded(_ event: RecordedEvent) throws {
        recordedSize += 32 + event.text.count
        if recordedSize > limits.maxInputSize {
            throw LodumError(.limitExceeded(.inputSize(limits.maxInputSize)), position: position)
        }
    }

    /// Appends the current event to every anchored node being read, and registers the ones
    /// it completes.
    private func record() throws {
        let recorded = recordedEvent()
        try accountRecorded(recorded)
        var index = 0
        while index < recordings.count {
            let node = recordings[index]
            node.append(recorded)
            switch kind {
            case .sequenceStart, .mappingStart: node.depth += 1
            case .sequenceEnd, .mappingEnd: node.depth -= 1
            default: break
            }
            if node.depth == 0 {
                if let anchor = node.anchor { anchors[anchor] = node }
                recordings.remove(at: index)
            } else {
                index += 1
            }
        }
    }

    /// Starts recording the node the current event opens, for its anchor.
    private func beginRecording(anchor: [UInt8]) throws {
        let node = RecordedNode(anchor: anchor)
        let recorded = recordedEvent()
        try accountRecorded(recorded)
        node.append(recorded)
        if kind == .scalar {
            anchors[anchor] = node
        } else {
            node.depth = 1
            recordings.append(node)
        }
    }

    // MARK: Structure

    /// Keeps the stack of open collections, and the keys of open mappings, up to date.
    private func trackStructure() {
        switch kind {
        case .scalar:
            let last = frames.count - 1
            if last >= 0, frames[last].isMapping, frames[last].expectsKey {
                if keyEnds.count - frames[last].keyEndsStart < Self.trackedKeysPerMapping {
                    keyBytes.append(contentsOf: text)
                    keyEnds.append(keyBytes.count)
                } else {
                    frames[last].keysOverflowed = true
                }
            }
            nodeCompleted()
        case .sequenceStart:
            frames.append(Frame(isMapping: false, expectsKey: false, keyBytesStart: keyBytes.count, keyEndsStart: keyEnds.count))
        case .mappingStart:
            frames.append(Frame(isMapping: true, expectsKey: true, keyBytesStart: keyBytes.count, keyEndsStart: keyEnds.count))
        case .sequenceEnd, .mappingEnd:
            if let frame = frames.popLast() {
                keyBytes.removeSubrange(frame.keyBytesStart...)
                keyEnds.removeSubrange(frame.keyEndsStart...)
            }
            nodeCompleted()
        default:
            break
        }
    }

    /// A whole node has been read: in a mapping, a key is followed by a value and a value
    /// by a key.
    private func nodeCompleted() {
        let last = frames.count - 1
        guard last >= 0, frames[last].isMapping else { return }
        frames[last].expectsKey.toggle()
    }

    // MARK: Errors

    func syntaxError(_ message: String) -> LodumError {
        LodumError(.syntax(message), position: position)
    }

    private func parseError() -> any Error {
        if let sourceFailure { return sourceFailure }
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        if state.error == YAML_READER_ERROR {
            return LodumError(.syntax("\(problem) at byte offset \(state.problem_offset)"), position: .binary(offset: Int(state.problem_offset)))
        }
        if state.error == YAML_MEMORY_ERROR {
            return LodumError(.io("libyaml ran out of memory"), position: position)
        }
        var message = problem
        if let context = state.context {
            let start = YAMLMark(state.context_mark)
            message += " (\(String(cString: context)) that starts at line \(start.line + 1), column \(start.column + 1))"
        }
        return LodumError(.syntax(message), position: YAMLMark(state.problem_mark).position)
    }
}
