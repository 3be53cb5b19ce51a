import Foundation
import LodumCore

// The values every format must carry unchanged. Each is a field of a struct, so the
// catalogue exercises the macro's code as users meet it.

/// Every integer width at its extremes.
@Lodum public struct ConformanceIntegers: Equatable, Sendable {
    var int8Min: Int8 = .min
    var int8Max: Int8 = .max
    var int16Min: Int16 = .min
    var int16Max: Int16 = .max
    var int32Min: Int32 = .min
    var int32Max: Int32 = .max
    var int64Min: Int64 = .min
    var int64Max: Int64 = .max
    var uint8Max: UInt8 = .max
    var uint16Max: UInt16 = .max
    var uint32Max: UInt32 = .max
    var uint64Max: UInt64 = .max
    var zero: Int = 0
    public init() {}
}

/// Floating-point edges: signed zero, subnormals, the largest finite values.
@Lodum public struct ConformanceFloats: Equatable, Sendable {
    var negativeZero: Double = -0.0
    var subnormal: Double = .leastNonzeroMagnitude
    var largest: Double = .greatestFiniteMagnitude
    var smallestNormal: Double = .leastNormalMagnitude
    var third: Double = 1.0 / 3.0
    var float: Float = 0.1
    var floatLargest: Float = .greatestFiniteMagnitude
    public init() {}

    /// Equal bit for bit, so `-0.0` is not taken for `0.0`.
    public static func == (lhs: ConformanceFloats, rhs: ConformanceFloats) -> Bool {
        lhs.negativeZero.bitPattern == rhs.negativeZero.bitPattern && lhs.subnormal == rhs.subnormal
            && lhs.largest == rhs.largest && lhs.smallestNormal == rhs.smallestNormal && lhs.third == rhs.third
            && lhs.float == rhs.float && lhs.floatLargest == rhs.floatLargest
    }
}

/// Text that trips writers: empty, long, every Unicode plane, controls, emoji, combining marks.
@Lodum public struct ConformanceText: Equatable, Sendable {
    var empty: String = ""
    var long: String = String(repeating: "lodum ", count: 20_000)
    var planes: String = "A é € 𐍈 🎉 \u{10FFFD} \u{E000}"
    var controls: String = "nul:\u{0} tab:\t newline:\n cr:\r bell:\u{7} del:\u{7F} esc:\u{1B}"
    var emoji: String = "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽"
    var combining: String = "e\u{301} a\u{30A}\u{323} Z\u{335}\u{336}"
    var quotes: String = #"' " \ / { } [ ] : , # & * ! | > % @ ` - ? ~ null true 1.0 0x1F"#
    public init() {}
}

/// Optionals, containers and nesting.
@Lodum public struct ConformanceShapes: Equatable, Sendable {
    var present: Int? = 1
    var absent: Int? = nil
    var nested: Int?? = .some(nil)
    var emptyArray: [Int] = []
    var emptyMap: [String: Int] = [:]
    var arrayOfOptionals: [Int?] = [1, nil, 3]
    var map: [String: [Int]] = ["a": [1], "b": []]
    var intKeys: [Int: String] = [-1: "minus", 7: "seven"]
    var bytes: [UInt8] = Array(0...255)
    var date: Date = Date(timeIntervalSince1970: 1_514_862_245.5)
    var timestamp: Timestamp = Timestamp(seconds: -62_167_219_200)
    public init() {}

    public static func == (lhs: ConformanceShapes, rhs: ConformanceShapes) -> Bool {
        // Writing `.some(nil)` gives a null, which reads back as the outer nil: the
        // documented behaviour of nested Optionals.
        lhs.present == rhs.present && lhs.absent == rhs.absent && (lhs.nested ?? nil) == (rhs.nested ?? nil)
            && lhs.emptyArray == rhs.emptyArray && lhs.emptyMap == rhs.emptyMap && lhs.arrayOfOptionals == rhs.arrayOfOptionals
            && lhs.map == rhs.map && lhs.intKeys == rhs.intKeys && lhs.bytes == rhs.bytes && lhs.date == rhs.date
            && lhs.timestamp == rhs.timestamp
    }
}

/// An enum in each tagging, a raw-value enum, field options.
@Lodum public enum ConformanceShape: Equatable, Sendable {
    case circle(radius: Double)
    case point(Int, Int)
    case label(String)
    case none
}

@Lodum(tag: "kind") public enum ConformanceEvent: Equatable, Sendable {
    case joined(name: String, at: Int?)
    case left
}

@Lodum(tag: "t", content: "c") public enum ConformanceMessage: Equatable, Sendable {
    case text(String)
    case move(dx: Int, dy: Int)
    case ping
}

@Lodum(untagged: true) public enum ConformanceLoose: Equatable, Sendable {
    case number(Int)
    case words([String])
}

@Lodum public enum ConformanceColor: String, Equatable, Sendable {
    case red, deepBlue = "deep-blue"
}

@Lodum(renameAll: .snakeCase) public struct ConformanceModel: Equatable, Sendable {
    @Field(rename: "id") var identifier: Int = 7
    var displayName: String = "Ada"
    @Field(skipIfNil: true) var nickname: String? = nil
    @Field(validate: .range(0...150)) var age: Int = 36
    var shapes: [ConformanceShape] = [.circle(radius: 1.5), .point(1, -2), .label("x"), .none]
    var events: [ConformanceEvent] = [.joined(name: "a", at: nil), .left]
    var loose: [ConformanceLoose] = [.number(3), .words(["a"])]
    var messages: [ConformanceMessage] = [.text("hi"), .move(dx: 1, dy: -1), .ping]
    /// Nested to the depth the default limit allows, less the levels around it.
    var deep: Value = (0..<90).reduce(Value.int(0)) { inner, _ in .array([inner]) }
    var color: ConformanceColor = .deepBlue
    var integers: ConformanceIntegers = ConformanceIntegers()
    var floats: ConformanceFloats = ConformanceFloats()
    var text: ConformanceText = ConformanceText()
    var shapesOfData: ConformanceShapes = ConformanceShapes()
    public init() {}
}

/// A Codable-only type inside a Lodum one: the bridge.
public struct ConformanceCodable: Codable, Equatable, Sendable {
    var name = "bridge"
    var values = [1.5, -2]
    var nested = ["k": [true, false]]
    public init() {}
}

@Lodum public struct ConformanceBridged: Equatable, Sendable {
    var codable: ConformanceCodable = ConformanceCodable()
    public init() {}
}

/// A small record for the streaming checks.
@Lodum public struct ConformancePoint: Equatable, Sendable {
    var x: Int
    var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
