import LodumCore

/// Where whitespace goes: the one difference between compact and pretty output, kept in
/// one strategy so the writer's events never test for it.
@usableFromInline
struct JSONLayout {
    /// Spaces per level; 0 for compact output.
    @usableFromInline let indent: Int

    @inlinable init(indent: Int) { self.indent = indent }

    /// Before the first element of a non-empty container.
    @inlinable
    func beforeFirst(level: Int, into output: inout OutputBuffer) throws {
        if indent > 0 { try newline(level: level, into: &output) }
    }

    /// Between two elements.
    @inlinable
    func beforeNext(level: Int, into output: inout OutputBuffer) throws {
        try output.append(UInt8(ascii: ","))
        if indent > 0 { try newline(level: level, into: &output) }
    }

    /// Before the closing bracket of a non-empty container.
    @inlinable
    func beforeClose(level: Int, into output: inout OutputBuffer) throws {
        if indent > 0 { try newline(level: level, into: &output) }
    }

    /// Between a key and its value.
    @inlinable
    func afterColon(into output: inout OutputBuffer) throws {
        if indent > 0 { try output.append(UInt8(ascii: " ")) }
    }

    @usableFromInline
    func newline(level: Int, into output: inout OutputBuffer) throws {
        try output.append(UInt8(ascii: "\n"))
        var spaces = level * indent
        while spaces > 0 {
            let run = min(spaces, 64)
            try output.reserve(run)
            for _ in 0..<run { output.appendUnchecked(UInt8(ascii: " ")) }
            spaces -= run
        }
    }
}
