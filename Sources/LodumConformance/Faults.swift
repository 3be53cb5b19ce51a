import Foundation
import LodumCore

/// The error the fault checks inject, so they can tell it from anything else.
struct InjectedFault: Error, CustomStringConvertible {
    var description: String { "injected fault" }
}

/// A sequence of points that throws partway through serializing, as a disk-full or a bad
/// value late in a long dump would.
struct ConformanceFailingPoints: Serializable {
    var count: Int
    var failAt: Int

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.beginSeq(count: count)
        for index in 0..<count {
            if index == failAt { throw InjectedFault() }
            try ConformancePoint(x: index, y: index).serialize(to: &serializer)
        }
        try serializer.endSeq()
    }
}

/// A sink that throws once `limit` bytes have been offered, and records being abandoned.
final class FailingSink: ByteSink {
    let limit: Int
    private(set) var accepted = 0
    private(set) var wasAbandoned = false
    private(set) var wasFinished = false

    init(failingAfter limit: Int) {
        self.limit = limit
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard accepted + bytes.count <= limit else { throw InjectedFault() }
        accepted += bytes.count
    }

    func finish() throws { wasFinished = true }
    func abandon() { wasAbandoned = true }
}

extension ConformanceSuite {
    /// Faults on either side of a format: a value that throws midway through a dump to a
    /// file leaves the previous file as it was and nothing else; a sink that fails is told
    /// to abandon its output and its error reaches the caller; a source that fails mid-way
    /// ends a stream with an error, and every element delivered before it is whole.
    static func faults<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        report.check("faults: a dump to a file that fails midway leaves the previous file and nothing else") {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("lodum-faults-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("data")
            let previous = Data("the previous contents".utf8)
            try previous.write(to: file)
            do {
                try F.dump(ConformanceFailingPoints(count: 100_000, failAt: 90_000), to: file)
                return "the dump did not fail"
            } catch is InjectedFault {
            } catch let error as LodumError {
                guard error.description.contains("injected fault") else { return "the fault became \(error)" }
            }
            guard try Data(contentsOf: file) == previous else { return "the previous file was changed" }
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            return left == ["data"] ? nil : "files left behind: \(left.sorted())"
        }
        report.check("faults: a sink that fails is abandoned, and its error reaches the caller") {
            for limit in [0, 1, 100, 70_000] {
                let sink = FailingSink(failingAfter: limit)
                do {
                    try F.dump(contentsOf: (0..<20_000).map { ConformancePoint(x: $0, y: $0) }, to: sink)
                    return "a sink failing after \(limit) bytes did not fail the dump"
                } catch is InjectedFault {
                } catch let error as LodumError where error.description.contains("injected fault") {
                } catch {
                    return "a sink failing after \(limit) bytes surfaced as \(error)"
                }
                guard sink.wasAbandoned, !sink.wasFinished else {
                    return "a sink failing after \(limit) bytes was \(sink.wasFinished ? "finished" : "not abandoned")"
                }
            }
            return nil
        }
        report.check("faults: a source that fails ends a stream with an error at the offset it reached, after whole elements only") {
            let points = (0..<5_000).map { ConformancePoint(x: $0, y: -$0) }
            let sink = MemorySink()
            try F.dump(contentsOf: points, to: sink)
            let bytes = Array(sink.data)
            for limit in [0, 1, bytes.count / 3, bytes.count - 1] {
                var stream = F.stream(ConformancePoint.self, from: ChunkedSource(bytes, chunkSize: 256, failingAt: limit))
                var read: [ConformancePoint] = []
                do {
                    while let point = try stream.next() { read.append(point) }
                    return "a source failing at byte \(limit) of \(bytes.count) did not fail the stream"
                } catch let error as LodumError {
                    guard error.underlyingError is InjectedFault, case .io = error.kind else {
                        return "a source failing at byte \(limit) surfaced as \(error), not an io error carrying the fault"
                    }
                    guard error.position?.offset == limit else {
                        return "a source failing at byte \(limit) was reported at \(error.position.map { "\($0)" } ?? "no position")"
                    }
                } catch {
                    return "a source failing at byte \(limit) surfaced as \(type(of: error)), not a LodumError: \(error)"
                }
                guard read == Array(points.prefix(read.count)) else {
                    return "a source failing at byte \(limit): an element before the fault was not whole"
                }
            }
            return nil
        }
    }
}
