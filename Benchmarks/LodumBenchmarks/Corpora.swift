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
