import CorpusModels
import Foundation
import Lodum
import LodumTestSupport
import Testing

// The standard JSON benchmark corpora, decoded into the typed models in
// Benchmarks/CorpusModels and written back. Comparing the input and the output as `Value`
// trees proves the models cover every field and that strings and numbers round-trip;
// Foundation's JSONDecoder, an independent reader, checks that what was read is what the
// file says.

/// Each test takes about a second even in a debug build. The limit reports a reader that has
/// gone super-linear as a failure, although the run still waits for the work to finish.
@Suite(.timeLimit(.minutes(1)))
struct CorpusTests {
    /// What every corpus model is: both halves of Lodum and of Codable, comparable.
    typealias CorpusModel = Serializable & Deserializable & Codable & Equatable & Sendable

    /// One corpus file, its model, and the differences a typed round trip is known to make.
    struct Corpus: Sendable, CustomTestStringConvertible {
        /// The file name under `../shared/corpora`.
        let file: String
        let model: any CorpusModel.Type
        /// Keys absent from some objects that come back as an explicit `null`: none, since
        /// the models mark every such key `@Field(skipIfNil: true)`, so a `nil` is left out
        /// as it was in the input.
        let nullsForAbsentKeys: Int
        /// Integers in the input that the model holds as `Double` (canada's coordinates); a
        /// `Double` is written with a fraction (`-128.0`), the same number.
        let integersWrittenAsDoubles: Int

        var testDescription: String { file }

        static let twitter = Corpus(
            file: "twitter.json", model: Twitter.self, nullsForAbsentKeys: 0, integersWrittenAsDoubles: 0)
        static let citmCatalog = Corpus(
            file: "citm_catalog.json", model: CitmCatalog.self, nullsForAbsentKeys: 0, integersWrittenAsDoubles: 0)
        static let canada = Corpus(
            file: "canada.json", model: Canada.self, nullsForAbsentKeys: 0, integersWrittenAsDoubles: 46)

        static let all = [twitter, citmCatalog, canada]
    }

    /// Room for the largest corpus (canada.json, 2.2 MB) with a wide margin.
    let corpusLimits = Limits(maxInputSize: 16 << 20)

    // MARK: - Round trip

    @Test(arguments: Corpus.all)
    func corpusRoundTripsThroughTypedModel(_ corpus: Corpus) throws {
        try roundTrip(corpus.model, corpus)
    }

    private func roundTrip<T: CorpusModel>(_ type: T.Type, _ corpus: Corpus) throws {
        let original = try corpusData(corpus.file)
        let model = try JSON.decode(T.self, from: original, limits: corpusLimits)
        let written = try JSON.encode(model, limits: corpusLimits)

        // Nothing lost, nothing changed: the input and the output are the same data, up to
        // the two documented differences, whose counts are pinned.
        let originalValue = try JSON.decode(Value.self, from: original, limits: corpusLimits)
        let writtenValue = try JSON.decode(Value.self, from: written, limits: corpusLimits)
        var differences = ValueDifferences()
        differences.compare(originalValue, writtenValue, at: "$")
        #expect(
            differences.mismatches.isEmpty,
            "\(differences.mismatches.count) differences, first: \(differences.mismatches.prefix(5))"
        )
        #expect(differences.nullsForAbsentKeys.count == corpus.nullsForAbsentKeys)
        #expect(differences.integersWrittenAsDoubles.count == corpus.integersWrittenAsDoubles)
        if corpus.nullsForAbsentKeys == 0 && corpus.integersWrittenAsDoubles == 0 {
            #expect(originalValue == writtenValue)
        }

        // The written bytes read back into the same model.
        let reread = try JSON.decode(T.self, from: written, limits: corpusLimits)
        try expectSameModel(reread, model, "decoded from the re-encoded bytes")
    }

    // MARK: - load

    @Test(arguments: Corpus.all)
    func corpusLoadsFromFileAsDecoded(_ corpus: Corpus) throws {
        try loadMatchesDecode(corpus.model, corpus)
    }

    private func loadMatchesDecode<T: CorpusModel>(_ type: T.Type, _ corpus: Corpus) throws {
        let decoded = try JSON.decode(T.self, from: try corpusData(corpus.file), limits: corpusLimits)
        let loaded = try JSON.load(T.self, from: corpusURL(corpus.file), limits: corpusLimits)
        try expectSameModel(loaded, decoded, "loaded from the file URL")
    }

    // MARK: - Foundation agrees

    /// Foundation's JSONDecoder reads the corpus independently of Lodum's reader, so it
    /// catches a reader bug that a Lodum-only round trip repeats on both sides. The benchmark
    /// also feeds these models to Foundation: what its encoder writes must read back.
    @Test(arguments: Corpus.all)
    func corpusModelsAgreeWithFoundation(_ corpus: Corpus) throws {
        try foundationAgrees(corpus.model, corpus)
    }

    private func foundationAgrees<T: CorpusModel>(_ type: T.Type, _ corpus: Corpus) throws {
        let original = try corpusData(corpus.file)
        let foundation = try JSONDecoder().decode(T.self, from: original)
        let lodum = try JSON.decode(T.self, from: original, limits: corpusLimits)
        try expectSameModel(lodum, foundation, "Lodum's decoding vs JSONDecoder's")
        let foundationWritten = try JSONEncoder().encode(foundation)
        try expectSameModel(
            try JSON.decode(T.self, from: foundationWritten, limits: corpusLimits), foundation,
            "Lodum's decoding of JSONEncoder's output")
    }

    // MARK: - Known values

    @Test func twitterKnownValues() throws {
        let twitter = try JSON.decode(Twitter.self, from: try corpusData("twitter.json"), limits: corpusLimits)
        #expect(twitter.statuses.count == 100)
        let first = try #require(twitter.statuses.first)
        // The corpus's ids went through a JavaScript double once: `id` is rounded, `id_str` is not.
        #expect(first.id == 505_874_924_095_815_700)
        #expect(first.id > Int(Int32.max))
        #expect(first.id_str == "505874924095815681")
        #expect(first.user.screen_name == "ayuu0123")
        #expect(first.user.id == 1_186_275_104)
        #expect(first.in_reply_to_screen_name == "aym0566x")
        #expect(first.source == #"<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>"#)
        #expect(first.metadata.iso_language_code == "ja")
        #expect(first.geo == AlwaysNull())
        #expect(twitter.statuses.filter { $0.retweeted_status != nil }.count == 73)
        #expect(twitter.statuses.compactMap(\.entities.media).count == 6)
        #expect(twitter.search_metadata.completed_in == 0.087)
        #expect(twitter.search_metadata.max_id_str == "505874924095815681")
        #expect(twitter.search_metadata.count == 100)
    }

    @Test func citmCatalogKnownValues() throws {
        let catalog = try JSON.decode(CitmCatalog.self, from: try corpusData("citm_catalog.json"), limits: corpusLimits)
        #expect(catalog.performances.count == 243)
        #expect(catalog.events.count == 184)
        #expect(catalog.areaNames.count == 17)
        #expect(catalog.areaNames["205705993"] == "Arrière-scène central")
        #expect(catalog.venueNames == ["PLEYEL_PLEYEL": "Salle Pleyel"])
        #expect(catalog.topicSubTopics["107888604"] == [337_184_283, 337_184_267])
        let event = try #require(catalog.events["138586341"])
        #expect(event.name == "30th Anniversary Tour")
        #expect(event.topicIds == [324_846_099, 107_888_604])
        let performance = try #require(catalog.performances.first)
        #expect(performance.id == 339_887_544)
        #expect(performance.eventId == 138_586_341)
        #expect(performance.prices.first?.amount == 90250)
        #expect(catalog.performances.map(\.start).max() == 1_404_410_400_000)
        #expect(catalog.performances.flatMap(\.seatCategories).flatMap(\.areas).count == 8685)
    }

    @Test func canadaKnownValues() throws {
        let canada = try JSON.decode(Canada.self, from: try corpusData("canada.json"), limits: corpusLimits)
        #expect(canada.type == "FeatureCollection")
        #expect(canada.features.count == 1)
        let feature = try #require(canada.features.first)
        #expect(feature.properties.name == "Canada")
        #expect(feature.geometry.type == "Polygon")
        #expect(feature.geometry.coordinates.count == 480)
        #expect(feature.geometry.coordinates.map(\.count).reduce(0, +) == 55563)
        // Written -65.613616999999977, 43.420273000000009 in the file: the nearest doubles.
        #expect(feature.geometry.coordinates.first?.first == [-65.613616999999977, 43.420273000000009])
    }

    // MARK: - Helpers under test

    @Test func missingCorpusFailsNamingThePath() throws {
        let error = try #require(throws: MissingCorpus.self) { try corpusData("no-such-corpus.json") }
        #expect(error.path.hasSuffix("/shared/corpora/no-such-corpus.json"))
        #expect(error.description.contains(error.path))
    }

    @Test func alwaysNullAcceptsOnlyNull() throws {
        #expect(try JSON.decode([AlwaysNull].self, from: "[null]") == [AlwaysNull()])
        #expect(try JSON.encodeString([AlwaysNull()]) == "[null]")
        #expect(throws: LodumError.self) { try JSON.decode(AlwaysNull.self, from: "0") }
        #expect(try JSONDecoder().decode([AlwaysNull].self, from: Data("[null]".utf8)) == [AlwaysNull()])
        #expect(try JSONEncoder().encode([AlwaysNull()]) == Data("[null]".utf8))
    }

    // MARK: - Corpus files

    /// A corpus file that is not where the tests look for it.
    struct MissingCorpus: Error, CustomStringConvertible {
        let path: String
        var description: String { "corpus file not found at \(path) (expected ../shared/corpora from the package root)" }
    }

    /// `../shared/corpora/<file>` relative to the package root, found from this source file.
    func corpusURL(_ file: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // LodumJSONTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("../shared/corpora/\(file)")
            .standardizedFileURL
    }

    /// The bytes of a corpus file; a missing file is a failure that names where it looked.
    func corpusData(_ file: String) throws -> Data {
        let url = corpusURL(file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingCorpus(path: url.path) }
        return try Data(contentsOf: url)
    }

    // MARK: - Comparing

    /// Records an issue naming where two models differ, instead of printing both whole.
    func expectSameModel<T: CorpusModel>(
        _ actual: T, _ expected: T, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard actual != expected else { return }
        var differences = ValueDifferences()
        differences.compare(try Value(from: expected), try Value(from: actual), at: "$")
        let all = differences.mismatches + differences.nullsForAbsentKeys + differences.integersWrittenAsDoubles
        Issue.record(
            "\(what): the models differ at \(all.count) places, first: \(all.prefix(5))",
            sourceLocation: sourceLocation
        )
    }
}

extension CorpusTests {
    /// Where two `Value` trees differ, sorted into the differences a typed round trip is
    /// expected to make and everything else.
    struct ValueDifferences {
        /// Paths of keys absent from the input and `null` in the output.
        var nullsForAbsentKeys: [String] = []
        /// Paths of integers in the input written as the same number with a fraction.
        var integersWrittenAsDoubles: [String] = []
        /// Every other difference, described.
        var mismatches: [String] = []

        mutating func compare(_ input: Value, _ output: Value, at path: String) {
            switch (input, output) {
            case (.object(let inputMembers), .object(let outputMembers)):
                var remaining: [String: Value] = [:]
                for member in outputMembers {
                    if remaining.updateValue(member.value, forKey: member.key) != nil {
                        mismatches.append("\(path).\(member.key): written twice")
                    }
                }
                for member in inputMembers {
                    if let written = remaining.removeValue(forKey: member.key) {
                        compare(member.value, written, at: "\(path).\(member.key)")
                    } else {
                        mismatches.append("\(path).\(member.key): lost (was \(member.value.summary))")
                    }
                }
                for (key, value) in remaining.sorted(by: { $0.key < $1.key }) {
                    if value == .null {
                        nullsForAbsentKeys.append("\(path).\(key)")
                    } else {
                        mismatches.append("\(path).\(key): added (\(value.summary))")
                    }
                }
            case (.array(let inputElements), .array(let outputElements)):
                guard inputElements.count == outputElements.count else {
                    mismatches.append("\(path): \(inputElements.count) elements became \(outputElements.count)")
                    return
                }
                for (index, (element, written)) in zip(inputElements, outputElements).enumerated() {
                    compare(element, written, at: "\(path)[\(index)]")
                }
            case (.int(let integer), .double(let double)) where Double(exactly: integer) == double:
                integersWrittenAsDoubles.append(path)
            default:
                if input != output {
                    mismatches.append("\(path): \(input.summary) became \(output.summary)")
                }
            }
        }
    }
}
