import LodumCore

/// YAML 1.2, written and read through libyaml's event emitter and event parser.
///
/// `YAML` offers every Lodum verb: `encode`, `encodeString`, `decode`, `dump`,
/// `dump(contentsOf:)`, `dump(documents:)` (a `---` stream), `load`, `stream` and
/// `documents`. No document tree is ever built: output leaves as libyaml emits it and
/// input is read one event at a time, so dumps and streams run in constant memory.
///
/// ```swift
/// let text = try YAML.encodeString(config)
/// let config = try YAML.decode(Config.self, from: text)
/// for try await service in YAML.documents(Service.self, from: url) { … }
/// ```
///
/// Plain scalars are resolved by the YAML 1.2 core schema (``YAMLOptions/yaml11Booleans``
/// adds `yes`/`no`/`on`/`off`); strings that would read back as something else are
/// quoted on output. Anchors, aliases and merge keys (`<<`) are resolved, bounded by
/// ``Limits/maxAliasExpansion``; an unknown tag is an error naming it.
public enum YAML: Format {
    public typealias Options = YAMLOptions
    public typealias Writer = YAMLWriter
    public typealias Reader = YAMLReader

    public static let name = "yaml"
    public static let fileExtensions = ["yaml", "yml"]
    public static let mediaType = "application/yaml"
    public static let capabilities: FormatCapabilities = [.streamingDump, .lazyLoad, .humanReadable, .multiDocument]

    public static func makeWriter(output: OutputBuffer, options: YAMLOptions, limits: Limits, layout: DocumentLayout) -> YAMLWriter {
        YAMLWriter(output: output, options: options, limits: limits, layout: layout)
    }

    public static func makeReader(input: InputBuffer, options: YAMLOptions, limits: Limits) -> YAMLReader {
        YAMLReader(input: input, options: options, limits: limits)
    }
}

/// How YAML is written and read.
///
/// ```swift
/// let compact = YAMLOptions(style: .flow)
/// let legacy = YAMLOptions(yaml11Booleans: true)   // reads `enabled: yes` as true
/// ```
public struct YAMLOptions: FormatOptions, Hashable {
    /// How collections are laid out on output.
    public enum Style: Sendable, Hashable {
        /// Indented block collections, one entry per line: the YAML people write.
        case block
        /// Flow collections, `{x: 1, y: 2}` and `[1, 2]`, wrapped at the line width.
        case flow
    }

    /// Block or flow collections. Default: `.block`.
    public var style: Style
    /// Spaces per nesting level, from 2 to 9 (libyaml's range). Default: `2`.
    public var indent: Int
    /// The preferred line width for wrapping long scalars and flow collections; `nil` never
    /// wraps. Default: `80`.
    public var lineWidth: Int?
    /// Whether plain `yes`/`no`/`on`/`off` (in any of YAML 1.1's spellings) read as Booleans,
    /// as in YAML 1.1 and many real configuration files. Output always quotes such strings,
    /// so it reads back the same either way. Default: `false` (the YAML 1.2 core schema).
    public var yaml11Booleans: Bool

    /// Creates options; the defaults write block YAML and read by the YAML 1.2 core schema.
    public init(style: Style = .block, indent: Int = 2, lineWidth: Int? = 80, yaml11Booleans: Bool = false) {
        self.style = style
        self.indent = min(max(indent, 2), 9)
        self.lineWidth = lineWidth.map { max($0, indent * 2 + 1) }
        self.yaml11Booleans = yaml11Booleans
    }

    public init() {
        self.init(style: .block)
    }
}
