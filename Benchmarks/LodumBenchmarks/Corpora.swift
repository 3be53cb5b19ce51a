import CorpusModels
import Foundation
import Lodum

/// One of the standard JSON corpora (`../shared/corpora`) and its typed model, measured
/// with `@Lodum` against Foundation on the same value and the same bytes.
struct BenchmarkCorpus {
    let file: String
    let compare: (_ bytes: Data, _ runs: Int) throws -> [Comparison]

    static let directory = URL(fileURLWithPath: "../shared/corpora")
    static var all: [BenchmarkCorpus] { [corpus(Twitter.self, "twitter.json"), corpus(CitmCatalog.self, "citm_catalog.json"), corpus(Canada.self, "canada.json")] }

    static func corpus<Model: Serializable & Deserializable & Codable & Equatable>(_ model: Model.Type, _ file: String) -> BenchmarkCorpus {
        BenchmarkCorpus(file: file) { bytes, runs in
            let limits = Limits(maxInputSize: 64 << 20)
            let value = try JSON.decode(Model.self, from: bytes, limits: limits)
            guard try JSONDecoder().decode(Model.self, from: bytes) == value else {
                throw LodumError(.custom("Lodum and Foundation read \(file) differently"))
            }
            let encoder = JSONEncoder()
            return [
                try LodumBenchmarks.compare(
                    "JSON encode \(file) (@Lodum)", bytes: bytes.count, runs: runs, peer: "Foundation JSONEncoder",
                    target: .faster(10),
                    lodum: { consume(try JSON.encode(value)) },
                    against: { consume(try encoder.encode(value)) }),
                try LodumBenchmarks.compare(
                    "JSON decode \(file) (@Lodum)", bytes: bytes.count, runs: runs, peer: "Foundation JSONDecoder",
                    target: .faster(10),
                    lodum: { consume(try JSON.decode(Model.self, from: bytes, limits: limits)) },
                    against: { consume(try JSONDecoder().decode(Model.self, from: bytes)) }),
            ]
        }
    }

    /// What `--profile` can loop over one corpus, with Lodum or with Foundation.
    enum ProfiledOperation: String {
        case encode = "corpus-encode"
        case decode = "corpus-decode"
        case foundationEncode = "foundation-corpus-encode"
        case foundationDecode = "foundation-corpus-decode"
        /// The allocations any decoder of the model must make, and nothing else: every
        /// `String` of the decoded value made again from its UTF-8 bytes, and every array,
        /// dictionary and boxed value allocated at its final size. A floor for decoding.
        case allocations = "corpus-allocations"
    }

    /// What a decoded value allocates, found once by reflection (not timed).
    struct AllocationCensus {
        var strings: [[UInt8]] = []
        /// The byte size of each array's or dictionary's storage.
        var buffers: [Int] = []

        init(of value: Any) {
            visit(value)
        }

        mutating func visit(_ value: Any) {
            if let text = value as? String {
                strings.append(Array(text.utf8))
                return
            }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .collection?, .dictionary?, .set?:
                if mirror.children.count > 0 { buffers.append(32 + 16 * mirror.children.count) }
            case .enum?:
                // Indirect's case is boxed.
                if mirror.children.count > 0 { buffers.append(32) }
            default:
                break
            }
            for child in mirror.children { visit(child.value) }
        }

        /// Makes every string and buffer again, as a decoder would.
        func allocate() {
            var strings: [String] = []
            strings.reserveCapacity(self.strings.count)
            for bytes in self.strings {
                strings.append(bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
            }
            var buffers: [UnsafeMutableRawPointer] = []
            buffers.reserveCapacity(self.buffers.count)
            for size in self.buffers { buffers.append(UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)) }
            consume(strings)
            for buffer in buffers { buffer.deallocate() }
        }
    }

    /// The body `--profile` loops: one operation on the corpus `file` in its typed model,
    /// after the set-up (reading the file, and the value of an encode).
    static func profiledBody(_ operation: ProfiledOperation, file: String) throws -> () throws -> Void {
        switch file {
        case "twitter.json": try profiledBody(operation, file: file, model: Twitter.self)
        case "citm_catalog.json": try profiledBody(operation, file: file, model: CitmCatalog.self)
        case "canada.json": try profiledBody(operation, file: file, model: Canada.self)
        default: throw LodumError(.custom("unknown corpus \(file): twitter.json, citm_catalog.json or canada.json"))
        }
    }

    static func profiledBody<Model: Serializable & Deserializable & Codable>(
        _ operation: ProfiledOperation, file: String, model: Model.Type
    ) throws -> () throws -> Void {
        let url = directory.appendingPathComponent(file)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw LodumError(.io("the corpus \(file) is missing: looked for \(url.path) (run from the package root)"))
        }
        let limits = Limits(maxInputSize: 64 << 20)
        let value = try JSON.decode(Model.self, from: bytes, limits: limits)
        switch operation {
        case .encode: return { consume(try JSON.encode(value)) }
        case .decode: return { consume(try JSON.decode(Model.self, from: bytes, limits: limits)) }
        case .foundationEncode: return { consume(try JSONEncoder().encode(value)) }
        case .foundationDecode: return { consume(try JSONDecoder().decode(Model.self, from: bytes)) }
        case .allocations:
            let census = AllocationCensus(of: value)
            print("\(file): \(census.strings.count) strings (\(census.strings.filter { $0.count > 15 }.count) over 15 bytes), "
                + "\(census.buffers.count) arrays, dictionaries and boxes")
            return { census.allocate() }
        }
    }

    /// Reads the corpus file and measures it; a missing corpus is an error naming where it
    /// was looked for.
    func compare(runs: Int) throws -> [Comparison] {
        let url = Self.directory.appendingPathComponent(file)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw LodumError(.io("the corpus \(file) is missing: looked for \(url.path) (run from the package root)"))
        }
        return try compare(bytes, runs)
    }
}
