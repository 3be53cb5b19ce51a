// Reading a tree without a `switch` at every step. Each accessor answers `nil` when the
// value is not of the asked shape, so lookups chain: `value["user"]?["tags"]?[0]?.stringValue`.

extension Value {
    /// The value of the first member named `key`, if this is an object that has one.
    ///
    /// ```swift
    /// let value: Value = ["user": ["name": "Ada"]]
    /// value["user"]?["name"]   // "Ada"
    /// value["nobody"]          // nil
    /// ```
    public subscript(key: String) -> Value? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index`, if this is an array that long.
    ///
    /// ```swift
    /// let value: Value = [10, 20]
    /// value[1]    // 20
    /// value[2]    // nil, never a trap
    /// ```
    public subscript(index: Int) -> Value? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// Whether this is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The flag, if this is a ``bool(_:)``.
    public var boolValue: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    /// The number as an `Int`, if it is one exactly: an integer that fits, or a double with
    /// no fractional part (`2.0`), as decoding an `Int` from the tree accepts.
    public var intValue: Int? {
        switch self {
        case .int(let number): return Int(exactly: number)
        case .uint(let number): return Int(exactly: number)
        case .double(let number): return Int(exactly: number)
        default: return nil
        }
    }

    /// The number as a `Double`, from any number case; an integer beyond 2^53 becomes the
    /// nearest double.
    public var doubleValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .uint(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    /// The text, if this is a ``string(_:)``.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The elements, if this is an ``array(_:)``.
    public var arrayValue: [Value]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The members in their order, if this is an ``object(_:)``.
    public var objectValue: [Member]? {
        guard case .object(let members) = self else { return nil }
        return members
    }
}
