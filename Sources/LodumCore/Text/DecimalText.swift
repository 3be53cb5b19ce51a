// Number text is the IR's exact form of a decimal number (`write(numberText:)`,
// `readNumberText()`): digits that no binary type rounds. Its syntax is RFC 8259 §6's,
// which every format can carry: JSON and YAML as a bare number (the YAML 1.2 core schema,
// §10.3.2, resolves each such text as an int or a float), other formats as a string.

extension NumberText {
    /// Whether `text` is a number in RFC 8259 §6 syntax: an optional minus, an integer part
    /// without leading zeros, an optional fraction and an optional exponent.
    ///
    /// This is the form ``Serializer/write(numberText:)`` takes, checked before JSON writes
    /// it as a bare number so the output is always valid JSON.
    ///
    /// ```swift
    /// NumberText.isJSONNumber("-12.50e3") // true
    /// NumberText.isJSONNumber("012")      // false: a leading zero
    /// NumberText.isJSONNumber(".5")       // false: no integer part
    /// ```
    public static func isJSONNumber(_ text: String) -> Bool {
        var scanner = DecimalScanner(text)
        scanner.skip(UInt8(ascii: "-"))
        guard let first = scanner.next, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            scanner.advance()
        } else {
            scanner.skipDigits()
        }
        if scanner.skip(UInt8(ascii: ".")) {
            guard scanner.skipDigits() else { return false }
        }
        if scanner.skip(UInt8(ascii: "e")) || scanner.skip(UInt8(ascii: "E")) {
            if !scanner.skip(UInt8(ascii: "+")) { scanner.skip(UInt8(ascii: "-")) }
            guard scanner.skipDigits() else { return false }
        }
        return scanner.isAtEnd
    }

    /// The RFC 8259 §6 text of a decimal literal written the looser ways people and YAML
    /// write them (a leading `+`, leading zeros, `.5`, `5.`), or `nil` when `text` is no
    /// decimal literal.
    ///
    /// Every digit is kept: only the spelling changes. Text that is already in RFC 8259
    /// syntax comes back unchanged.
    ///
    /// ```swift
    /// NumberText.jsonNumber(fromDecimalLiteral: "+007.50") // "7.50"
    /// NumberText.jsonNumber(fromDecimalLiteral: ".5e3")    // "0.5e3"
    /// NumberText.jsonNumber(fromDecimalLiteral: "0x1F")    // nil
    /// ```
    public static func jsonNumber(fromDecimalLiteral text: String) -> String? {
        if isJSONNumber(text) { return text }
        var scanner = DecimalScanner(text)
        var result = scanner.skip(UInt8(ascii: "-")) ? "-" : ""
        if result.isEmpty { scanner.skip(UInt8(ascii: "+")) }
        let integerStart = scanner.index
        let hasIntegerDigits = scanner.skipDigits()
        let integerDigits = text[integerStart..<scanner.index].drop { $0 == "0" }
        result += integerDigits.isEmpty ? "0" : String(integerDigits)
        var hasFractionDigits = false
        if scanner.skip(UInt8(ascii: ".")) {
            let fractionStart = scanner.index
            hasFractionDigits = scanner.skipDigits()
            if hasFractionDigits { result += "." + text[fractionStart..<scanner.index] }
        }
        guard hasIntegerDigits || hasFractionDigits else { return nil }
        let exponentStart = scanner.index
        if scanner.skip(UInt8(ascii: "e")) || scanner.skip(UInt8(ascii: "E")) {
            if !scanner.skip(UInt8(ascii: "+")) { scanner.skip(UInt8(ascii: "-")) }
            guard scanner.skipDigits() else { return nil }
            result += text[exponentStart..<scanner.index]
        }
        return scanner.isAtEnd ? result : nil
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}

/// A cursor over the UTF-8 of number text; its indices are the string's, so the text
/// between two of them is a substring without a copy.
struct DecimalScanner {
    let utf8: String.UTF8View
    private(set) var index: String.Index

    init(_ text: String) {
        utf8 = text.utf8
        index = utf8.startIndex
    }

    var next: UInt8? { index < utf8.endIndex ? utf8[index] : nil }
    var isAtEnd: Bool { index == utf8.endIndex }

    mutating func advance() {
        utf8.formIndex(after: &index)
    }

    /// Skips `byte` if it is next; whether it was.
    @discardableResult
    mutating func skip(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        advance()
        return true
    }

    /// Skips a run of ASCII digits; whether there was at least one.
    @discardableResult
    mutating func skipDigits() -> Bool {
        let start = index
        while let byte = next, NumberText.isDigit(byte) { advance() }
        return index != start
    }
}
