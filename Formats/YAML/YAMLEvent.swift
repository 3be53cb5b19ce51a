import CYAML
import LodumCore

/// The kind of a parse event. ``alias`` never reaches the reader: the event reader replaces
/// it with the events of the node it names.
@usableFromInline
enum YAMLEventKind: Equatable, Sendable {
    case streamStart, streamEnd
    case documentStart, documentEnd
    case scalar
    case sequenceStart, sequenceEnd
    case mappingStart, mappingEnd
    case alias

    /// Whether the event opens a node (a scalar is a whole node).
    @inlinable var startsNode: Bool {
        self == .scalar || self == .sequenceStart || self == .mappingStart || self == .alias
    }
}

/// The tags Lodum honours. Any other tag is refused when it is read, by name: a tag never
/// selects a type to instantiate.
@usableFromInline
enum YAMLTag: Equatable, Sendable {
    /// No tag: plain scalars resolve by the schema, quoted ones are strings.
    case none
    /// `!`, the non-specific tag: the scalar is a string.
    case nonSpecific
    case str, int, float, bool, null, binary, timestamp, seq, map

    static let corePrefix = Array("tag:yaml.org,2002:".utf8)

    /// The tag for libyaml's resolved tag text, or `nil` when it is not one Lodum honours.
    static func recognise(_ text: UnsafeRawBufferPointer) -> YAMLTag? {
        if text.count == 1, text[0] == UInt8(ascii: "!") { return .nonSpecific }
        guard text.count > corePrefix.count, text.starts(with: corePrefix) else { return nil }
        switch String(decoding: text[corePrefix.count...], as: UTF8.self) {
        case "str": return .str
        case "int": return .int
        case "float": return .float
        case "bool": return .bool
        case "null": return .null
        case "binary": return .binary
        case "timestamp": return .timestamp
        case "seq": return .seq
        case "map": return .map
        default: return nil
        }
    }

    /// A tag as the user wrote it: `!!set` for core-schema tags, verbatim otherwise.
    static func display(_ text: UnsafeRawBufferPointer) -> String {
        if text.count > corePrefix.count, text.starts(with: corePrefix) {
            return "!!" + String(decoding: text[corePrefix.count...], as: UTF8.self)
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A position libyaml reports: 0-based line, column and character index.
@usableFromInline
struct YAMLMark: Equatable, Sendable {
    @usableFromInline var line = 0
    @usableFromInline var column = 0
    @usableFromInline var index = 0

    @inlinable init() {}

    init(_ mark: yaml_mark_t) {
        line = Int(mark.line)
        column = Int(mark.column)
        index = Int(mark.index)
    }

    /// As a Lodum position: `line L, column C`, both 1-based; the offset counts characters.
    @usableFromInline var position: InputPosition {
        .text(line: line + 1, column: column + 1, offset: index)
    }
}

/// An event kept for later: the events of an anchored node (replayed for each alias), or a
/// mapping rebuilt by a merge key. Its alias events point at the node they named when
/// they were read, so a later redefinition of the anchor does not change them.
@usableFromInline
struct RecordedEvent {
    var kind: YAMLEventKind
    var tag: YAMLTag
    var isPlain: Bool
    var text: [UInt8]
    var target: RecordedNode?
    var mark: YAMLMark

    /// The nodes this event stands for in the expanded document: 1 for a node's start, the
    /// whole expansion of the node an alias names, 0 for an end.
    var expandedSize: Int {
        if kind == .alias { return target?.expandedSize ?? 0 }
        return kind.startsNode ? 1 : 0
    }
}

/// The events of one node, in order.
@usableFromInline
final class RecordedNode {
    var events: [RecordedEvent] = []
    /// The nesting level reached while recording: 0 once the node is complete.
    var depth = 0
    /// The anchor this node is recorded for, if any.
    let anchor: [UInt8]?
    /// How many nodes the node expands to, its aliases expanded: what repeating it costs
    /// against ``Limits/maxAliasExpansion``. Saturates rather than overflows.
    var expandedSize = 0

    init(anchor: [UInt8]? = nil) {
        self.anchor = anchor
    }

    /// A node of events copied from another, with its size.
    init(events: ArraySlice<RecordedEvent>) {
        anchor = nil
        self.events = Array(events)
        expandedSize = Self.expandedSize(of: events)
    }

    var isMapping: Bool { events.first?.kind == .mappingStart }
    var isSequence: Bool { events.first?.kind == .sequenceStart }

    /// Appends an event, adding what it stands for to ``expandedSize``.
    func append(_ event: RecordedEvent) {
        events.append(event)
        expandedSize = Self.adding(expandedSize, event.expandedSize)
    }

    /// The nodes `events` stand for, their aliases expanded, saturating at `Int.max`.
    static func expandedSize(of events: some Sequence<RecordedEvent>) -> Int {
        events.reduce(0) { adding($0, $1.expandedSize) }
    }

    /// `a + b`, or `Int.max` when that overflows: expansions of nested aliases multiply.
    static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}

/// An event exactly as libyaml reports it, with its anchor, tag and style: what the YAML
/// test suite's `test.event` files describe.
struct YAMLRawEvent: Equatable {
    /// How a scalar was written.
    enum ScalarStyle: Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var kind: YAMLEventKind
    var anchor: String?
    /// The resolved tag: `tag:yaml.org,2002:str`, `!local`, `!`.
    var tag: String?
    /// A scalar's text, or the anchor an alias names.
    var text: String?
    var scalarStyle: ScalarStyle?
    /// A flow collection (`[…]`, `{…}`) rather than a block one.
    var isFlow = false
    /// A document start with `---`, or a document end with `...`.
    var isExplicit = false

    init(kind: YAMLEventKind) {
        self.kind = kind
    }

    init(_ event: yaml_event_t) {
        func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
            pointer.map { String(decoding: UnsafeBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) }
        }
        let data = event.data
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart
            isExplicit = data.document_start.implicit == 0
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd
            isExplicit = data.document_end.implicit == 0
        case YAML_ALIAS_EVENT:
            kind = .alias
            text = string(data.alias.anchor)
        case YAML_SCALAR_EVENT:
            kind = .scalar
            anchor = string(data.scalar.anchor)
            tag = string(data.scalar.tag)
            text = String(decoding: UnsafeRawBufferPointer(start: data.scalar.value, count: data.scalar.length), as: UTF8.self)
            switch data.scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: scalarStyle = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: scalarStyle = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: scalarStyle = .literal
            case YAML_FOLDED_SCALAR_STYLE: scalarStyle = .folded
            default: scalarStyle = .plain
            }
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            anchor = string(data.sequence_start.anchor)
            tag = string(data.sequence_start.tag)
            isFlow = data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            anchor = string(data.mapping_start.anchor)
            tag = string(data.mapping_start.tag)
            isFlow = data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd
        }
    }
}
