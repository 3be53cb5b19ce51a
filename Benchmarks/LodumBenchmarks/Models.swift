import Lodum

/// A point with both conformances: Lodum takes its generated fast path, Foundation its
/// synthesized Codable one, so both encode the very same value.
@Lodum struct Point: Codable, Equatable {
    var x: Int
    var y: Int
}

@Lodum struct Dataset: Codable, Equatable {
    var points: [Point]
}

@Lodum struct Record: Codable, Equatable {
    var id: Int
    var value: String
}

/// The same shapes with Codable only, to measure Lodum's Codable bridge.
struct CodablePoint: Codable, Equatable {
    var x: Int
    var y: Int
}

struct CodableDataset: Codable, Equatable {
    var points: [CodablePoint]
}

func makeDataset(count: Int) -> Dataset {
    Dataset(points: (0..<count).map { Point(x: $0, y: 2 * $0) })
}

func makeCodableDataset(count: Int) -> CodableDataset {
    CodableDataset(points: (0..<count).map { CodablePoint(x: $0, y: 2 * $0) })
}

@Lodum struct RecordSet: Codable, Equatable {
    var records: [Record]
}

struct CodableRecord: Codable, Equatable {
    var id: Int
    var value: String
}

struct CodableRecordSet: Codable, Equatable {
    var records: [CodableRecord]
}

/// Records with names of varying length, so strings, not integers, carry the bytes.
func makeRecords(count: Int) -> RecordSet {
    RecordSet(records: (0..<count).map { Record(id: $0, value: "record \($0) of \(count)") })
}

func makeCodableRecords(count: Int) -> CodableRecordSet {
    CodableRecordSet(records: (0..<count).map { CodableRecord(id: $0, value: "record \($0) of \(count)") })
}
