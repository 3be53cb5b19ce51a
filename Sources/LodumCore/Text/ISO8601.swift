/// ISO 8601 text for ``Timestamp``: how formats without a timestamp type write dates.
///
/// Writing gives UTC with as many fraction digits as the nanoseconds need
/// (`2018-01-02T03:04:05Z`, `…05.5Z`, `…05.678901234Z`); years outside 0000…9999 use the
/// expanded form with a sign (`+12345-01-01T00:00:00Z`, `-0001-…`).
///
/// Reading accepts what people and other libraries write: `T`, `t` or spaces between date
/// and time (YAML), a fraction of any length (digits past nanoseconds are dropped), `Z`,
/// `z`, `±hh:mm`, `±hhmm` or `±hh` offsets, no offset (UTC), and a date alone (midnight UTC).
extension Timestamp {
    /// The timestamp's ISO 8601 text in UTC.
    public var iso8601: String {
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = Int((seconds % 86_400 + 86_400) % 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        // Written into the string's own storage: one allocation per instant. The longest
        // text, `-292277026596-12-04T15:30:07.999999999Z`, is 39 bytes.
        return String(unsafeUninitializedCapacity: 40) { buffer in
            var text = TextCursor(buffer)
            if year < 0 || year > 9999 { text.append(year < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")) }
            text.append(year.magnitude, width: 4)
            text.append(UInt8(ascii: "-"))
            text.append(UInt64(month), width: 2)
            text.append(UInt8(ascii: "-"))
            text.append(UInt64(day), width: 2)
            text.append(UInt8(ascii: "T"))
            text.append(UInt64(secondOfDay / 3600), width: 2)
            text.append(UInt8(ascii: ":"))
            text.append(UInt64(secondOfDay / 60 % 60), width: 2)
            text.append(UInt8(ascii: ":"))
            text.append(UInt64(secondOfDay % 60), width: 2)
            if nanoseconds > 0 {
                var fraction = nanoseconds
                var width = 9
                while fraction % 10 == 0 {
                    fraction /= 10
                    width -= 1
                }
                text.append(UInt8(ascii: "."))
                text.append(UInt64(fraction), width: width)
            }
            text.append(UInt8(ascii: "Z"))
            return text.count
        }
    }

    /// Parses ISO 8601 text; `nil` when it is not a valid date or date-time.
    public init?(iso8601 text: some StringProtocol) {
        var text = String(text)
        guard let timestamp = text.withUTF8({ bytes in
            var scanner = DateScanner(bytes: bytes)
            return scanner.timestamp()
        }) else { return nil }
        self = timestamp
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, days counted from 1970-01-01)

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// The year, month and day of a day number. Works in 400-year eras of 146,097 days,
    /// with years starting on 1 March so that the leap day ends the year.
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468  // days from 0000-03-01
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
        let month = Int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The day number of a date, the inverse of ``civilDate(daysSinceEpoch:)``; `nil` when
    /// the year is too far away for `Int64` seconds.
    static func daysSinceEpoch(year: Int64, month: Int, day: Int) -> Int64? {
        guard year.magnitude <= 300_000_000_000 else { return nil }
        let marchYear = month <= 2 ? year - 1 : year
        let era = floorDivide(marchYear, 400)
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysInMonth(_ month: Int, year: Int64) -> Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A one-pass reader of ISO 8601 date-time text.
private struct DateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Exactly `count` digits (or, with `upTo`, between `count` and `upTo`).
    mutating func digits(_ count: Int, upTo maximum: Int? = nil) -> Int64? {
        var value: Int64 = 0
        var taken = 0
        while index < bytes.count, taken < (maximum ?? count), bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int64(bytes[index] - 0x30)
            index += 1
            taken += 1
        }
        return taken >= count ? value : nil
    }

    /// `days * 86_400 + secondsIntoDay`, or `nil` past `Int64`. Before 1970 the day is
    /// counted from its end, so that the last instant `Int64` holds is not lost to an
    /// intermediate product that does not fit.
    static func instant(days: Int64, secondsIntoDay: Int64) -> Int64? {
        let (wholeDays, offset) = days < 0 ? (days + 1, secondsIntoDay - 86_400) : (days, secondsIntoDay)
        let (midnight, overflow) = wholeDays.multipliedReportingOverflow(by: 86_400)
        guard !overflow else { return nil }
        let (sum, overflowed) = midnight.addingReportingOverflow(offset)
        return overflowed ? nil : sum
    }

    mutating func timestamp() -> Timestamp? {
        var year: Int64
        if take(UInt8(ascii: "+")) {
            guard let expanded = digits(4, upTo: 12) else { return nil }
            year = expanded
        } else if take(UInt8(ascii: "-")) {
            guard let expanded = digits(4, upTo: 12) else { return nil }
            year = -expanded
        } else {
            guard let plain = digits(4) else { return nil }
            year = plain
        }
        guard take(UInt8(ascii: "-")), let month = digits(2), (1...12).contains(month),
            take(UInt8(ascii: "-")), let day = digits(2), day >= 1,
            day <= Int64(Timestamp.daysInMonth(Int(month), year: year)),
            let days = Timestamp.daysSinceEpoch(year: year, month: Int(month), day: Int(day))
        else { return nil }
        if atEnd { return Self.instant(days: days, secondsIntoDay: 0).map { Timestamp(seconds: $0) } }

        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")) else { return nil }
        while take(UInt8(ascii: " ")) {}
        guard let hour = digits(1, upTo: 2), hour < 24, take(UInt8(ascii: ":")),
            let minute = digits(2), minute < 60, take(UInt8(ascii: ":")),
            let second = digits(2), second < 60
        else { return nil }
        var secondsIntoDay = hour * 3600 + minute * 60 + second

        var nanoseconds: UInt32 = 0
        if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
            var scale: UInt32 = 100_000_000
            var count = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                nanoseconds += UInt32(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
                count += 1
            }
            guard count > 0 else { return nil }
        }

        while take(UInt8(ascii: " ")) {}
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = digits(1, upTo: 2), hours < 24 else { return nil }
            var minutes: Int64 = 0
            if take(UInt8(ascii: ":")) {
                guard let value = digits(2) else { return nil }
                minutes = value
            } else if !atEnd {
                guard let value = digits(2) else { return nil }
                minutes = value
            }
            guard minutes < 60 else { return nil }
            secondsIntoDay -= sign * (hours * 3600 + minutes * 60)
        }
        guard atEnd, let seconds = Self.instant(days: days, secondsIntoDay: secondsIntoDay) else { return nil }
        return Timestamp(seconds: seconds, nanoseconds: nanoseconds)
    }
}

/// Appends ASCII into a buffer sized for the longest text.
private struct TextCursor {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// `value` in decimal, zero-padded to `width` digits.
    mutating func append(_ value: UInt64, width: Int) {
        // Formatted aside: NumberText may use all of its maxIntegerLength bytes, more than
        // is left at the end of this buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberText.maxIntegerLength) { digits in
            guard let start = digits.baseAddress else { return }
            let length = NumberText.write(value, to: start)
            for _ in 0..<max(0, width - length) { append(UInt8(ascii: "0")) }
            for index in 0..<length { append(start[index]) }
        }
    }
}
