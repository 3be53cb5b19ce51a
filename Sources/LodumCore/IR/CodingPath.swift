/// One step on the way from the top-level value to the value being coded.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    /// A struct field, named by its key on the wire.
    case field(String)
    /// A position in a sequence.
    case index(Int)
    /// A key in a map.
    case key(String)

    public var description: String {
        switch self {
        case .field(let name): return name
        case .index(let index): return "[\(index)]"
        case .key(let key): return "[\(String(reflecting: key))]"
        }
    }
}

/// Where in a value an error happened, written the way Swift code reaches it:
/// `points[2].x`.
public struct CodingPath: Sendable, Hashable, CustomStringConvertible {
    /// The steps from the top-level value, outermost first.
    public var components: [PathComponent]

    /// Creates a path from its steps, outermost first.
    public init(_ components: [PathComponent] = []) {
        self.components = components
    }

    /// The path of the top-level value itself.
    public static let root = CodingPath()

    /// `points[2].x`, or `<root>` for the top-level value.
    public var description: String {
        if components.isEmpty { return "<root>" }
        var text = ""
        for component in components {
            switch component {
            case .field(let name):
                if !text.isEmpty { text += "." }
                text += name
            case .index, .key:
                text += component.description
            }
        }
        return text
    }
}
