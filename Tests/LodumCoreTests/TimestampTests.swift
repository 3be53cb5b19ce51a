import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("Timestamp: ISO 8601 text, calendar arithmetic, Date")
struct TimestampTests {
    /// Instants and the text Lodum writes for them, checked against the MessagePack suite's
    /// own pairs (2018-01-02T03:04:05Z is 1514862245) and calendar landmarks.
    static let written: [(seconds: Int64, nanoseconds: UInt32, text: String)] = [
        (0, 0, "1970-01-01T00:00:00Z"),
        (1, 0, "1970-01-01T00:00:01Z"),
        (-1, 999_999_999, "1969-12-31T23:59:59.999999999Z"),
        (1_514_862_245, 0, "2018-01-02T03:04:05Z"),
        (1_514_862_245, 678_901_234, "2018-01-02T03:04:05.678901234Z"),
        (1_514_862_245, 500_000_000, "2018-01-02T03:04:05.5Z"),
        (1_514_862_245, 1_000, "2018-01-02T03:04:05.000001Z"),
        (951_782_400, 0, "2000-02-29T00:00:00Z"),
        (4_107_542_400, 0, "2100-03-01T00:00:00Z"),
        (-2_208_988_800, 0, "1900-01-01T00:00:00Z"),
        (-62_167_219_200, 0, "0000-01-01T00:00:00Z"),
        (253_402_300_799, 999_999_999, "9999-12-31T23:59:59.999999999Z"),
        (253_402_300_800, 0, "+10000-01-01T00:00:00Z"),
        (-62_167_219_201, 0, "-0001-12-31T23:59:59Z"),
    ]

    @Test(arguments: written.indices)
    func writesAndReadsISO8601(_ index: Int) throws {
        let entry = Self.written[index]
        let timestamp = try #require(Timestamp(seconds: entry.seconds, nanoseconds: entry.nanoseconds))
        #expect(timestamp.iso8601 == entry.text)
        #expect(Timestamp(iso8601: entry.text) == timestamp)
    }

    @Test(arguments: [
        ("2018-01-02T03:04:05Z", 1_514_862_245, 0),
        ("2018-01-02t03:04:05z", 1_514_862_245, 0),
        ("2018-01-02 03:04:05", 1_514_862_245, 0),
        ("2018-01-02  3:04:05 Z", 1_514_862_245, 0),
        ("2018-01-02T05:04:05+02:00", 1_514_862_245, 0),
        ("2018-01-02T05:04:05+0200", 1_514_862_245, 0),
        ("2018-01-02T05:04:05+02", 1_514_862_245, 0),
        ("2018-01-01T22:04:05-05:00", 1_514_862_245, 0),
        ("2018-01-02T03:04:05.1234567891234Z", 1_514_862_245, 123_456_789),
        ("2018-01-02T03:04:05,25Z", 1_514_862_245, 250_000_000),
        ("2018-01-02", 1_514_851_200, 0),
    ] as [(String, Int64, UInt32)])
    func readsTheFormsPeopleWrite(_ text: String, _ seconds: Int64, _ nanoseconds: UInt32) {
        #expect(Timestamp(iso8601: text) == Timestamp(seconds: seconds, nanoseconds: nanoseconds))
    }

    @Test(arguments: [
        "", "2018", "2018-01", "2018-1-02", "2018-13-01", "2018-00-10", "2018-02-29", "2000-02-30",
        "2018-04-31", "2018-01-02T", "2018-01-02T24:00:00Z", "2018-01-02T03:60:00Z", "2018-01-02T03:04:60Z",
        "2018-01-02T03:04Z", "2018-01-02T03:04:05.Z", "2018-01-02T03:04:05+", "2018-01-02T03:04:05+25:00",
        "2018-01-02T03:04:05+02:60", "2018-01-02T03:04:05Zjunk", "x2018-01-02", "+999999999999-01-01",
        "１９７０-01-01",
    ])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil, "\(text)")
    }

    @Test func everyDayOfFourCenturiesRoundTripsThroughItsText() {
        // 1900-01-01 to 2300-01-01 covers leap years, century rules and the 400-year era.
        var day: Int64 = -25_567
        var previous = ""
        while day < 120_529 {
            let timestamp = Timestamp(seconds: day * 86_400 + 43_210)
            let text = timestamp.iso8601
            #expect(Timestamp(iso8601: text) == timestamp, "\(text)")
            #expect(text > previous, "\(text) after \(previous)")
            previous = text
            day += 1
        }
    }

    @Test func randomInstantsAcrossInt64RoundTrip() throws {
        var generator = SeededGenerator(seed: 8601)
        for _ in 0..<2_000 {
            let seconds = Int64.random(in: -9_000_000_000_000_000...9_000_000_000_000_000, using: &generator)
            let nanoseconds = UInt32.random(in: 0..<1_000_000_000, using: &generator)
            let timestamp = try #require(Timestamp(seconds: seconds, nanoseconds: nanoseconds))
            #expect(Timestamp(iso8601: timestamp.iso8601) == timestamp, "\(timestamp.iso8601)")
        }
        for seconds in [Int64.min, Int64.max] {
            let timestamp = Timestamp(seconds: seconds)
            #expect(Timestamp(iso8601: timestamp.iso8601) == timestamp, "\(timestamp.iso8601)")
        }
    }

    @Test func nanosecondsOfASecondOrMoreAreRefused() {
        #expect(Timestamp(seconds: 0, nanoseconds: 999_999_999) != nil)
        #expect(Timestamp(seconds: 0, nanoseconds: 1_000_000_000) == nil)
    }

    @Test func datesConvertToTheNearestTimestamp() throws {
        let date = Date(timeIntervalSince1970: 1_514_862_245.5)
        #expect(Timestamp(date) == Timestamp(seconds: 1_514_862_245, nanoseconds: 500_000_000))
        #expect(Timestamp(Date(timeIntervalSince1970: -0.25)) == Timestamp(seconds: -1, nanoseconds: 750_000_000))
        #expect(Date(Timestamp(seconds: 86_400)) == Date(timeIntervalSince1970: 86_400))
        #expect(Timestamp(Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(Timestamp(Date(timeIntervalSince1970: .nan)) == nil)
        #expect(Timestamp(seconds: 1) < Timestamp(seconds: 1, nanoseconds: 1)!)
    }

    @Test func aDateThatIsNotFiniteIsAnErrorNotATrap() {
        let error = expectLodumError { _ = try JSON.encode([Date(timeIntervalSince1970: .infinity)]) }
        #expect(error?.path.description == "[0]")
    }

    @Test func valueHoldsTimestampsAndExtensions() throws {
        let instant = Timestamp(seconds: 7)
        let value = Value.array([.timestamp(instant), .extension(ExtensionValue(type: 3, data: [1, 2]))])
        #expect(value == .array([.timestamp(instant), .extension(ExtensionValue(type: 3, data: [1, 2]))]))
        #expect(Value.timestamp(instant) != .string(instant.iso8601))
        #expect(Value.timestamp(instant).kind == .timestamp)
        #expect(Value.extension(ExtensionValue(type: 3, data: [])).kind == .extension)
        #expect(Value.timestamp(instant).summary == "Timestamp 1970-01-01T00:00:07Z")
        #expect(Value.extension(ExtensionValue(type: 3, data: [1])).summary == "Extension type 3 (1 bytes)")
    }
}
