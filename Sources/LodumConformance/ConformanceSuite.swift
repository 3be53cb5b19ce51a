import Foundation
import LodumCore

/// The conformance suite every format in `Lodum.formats` passes, and that a backend written
/// outside the package can run against itself.
///
/// ```swift
/// let report = ConformanceSuite.run(MyFormat.self)
/// #expect(report.failures.isEmpty, "\(report)")
/// ```
///
/// It checks, through the format's public verbs only:
/// - **Round trips** of a catalogue of values (every integer width at its extremes, signed
///   zero and subnormals, text from every Unicode plane with controls and combining marks,
///   Optionals, containers, integer-keyed dictionaries, bytes, dates, enums in several
///   taggings, field options, a Codable type through the bridge) through `encode`/`decode`,
///   `dump`/`load` and `dump(contentsOf:)`/`stream`.
/// - **Bad input**: every cut of a sample document, a wrong type, input past the size and
///   depth limits: each a ``LodumError`` with its path or the limit named, never a crash.
/// - **Duplicate keys**: a key twice in one mapping is refused by default, in structs,
///   dictionaries, `Value` objects and Codable types, and the last value wins when asked.
/// - **Faults**: a dump that fails midway leaves a file as it was; a failing sink is
///   abandoned and its error surfaces; a failing source ends a stream with an error after
///   whole elements only.
/// - **Concurrency**: many threads sharing options get the bytes and values one gets.
/// - **Capabilities, by behaviour, both ways**: a flag a format claims must show, and a
///   behaviour it shows must be claimed (see ``CapabilityProbe``).
public enum ConformanceSuite {
    /// Runs every check on `format` and reports what failed.
    public static func run<F: Format>(_ format: F.Type) -> ConformanceReport {
        var report = ConformanceReport(format: F.name)
        roundTrips(F.self, into: &report)
        endpoints(F.self, into: &report)
        representation(F.self, into: &report)
        duplicateKeys(F.self, into: &report)
        badInput(F.self, into: &report)
        faults(F.self, into: &report)
        concurrency(F.self, into: &report)
        for probe in CapabilityProbe.allCases {
            probe.check(F.self, into: &report)
        }
        return report
    }

    // MARK: Round trips

    static func roundTrips<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        roundTrip(ConformanceModel(), F.self, into: &report)
        roundTrip(ConformanceBridged(), F.self, into: &report)
        roundTrip(ConformanceIntegers(), F.self, into: &report)
        roundTrip(ConformanceFloats(), F.self, into: &report)
        roundTrip(ConformanceText(), F.self, into: &report)
        roundTrip(ConformanceShapes(), F.self, into: &report)
        let points = (0..<1_000).map { ConformancePoint(x: $0, y: -$0) }
        report.check("round trip: 1,000 points through dump(contentsOf:)/stream") {
            let sink = MemorySink()
            try F.dump(contentsOf: points.lazy.map { $0 }, to: sink)
            var stream = F.stream(ConformancePoint.self, from: MemorySource(sink.data))
            var read: [ConformancePoint] = []
            while let point = try stream.next() { read.append(point) }
            return read == points ? nil : "read \(read.count) points, \(read.first.map { "\($0)" } ?? "none") first"
        }
        report.check("round trip: a missing Optional and a null one both read as nil") {
            let missing = try F.encode(Value.object([Value.Member(key: "present", value: .int(1))]))
            let null = try F.encode(Value.object([Value.Member(key: "present", value: .int(1)), Value.Member(key: "absent", value: .null)]))
            let fromMissing = try F.decode(ConformanceShapes.self, from: missing)
            let fromNull = try F.decode(ConformanceShapes.self, from: null)
            return fromMissing.absent == nil && fromNull.absent == nil && fromMissing.present == 1
                ? nil : "read \(String(describing: fromMissing.absent)) and \(String(describing: fromNull.absent))"
        }
        report.check("round trip: a document of every value, through Value") {
            let tree = try F.decode(Value.self, from: F.encode(ConformanceModel()))
            let back = try F.decode(ConformanceModel.self, from: F.encode(tree))
            return back == ConformanceModel() ? nil : "the model read back through Value differs"
        }
    }

    /// The file endpoints every format shares: a file and a `FileHandle` get exactly
    /// `encode`'s bytes, and `load` and `stream` read them back.
    static func endpoints<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        report.check("endpoints: dump to a file and to a FileHandle writes encode's bytes; load and stream read them back") {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("lodum-conformance-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let value = ConformanceModel()
            let encoded = try F.encode(value)

            let file = directory.appendingPathComponent("model.\(F.fileExtensions.first ?? "out")")
            try F.dump(value, to: file)
            guard try Data(contentsOf: file) == encoded else { return "the file's bytes differ from encode's" }
            guard try F.load(ConformanceModel.self, from: file) == value else { return "load from the file read a different value" }

            let handled = directory.appendingPathComponent("handle")
            guard FileManager.default.createFile(atPath: handled.path, contents: nil) else { return "could not create \(handled.path)" }
            let writing = try FileHandle(forWritingTo: handled)
            try F.dump(value, to: writing)
            try writing.close()
            guard try Data(contentsOf: handled) == encoded else { return "the FileHandle's bytes differ from encode's" }
            let reading = try FileHandle(forReadingFrom: handled)
            defer { try? reading.close() }
            guard try F.load(ConformanceModel.self, from: reading) == value else { return "load from a FileHandle read a different value" }

            let points = (0..<100).map { ConformancePoint(x: $0, y: $0) }
            let streamed = directory.appendingPathComponent("points")
            try F.dump(contentsOf: points, to: streamed)
            var stream = F.stream(ConformancePoint.self, from: streamed)
            var read: [ConformancePoint] = []
            while let point = try stream.next() { read.append(point) }
            return read == points ? nil : "stream from the file read \(read.count) of 100 points"
        }
    }

    static func roundTrip<T: Serializable & Deserializable & Equatable, F: Format>(
        _ value: T, _ format: F.Type, into report: inout ConformanceReport
    ) {
        report.check("round trip: \(T.self) through encode/decode") {
            let back = try F.decode(T.self, from: F.encode(value))
            return back == value ? nil : "read back \(back)"
        }
        report.check("round trip: \(T.self) through dump/load") {
            let sink = MemorySink()
            try F.dump(value, to: sink)
            let back = try F.load(T.self, from: MemorySource(sink.data))
            return back == value ? nil : "read back \(back)"
        }
        report.check("round trip: \(T.self) through dump(contentsOf:)/stream") {
            let sink = MemorySink()
            try F.dump(contentsOf: [value, value].lazy.map { $0 }, to: sink)
            var stream = F.stream(T.self, from: MemorySource(sink.data))
            var read: [T] = []
            while let element = try stream.next() { read.append(element) }
            return read == [value, value] ? nil : "read back \(read.count) elements, \(read.first.map { "\($0)" } ?? "none") first"
        }
    }
}
