// Literals, so a tree reads like the JSON it stands for:
//
//     let user: Value = ["name": "Ada", "tags": ["admin"], "age": 36, "manager": nil]
//
// Each literal picks the case a reader would produce for the same text, so a tree written
// in code compares equal to the one decoded from a file.

extension Value: ExpressibleByNilLiteral {
    /// Creates ``null``: `let missing: Value = nil`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension Value: ExpressibleByBooleanLiteral {
    /// Creates a ``bool(_:)``: `let flag: Value = true`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension Value: ExpressibleByIntegerLiteral {
    /// Creates an ``int(_:)``: `let count: Value = 42`.
    ///
    /// Integer literals are `Int64`; a number above `Int64.max` is written `.uint(…)`.
    public init(integerLiteral value: Int64) {
        self = .int(value)
    }
}

extension Value: ExpressibleByFloatLiteral {
    /// Creates a ``double(_:)``: `let ratio: Value = 0.5`.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension Value: ExpressibleByStringLiteral {
    /// Creates a ``string(_:)``: `let name: Value = "Ada"`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension Value: ExpressibleByArrayLiteral {
    /// Creates an ``array(_:)``: `let list: Value = [1, "two", nil]`.
    public init(arrayLiteral elements: Value...) {
        self = .array(elements)
    }
}

extension Value: ExpressibleByDictionaryLiteral {
    /// Creates an ``object(_:)`` whose members keep the order they are written in:
    /// `let point: Value = ["x": 1, "y": 2]` writes `{"x":1,"y":2}`.
    ///
    /// A key written twice gives two members, as a JSON object may hold; looking the key
    /// up finds the first.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
