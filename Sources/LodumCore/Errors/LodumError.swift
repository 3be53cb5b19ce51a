/// The one error type every Lodum operation throws.
///
/// It says what went wrong, where in the value (``path``) and, when reading, where in the
/// input (``position``):
///
/// ```
/// Error at points[2].x (line 1, column 37): expected Int, found String "abc"
/// ```
public struct LodumError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The input held a different kind of value than the type expects.
        case typeMismatch(expected: String, found: String)
        /// A struct field without a default was absent from the input.
        case missingField(String)
        /// A number does not fit the type that asked for it.
        case numberOutOfRange(String, type: String)
        /// The input is not well-formed in its format.
        case syntax(String)
        /// The input ended in the middle of a value.
        case unexpectedEndOfInput
        /// A value the format cannot represent, such as NaN in JSON.
        case unsupportedValue(String)
        /// An operation ran into one of the ``Limits``.
        case limitExceeded(ExceededLimit)
        /// Reading or writing bytes failed.
        case io(String)
        /// A decoded value failed a field's validator: the rule in words, and the value.
        case validationFailed(rule: String, value: String)
        /// A key a type that denies unknown fields does not declare.
        case unknownField(String)
        /// A key that appears twice in one mapping, refused under
        /// ``DuplicateKeyPolicy/reject`` (the default).
        case duplicateKey(String)
        /// No case of an untagged enum reads the input: the enum, and each case's failure.
        case noMatchingCase(String, failures: [String])
        /// A failure described by user code.
        case custom(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// Where in the value it went wrong.
    public var path: CodingPath
    /// Where in the input it went wrong, when reading.
    public var position: InputPosition?
    /// The error that a ``ByteSource`` threw, when this error reports it (as `.io`, with
    /// the position the input had reached).
    public var underlyingError: (any Error)?

    /// Creates an error.
    public init(_ kind: Kind, path: CodingPath = .root, position: InputPosition? = nil, underlyingError: (any Error)? = nil) {
        self.kind = kind
        self.path = path
        self.position = position
        self.underlyingError = underlyingError
    }

    /// A sentence describing the failure, e.g. `expected Int, found String "abc"`.
    public var reason: String {
        switch kind {
        case .typeMismatch(let expected, let found): return "expected \(expected), found \(found)"
        case .missingField(let name): return "missing field \"\(name)\""
        case .numberOutOfRange(let number, let type): return "number \(number) does not fit in \(type)"
        case .syntax(let message): return message
        case .unexpectedEndOfInput: return "unexpected end of input"
        case .unsupportedValue(let message): return message
        case .limitExceeded(let limit): return limit.description
        case .io(let message): return message
        case .validationFailed(let rule, let value): return "\(value) fails validation: \(rule)"
        case .unknownField(let key): return "unknown field \(String(reflecting: key))"
        case .duplicateKey(let key): return "duplicate key \(String(reflecting: key))"
        case .noMatchingCase(let type, let failures):
            return "no case of \(type) matches: " + failures.joined(separator: "; ")
        case .custom(let message): return message
        }
    }

    /// `Error at points[2].x (line 1, column 37): expected Int, found String "abc"`.
    public var description: String {
        var text = "Error at \(path)"
        if let position { text += " (\(position))" }
        return text + ": " + reason
    }
}

extension LodumError {
    /// Describes a found value for a type-mismatch message: `String "abc"`, `Number 1.5`.
    /// Long text is shortened so a message stays one readable line.
    public static func describeFound(_ kind: String, _ text: String? = nil) -> String {
        guard let text else { return kind }
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\(kind) \(shown)"
    }

    /// Describes a Swift value for a message: strings quoted, long text shortened.
    public static func describeValue<T>(_ value: T) -> String {
        let text = value is any StringProtocol ? String(reflecting: value) : String(describing: value)
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
