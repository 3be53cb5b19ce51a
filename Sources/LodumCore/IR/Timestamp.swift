import Foundation

/// An instant in time: whole seconds since 1970-01-01T00:00:00Z and the nanoseconds past
/// them, the data model's timestamp.
///
/// Formats with a timestamp type store it natively (MessagePack's extension type -1 in its
/// 32, 64 and 96-bit forms, YAML's `!!timestamp`); the others write ISO 8601 text such as
/// `2018-01-02T03:04:05.678901234Z`. `Date` is written and read as a `Timestamp`.
///
/// ```swift
/// let launch = Timestamp(seconds: 1_514_862_245)
/// launch.iso8601 // "2018-01-02T03:04:05Z"
/// ```
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z; negative before it.
    public let seconds: Int64
    /// Nanoseconds past ``seconds``, always in `0..<1_000_000_000`.
    public let nanoseconds: UInt32

    /// One second in nanoseconds.
    public static let nanosecondsPerSecond: UInt32 = 1_000_000_000

    /// A timestamp at a whole second.
    public init(seconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = 0
    }

    /// A timestamp `nanoseconds` past `seconds`; `nil` when `nanoseconds` is a second or more.
    public init?(seconds: Int64, nanoseconds: UInt32) {
        guard nanoseconds < Self.nanosecondsPerSecond else { return nil }
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The timestamp nearest to `date`, to the nanosecond as far as `Date`'s `Double` holds
    /// it; `nil` for a date that is not finite or lies beyond `Int64` seconds.
    public init?(_ date: Date) {
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        guard whole.isFinite, whole >= -9.2e18, whole < 9.2e18 else { return nil }
        var seconds = Int64(whole)
        var nanoseconds = ((interval - whole) * 1e9).rounded()
        if nanoseconds >= 1e9 {
            seconds += 1
            nanoseconds = 0
        }
        self.seconds = seconds
        self.nanoseconds = UInt32(max(0, nanoseconds))
    }

    /// The timestamp as a `Date`, whose `Double` keeps about a microsecond of precision
    /// for present-day dates.
    public var date: Date {
        Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// The ISO 8601 text of the timestamp, in UTC.
    public var description: String { iso8601 }
}

extension Date {
    /// The date of a ``Timestamp``.
    public init(_ timestamp: Timestamp) {
        self = timestamp.date
    }
}
