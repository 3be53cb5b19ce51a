// The README's main job: stream 1,000,000 points to a JSON file without ever holding
// them, then read them back lazily, one at a time, and report counts, time and memory.
//
//     swift run -c release stream-points [count] [path]

import ExampleSupport
import Foundation
import Lodum

@Lodum struct Point {
    var x: Int
    var y: Int
}



let arguments = CommandLine.arguments.dropFirst()
let count = arguments.first.flatMap(Int.init) ?? 1_000_000
let url = URL(fileURLWithPath: arguments.dropFirst().first ?? FileManager.default.temporaryDirectory
    .appendingPathComponent("lodum-points.json").path)

do {
    print("Lodum \(JSON.name) capabilities: \(JSON.capabilities)")

    let dumpStart = ContinuousClock.now
    let points = (0..<count).lazy.map { Point(x: $0, y: 2 * $0) }
    try JSON.dump(contentsOf: points, to: url)
    let dumpTime = seconds(since: dumpStart)
    let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    print(String(format: "dump:   %d points → %@ (%.1f MB) in %.2f s, peak memory %.1f MiB",
                 count, url.path, Double(size) / 1e6, dumpTime, peakMemoryMiB()))

    let streamStart = ContinuousClock.now
    var read = 0
    var checksum = 0
    var stream = JSON.stream(Point.self, from: url)
    while let point = try stream.next() {
        guard point.y == 2 * point.x else {
            print("error: point \(read) reads back as \(point)")
            exit(1)
        }
        read += 1
        checksum &+= point.x
    }
    let streamTime = seconds(since: streamStart)
    print(String(format: "stream: %d points read back lazily in %.2f s, peak memory %.1f MiB",
                 read, streamTime, peakMemoryMiB()))

    guard read == count, checksum == (0..<count).reduce(0, &+) else {
        print("error: read \(read) of \(count) points")
        exit(1)
    }
    try? FileManager.default.removeItem(at: url)
    print("ok: every point round-tripped")
} catch {
    print("error: \(error)")
    exit(1)
}
