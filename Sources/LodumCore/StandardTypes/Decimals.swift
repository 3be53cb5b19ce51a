import Foundation

// `Decimal` travels as number text (`write(numberText:)`, `readNumberText()`), never
// through a `Double`: `0.1` stays 0.1, and a 31-digit amount keeps its 31 digits.

extension Decimal: Serializable, Deserializable {
    /// Writes the decimal's digits: a bare number in JSON and YAML (`12.5`), a string
    /// holding them in MessagePack, which has no decimal type (`a4 31 32 2e 35`).
    ///
    /// `Decimal.nan` is no number in any format, and an error.
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        guard !isNaN else {
            throw serializer.error(.unsupportedValue("Decimal NaN cannot be written: it is not a number"))
        }
        try serializer.write(numberText: description)
    }

    /// Reads a decimal from the number's text, every digit of it.
    ///
    /// A number `Decimal` cannot hold exactly (more than its 38 significant digits, or an
    /// exponent beyond its range) is an error, `number 1e200 does not fit in Decimal`,
    /// never a rounded value. A string holding a number (`"12.50"`) is read as that number;
    /// other text is an error.
    public init<D: Deserializer>(from deserializer: inout D) throws {
        let text = try deserializer.readNumberText()
        guard let value = Decimal(exactText: text) else {
            throw LodumError(.numberOutOfRange(text, type: "Decimal"),
                             path: deserializer.path, position: deserializer.positionOfLastValue)
        }
        self = value
    }

    /// The decimal whose value is exactly that of `text`, a number in RFC 8259 §6 syntax;
    /// `nil` when `Decimal` would have to round it.
    init?(exactText text: String) {
        // Foundation's parser rounds past 38 digits without saying so, so its result is
        // checked against the text: the same value has the same significant digits.
        guard let value = Decimal(string: text), !value.isNaN,
              let expected = SignificantDigits(text), SignificantDigits(value.description) == expected
        else { return nil }
        self = value
    }
}

/// A number reduced to its sign, significant digits and power of ten, so two spellings of
/// one value (`1.50`, `15e-1`) compare equal.
struct SignificantDigits: Equatable {
    var isNegative: Bool
    /// The digits without leading or trailing zeros; empty for zero.
    var digits: Substring
    /// The power of ten the digits are scaled by.
    var exponent: Int

    /// The significant digits of `text`, a number in RFC 8259 §6 syntax; `nil` for other
    /// text.
    init?(_ text: String) {
        guard NumberText.isJSONNumber(text) else { return nil }
        var body = Substring(text)
        isNegative = body.first == "-"
        if isNegative { body.removeFirst() }
        var explicitExponent = 0
        if let marker = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponentText = body[body.index(after: marker)...]
            let magnitudeDigits = exponentText.drop { $0 == "+" || $0 == "-" }.drop { $0 == "0" }
            // An exponent far past Decimal's range (10^±128, 38 digits) needs no exact value;
            // capping it keeps the arithmetic below from overflowing.
            let magnitude = magnitudeDigits.count > 9 ? 1_000_000_000 : Int(magnitudeDigits) ?? 0
            explicitExponent = exponentText.first == "-" ? -magnitude : magnitude
            body = body[..<marker]
        }
        var fractionLength = 0
        var mantissa = String(body)
        if let point = body.firstIndex(of: ".") {
            fractionLength = body.distance(from: body.index(after: point), to: body.endIndex)
            mantissa = String(body[..<point]) + body[body.index(after: point)...]
        }
        var significant = Substring(mantissa).drop { $0 == "0" }
        var trailingZeros = 0
        while significant.last == "0" {
            significant.removeLast()
            trailingZeros += 1
        }
        digits = significant
        exponent = significant.isEmpty ? 0 : explicitExponent - fractionLength + trailingZeros
        if significant.isEmpty { isNegative = false }
    }
}
