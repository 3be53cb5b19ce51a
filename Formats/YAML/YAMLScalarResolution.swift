import LodumCore

/// What a plain scalar means: the YAML 1.2 core schema (§10.3.2), optionally with
/// YAML 1.1's `yes`/`no`/`on`/`off` Booleans.
@usableFromInline
enum YAMLScalarValue: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A non-negative integer above `Int64.max`.
    case uint(UInt64)
    /// A float, or an integer too large for 64 bits (`isIntegerSyntax`), approximated.
    case double(Double, isIntegerSyntax: Bool)
    case string
}

/// The core schema's resolution of plain scalars, shared by the reader (what a plain
/// scalar means) and the writer (whether a string must be quoted to stay a string).
@usableFromInline
enum YAMLScalarResolution {
    /// Resolves the text of a plain, untagged scalar.
    @inlinable
    static func resolve(_ text: UnsafeRawBufferPointer, yaml11Booleans: Bool) -> YAMLScalarValue {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(text) ?? .string
        case UInt8(ascii: "~"):
            return text.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
             UInt8(ascii: "o"), UInt8(ascii: "O"):
            return word(text, yaml11Booleans: yaml11Booleans)
        default:
            return .string
        }
    }

    /// `null`, `true`, `false` in the core schema's three spellings each, and YAML 1.1's
    /// Booleans when asked.
    @usableFromInline
    static func word(_ text: UnsafeRawBufferPointer, yaml11Booleans: Bool) -> YAMLScalarValue {
        // Compared byte by byte: this runs for every plain scalar that starts like a word,
        // and for every key and string the writer checks.
        switch text.count {
        case 2:
            if yaml11Booleans, isSpelled(text, "on") { return .bool(true) }
            if yaml11Booleans, isSpelled(text, "no") { return .bool(false) }
        case 3:
            if yaml11Booleans, isSpelled(text, "yes") { return .bool(true) }
            if yaml11Booleans, isSpelled(text, "off") { return .bool(false) }
        case 4:
            if isSpelled(text, "null") { return .null }
            if isSpelled(text, "true") { return .bool(true) }
        case 5:
            if isSpelled(text, "false") { return .bool(false) }
        default:
            break
        }
        return .string
    }

    /// Whether `text` is `word` (lowercase ASCII) in one of the schema's three spellings:
    /// `word`, `Word` or `WORD`.
    @usableFromInline
    static func isSpelled(_ text: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard text.count == count, count > 1 else { return false }
        let letters = word.utf8Start
        let first = text[0]
        guard first == letters[0] || first == letters[0] &- 0x20 else { return false }
        let restIsUpper = text[1] == letters[1] &- 0x20
        guard restIsUpper || text[1] == letters[1] else { return false }
        // `wORD` is not a spelling: an uppercase rest needs an uppercase first letter.
        if restIsUpper, first == letters[0] { return false }
        var index = 2
        while index < count {
            guard text[index] == (restIsUpper ? letters[index] &- 0x20 : letters[index]) else { return false }
            index += 1
        }
        return true
    }

    /// Integers (decimal, `0o` octal, `0x` hex) and floats (with `.inf` and `.nan`), or
    /// `nil` when the text is not a number.
    @inlinable
    static func number(_ text: UnsafeRawBufferPointer) -> YAMLScalarValue? {
        // Empty text reaches here from a tagged scalar (`!!int` with no content).
        guard let first = text.first else { return nil }
        let count = text.count
        var index = 0
        var negative = false
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < count else { return nil }
        // Decimal integers are the common case: accumulate while the digits fit.
        var magnitude: UInt64 = 0
        var overflowed = false
        let digitsStart = index
        while index < count {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { overflowed = true }
            magnitude = sum
            index += 1
        }
        if index == count {
            guard !overflowed else { return .double(decimalDouble(text) ?? .infinity, isIntegerSyntax: true) }
            return integer(magnitude: magnitude, negative: negative)
        }
        if index == digitsStart + 1, digitsStart == 0, text[0] == UInt8(ascii: "0") {
            if text[1] == UInt8(ascii: "x") { return radixInteger(text, from: 2, radix: 16) }
            if text[1] == UInt8(ascii: "o") { return radixInteger(text, from: 2, radix: 8) }
        }
        return float(text, signLength: digitsStart)
    }

    @inlinable
    static func integer(magnitude: UInt64, negative: Bool) -> YAMLScalarValue {
        if negative {
            if magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            return .double(-Double(magnitude), isIntegerSyntax: true)
        }
        if magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
        return .uint(magnitude)
    }

    /// `0x…` or `0o…` with at least one digit; unsigned, as the core schema defines them.
    @usableFromInline
    static func radixInteger(_ text: UnsafeRawBufferPointer, from start: Int, radix: UInt64) -> YAMLScalarValue? {
        guard start < text.count else { return nil }
        var magnitude: UInt64 = 0
        var approximate = 0.0
        var overflowed = false
        for byte in text[start...] {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (times, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 { overflowed = true }
            magnitude = sum
            approximate = approximate * Double(radix) + Double(digit)
        }
        if overflowed { return .double(approximate, isIntegerSyntax: true) }
        return integer(magnitude: magnitude, negative: false)
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, `[-+]? \.inf`
    /// and `\.nan` in their three spellings.
    @usableFromInline
    static func float(_ text: UnsafeRawBufferPointer, signLength: Int) -> YAMLScalarValue? {
        let body = UnsafeRawBufferPointer(rebasing: text[signLength...])
        if body.count == 4, body[0] == UInt8(ascii: ".") {
            let name = UnsafeRawBufferPointer(rebasing: body[1...])
            if isSpelled(name, "inf") {
                return .double(text[0] == UInt8(ascii: "-") ? -.infinity : .infinity, isIntegerSyntax: false)
            }
            // `.nan`, `.NaN`, `.NAN`.
            let isNaN = (name[0] == UInt8(ascii: "n") && isSpelled(name, "nan"))
                || (name[0] == UInt8(ascii: "N") && name[1] | 0x20 == UInt8(ascii: "a") && name[2] == UInt8(ascii: "N"))
            if isNaN {
                return signLength == 0 ? .double(.nan, isIntegerSyntax: false) : nil
            }
        }
        var index = 0
        let count = body.count
        var mantissaDigits = 0
        while index < count, body[index] &- UInt8(ascii: "0") < 10 { index += 1; mantissaDigits += 1 }
        if index < count, body[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, body[index] &- UInt8(ascii: "0") < 10 { index += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if index < count, body[index] == UInt8(ascii: "e") || body[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, body[index] == UInt8(ascii: "-") || body[index] == UInt8(ascii: "+") { index += 1 }
            let exponentStart = index
            while index < count, body[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            guard index > exponentStart else { return nil }
        }
        guard index == count, let value = decimalDouble(text) else { return nil }
        return .double(value, isIntegerSyntax: false)
    }

    /// Whether `text`, which resolved to an infinite `Double`, is `.inf` (in any of its
    /// spellings, with an optional sign) rather than a number too large for a `Double`.
    static func spellsInfinity(_ text: UnsafeRawBufferPointer) -> Bool {
        let signLength = text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") ? 1 : 0
        guard text.count == signLength + 4 else { return false }
        return text[signLength] == UInt8(ascii: ".") && text[signLength + 1] | 0x20 == UInt8(ascii: "i")
    }

    /// The correctly rounded `Double` of validated decimal text.
    @usableFromInline
    static func decimalDouble(_ text: UnsafeRawBufferPointer) -> Double? {
        Double(String(decoding: text, as: UTF8.self))
    }

    // MARK: Quoting

    /// Whether a string written as a plain scalar would read back as something other than
    /// the same string, by this reader or by a YAML 1.1 one: such strings are quoted.
    ///
    /// Beyond the core schema this covers YAML 1.1's Booleans (`yes`, `off`, …), its
    /// number forms (`1_000`, `0b101`, `012`, `1:20`), timestamps (`2001-12-14`), the merge
    /// key `<<` and the value key `=`. Indicators, spaces and line breaks are left to
    /// libyaml's own analysis, which picks a quoted style when a plain one cannot hold them.
    @inlinable
    static func needsQuoting(_ text: UnsafeRawBufferPointer) -> Bool {
        guard let first = text.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return looksNumeric(text)
        case UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
             UInt8(ascii: "o"), UInt8(ascii: "O"):
            return isReservedWord(text)
        default:
            return false
        }
    }

    @usableFromInline
    static func isReservedWord(_ text: UnsafeRawBufferPointer) -> Bool {
        if resolve(text, yaml11Booleans: true) != .string { return true }
        switch text.count {
        case 1: return text[0] == UInt8(ascii: "~") || text[0] == UInt8(ascii: "=")
        case 2: return text[0] == UInt8(ascii: "<") && text[1] == UInt8(ascii: "<")
        default: return false
        }
    }

    /// Anything made of digits, signs, dots, colons, underscores and letters that starts
    /// like a number: every numeric or date form of YAML 1.1 and 1.2 is among these.
    @usableFromInline
    static func looksNumeric(_ text: UnsafeRawBufferPointer) -> Bool {
        if resolve(text, yaml11Booleans: true) != .string { return true }
        let first = text[0]
        let startsWithDigit = first &- UInt8(ascii: "0") < 10
        if !startsWithDigit {
            guard text.count > 1 else { return false }
            let second = text[1]
            guard second &- UInt8(ascii: "0") < 10 || second == UInt8(ascii: ".") else { return false }
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
