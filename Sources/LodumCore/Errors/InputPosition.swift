/// Where in the input an error was found.
public enum InputPosition: Sendable, Hashable, CustomStringConvertible {
    /// A position in text: 1-based line and column (in bytes), and the 0-based byte offset.
    case text(line: Int, column: Int, offset: Int)
    /// A position in binary input: the 0-based byte offset.
    case binary(offset: Int)

    /// The 0-based byte offset from the start of the input.
    public var offset: Int {
        switch self {
        case .text(_, _, let offset), .binary(let offset): return offset
        }
    }

    public var description: String {
        switch self {
        case .text(let line, let column, _): return "line \(line), column \(column)"
        case .binary(let offset): return "byte offset \(offset)"
        }
    }
}
