import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct YDeployment: Equatable {
    var name: String
    var services: [String: YDeployedService]
}

@Lodum struct YDeployedService: Equatable {
    var image: String
    var replicas: Int
    var ports: [YPort]
}

@Lodum struct YPort: Equatable {
    var container: Int
    var host: UInt16
}

@Suite("YAML errors: the coding path, the line and column, what was expected and found")
struct YAMLErrorTests {
    static let deployment = """
        name: shop
        services:
          web:
            image: nginx
            replicas: 2
            ports:
              - container: 80
                host: 8080
              - container: 443
                host: not-a-port
          db:
            image: postgres
            replicas: 1
            ports: []
        """

    @Test func wrongTypeDeepInANestedStructureNamesThePathAndPosition() {
        let error = expectLodumError { _ = try YAML.decode(YDeployment.self, from: Self.deployment) }
        let at = Fixtures.lineAndColumn(of: "not-a-port", in: Self.deployment)
        #expect(error?.path == CodingPath([.field("services"), .key("web"), .field("ports"), .index(1), .field("host")]))
        #expect(error?.kind == .typeMismatch(expected: "UInt", found: #"String "not-a-port""#))
        #expect(error?.description == #"Error at services["web"].ports[1].host (line \#(at?.line ?? 0), column \#(at?.column ?? 0)): expected UInt, found String "not-a-port""#)
    }

    @Test func sameErrorThroughFlowStyleLoadAndStream() throws {
        let flow = "{name: shop, services: {web: {image: nginx, replicas: 2, ports: [{container: 80, host: 8080}, {container: 443, host: [1]}]}}}"
        let error = expectLodumError { _ = try YAML.decode(YDeployment.self, from: flow) }
        #expect(error?.path.description == #"services["web"].ports[1].host"#)
        #expect(error?.kind == .typeMismatch(expected: "UInt", found: "Sequence"))
        #expect(error?.description.contains("line 1, column \(Fixtures.lineAndColumn(of: "[1]", in: flow)?.column ?? 0)") == true, "\(String(describing: error?.description))")

        let loaded = expectLodumError { _ = try YAML.load(YDeployment.self, from: CountingSource(Fixtures.bytes(Self.deployment), chunkSize: 5)) }
        #expect(loaded?.description == expectLodumError { _ = try YAML.decode(YDeployment.self, from: Self.deployment) }?.description)

        var ports = YAML.stream(YPort.self, from: Fixtures.bytes("- {container: 1, host: 2}\n- {container: 3, host: -4}\n"))
        #expect(try ports.next() == YPort(container: 1, host: 2))
        let streamed = expectLodumError { _ = try ports.next() }
        #expect(streamed?.path.description == "[1].host")
        #expect(streamed?.description.contains("line 2, column 24") == true, "\(String(describing: streamed?.description))")
    }

    @Test func missingFieldNamesItsPath() {
        let error = expectLodumError { _ = try YAML.decode(YDeployment.self, from: "name: x\nservices:\n  web:\n    image: a\n    ports: []\n") }
        #expect(error?.kind == .missingField("replicas"))
        #expect(error?.path.description == #"services["web"].replicas"#)
    }

    @Test func foundValueIsDescribedByItsKind() {
        let cases: [(input: String, found: String)] = [
            ("x: null\ny: 1", "null"),
            ("x: ~\ny: 1", "null"),
            ("x: false\ny: 1", "Bool false"),
            ("x: [1]\ny: 1", "Sequence"),
            ("x: {a: 1}\ny: 1", "Mapping"),
            ("x: 1.5\ny: 1", "Number 1.5"),
            ("x: 'one'\ny: 1", #"String "one""#),
            ("x: !!binary aGk=\ny: 1", #"Bytes "aGk=""#),
        ]
        for (input, found) in cases {
            let error = expectLodumError("\(input)") { _ = try YAML.decode(Point.self, from: input) }
            #expect(error?.kind == .typeMismatch(expected: "Int", found: found), "\(input)")
            #expect(error?.path.description == "x")
            #expect(error?.description.contains("line 1, column 4") == true, "\(String(describing: error?.description))")
        }
    }

    @Test func expectingAStructButFindingASequenceIsATypeMismatchAtTheRoot() {
        let error = expectLodumError { _ = try YAML.decode(Point.self, from: "- 1\n- 2\n") }
        #expect(error?.kind == .typeMismatch(expected: "Mapping", found: "Sequence"))
        #expect(error?.description.hasPrefix("Error at <root> (line 1, column 1)") == true, "\(String(describing: error?.description))")
    }

    @Test func syntaxErrorCarriesLibyamlsPositionAndThePath() {
        let input = "name: shop\nservices:\n  web: [1, 2\n  db: 3\n"
        let error = expectLodumError { _ = try YAML.decode(Value.self, from: input) }
        guard case .syntax(let message)? = error?.kind else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("flow sequence"), "\(message)")
        #expect(message.contains("line 3, column 8"), "the context names where the sequence starts: \(message)")
        #expect(error?.position?.description.hasPrefix("line 4") == true, "\(String(describing: error?.description))")
        #expect(error?.path.description.hasPrefix(#"["services"]["web"]"#) == true, "\(String(describing: error?.path))")
    }

    @Test func badIndentationIsASyntaxErrorWithItsLine() {
        let input = "a:\n  b: 1\n c: 2\n"
        let error = expectLodumError { _ = try YAML.decode(Value.self, from: input) }
        guard case .syntax? = error?.kind else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("line 3") == true, "\(String(describing: error?.description))")
    }

    @Test func tabIndentationAndInvalidUTF8AreErrors() {
        _ = expectLodumError { _ = try YAML.decode(Value.self, from: "a:\n\tb: 1\n") }
        let invalid: [UInt8] = Array("a: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let error = expectLodumError { _ = try YAML.decode(Value.self, from: invalid) }
        #expect(error?.description.contains("byte offset 3") == true || error?.description.contains("column 4") == true, "\(String(describing: error?.description))")
    }

    @Test func everyFailureIsALodumError() {
        let inputs = [
            "{", "[1,", "a: [", "a: {b", "'unterminated", "\"unterminated", "a: 'x\n", "- a\nb: c", "a: b: c", "*", "&", "!",
            "? a\n? b\n:", "--- |\n  a\n b", "%YAML 9.9\n---\n1", "%FOO\n", "a: |\n  x\n\t", "\u{1}", "\u{0}", "---\n...\n...\n- a",
            "key: @reserved", "key: `reserved", "[a, b]: c", "{a: 1, a}", "a:\n  - b\n  c: d",
        ]
        for input in inputs {
            expectSuccessOrLodumError("\(input.debugDescription)") { _ = try YAML.decode(Point.self, from: input) }
            expectSuccessOrLodumError("\(input.debugDescription)") { _ = try YAML.decode(Value.self, from: input) }
            expectSuccessOrLodumError("\(input.debugDescription)") { _ = try YAML.load(Value.self, from: CountingSource(Fixtures.bytes(input), chunkSize: 1)) }
        }
        for input in ["{", "[1,", "'unterminated", "a: b: c", "\u{1}", "key: @reserved"] {
            _ = expectLodumError("\(input.debugDescription)") { _ = try YAML.decode(Value.self, from: input) }
        }
    }

    @Test func collectionKeyIsSkippedByAStructButRefusedByAMap() throws {
        #expect(try YAML.decode(Point.self, from: "? [a, b]\n: c\nx: 1\ny: 2\n") == Point(x: 1, y: 2))
        let error = expectLodumError { _ = try YAML.decode([String: String].self, from: "? [a, b]\n: c\n") }
        #expect(error?.description.contains("key") == true)
        _ = expectLodumError { _ = try YAML.decode(Value.self, from: "{? {a: 1} : 2}") }
    }

    @Test func errorFromAnAliasedNodeNamesWhereItIsUsed() {
        let error = expectLodumError { _ = try YAML.decode([Point].self, from: "- &p {x: 1, y: true}\n- *p\n") }
        #expect(error?.path.description == "[0].y")
        let second = expectLodumError { _ = try YAML.decode([String: [Point]].self, from: "ok: []\nbad: &p {x: 1}\nlist: [*p]\n") }
        #expect(second?.path.description == #"["bad"]"# || second?.path.description == #"["bad"].y"#, "\(String(describing: second?.path))")
    }
}

/// A hand-written `Serializable` that writes events no value could: a key without a value.
struct YKeyWithoutValue: Serializable {
    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.beginMap(count: nil)
        try serializer.mapKey("a")
        try serializer.endMap()
    }
}

/// Two values where one belongs.
struct YTwoValues: Serializable {
    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(Int64(1))
        try serializer.write(Int64(2))
    }
}

@Suite("YAML output errors")
struct YAMLOutputErrorTests {
    @Test func eventsNoDocumentCouldHoldAreALodumErrorNotACrash() {
        let missing = expectLodumError { _ = try YAML.encode(YKeyWithoutValue()) }
        #expect(missing?.description.contains("expected") == true, "\(String(describing: missing?.description))")
        _ = expectLodumError { _ = try YAML.encode(YTwoValues()) }
        let sink = RecordingSink()
        _ = expectLodumError { try YAML.dump(documents: [YKeyWithoutValue()], to: sink) }
        #expect(sink.abandoned)
    }

    @Test func depthLimitOnOutputNamesThePath() {
        let error = expectLodumError { _ = try YAML.encode(YChain.chain(length: 10), limits: Limits(maxDepth: 3)) }
        #expect(error?.kind == .limitExceeded(.depth(3)))
        #expect(error?.path.description == "next.next.next")
    }
}

@Suite("Malformed YAML throws a LodumError, never crashes")
struct YAMLTruncationTests {
    static let document = """
        # A sample with every kind of node.
        owner: &owner
          name: "Ada \\u00e9 \\U0001F600"
          age: 36
        items:
          - {sku: 'a-1', price: 9.99, quantity: 3}
          - sku: "b\\"2"
            price: -1.5e-3
            quantity: 65535
        tags: [x, '', "y z"]
        counts: {a: 1, b: -2}
        itemsByName:
          first: &first
            sku: c
            price: .5
            quantity: 0
        note: |
          line one
          line two
        missingNote: >-
          folded
          text
        matrix: [[1.0, 2], []]
        sparse: [~, 1]
        section:
          <<: {title: T}
          pages: [1, 2, 3]
        flags: [true, false]
        copy: *first
        """

    @Test func sampleDocumentDecodesWhole() throws {
        let inventory = try YAML.decode(Inventory.self, from: Self.document)
        #expect(inventory.owner.name == "Ada é 😀")
        #expect(inventory.items[1].sku == "b\"2")
        #expect(inventory.note == "line one\nline two\n")
        #expect(inventory.missingNote == "folded text")
        #expect(inventory.section == Catalog.Section(title: "T", pages: [1, 2, 3]))
        _ = try YAML.decode(Value.self, from: Self.document)
    }

    @Test func everyPrefixIsDecodedOrRejected() {
        let bytes = Array(Self.document.utf8)
        #expect(bytes.count > 400)
        var rejected = 0
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            expectSuccessOrLodumError("prefix of \(length) bytes") { _ = try YAML.decode(Inventory.self, from: prefix) }
            do {
                _ = try YAML.decode(Value.self, from: prefix)
            } catch is LodumError {
                rejected += 1
            } catch {
                Issue.record("prefix of \(length) bytes: \(type(of: error)): \(error)")
            }
        }
        // Most prefixes cut a scalar or a flow collection: most are errors even as a Value.
        #expect(rejected > bytes.count / 10)
    }

    @Test func everyPrefixReadByteAtATimeIsLoadedOrRejectedAlike() {
        let bytes = Array(Self.document.utf8)
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            var decoded: Result<Value, LodumError>
            do { decoded = .success(try YAML.decode(Value.self, from: prefix)) } catch let error as LodumError { decoded = .failure(error) } catch {
                Issue.record("prefix of \(length) bytes: \(error)")
                continue
            }
            var loaded: Result<Value, LodumError>
            do { loaded = .success(try YAML.load(Value.self, from: CountingSource(prefix, chunkSize: 1))) } catch let error as LodumError { loaded = .failure(error) } catch {
                Issue.record("prefix of \(length) bytes: \(error)")
                continue
            }
            switch (decoded, loaded) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "prefix of \(length) bytes")
            case (.failure(let a), .failure(let b)):
                #expect(a.description == b.description, "prefix of \(length) bytes")
            default:
                Issue.record("prefix of \(length) bytes: decode gave \(decoded), load gave \(loaded)")
            }
            expectSuccessOrLodumError("prefix of \(length) bytes") { _ = try YAML.load(Inventory.self, from: CountingSource(prefix, chunkSize: 1)) }
        }
    }

    @Test func everyPrefixOfAStreamEndsOrFailsWithALodumError() {
        let bytes = Fixtures.recordSequence(count: 4)
        for length in 0..<bytes.count {
            var records = YAML.stream(Record.self, from: Array(bytes[..<length]))
            expectSuccessOrLodumError("prefix of \(length) bytes") {
                while try records.next() != nil {}
            }
        }
    }

    @Test func randomByteFlipsNeverCrash() {
        var generator = SeededGenerator(seed: 0xF11B)
        let bytes = Array(Self.document.utf8)
        let replacements = Array("{}[]:,-?&*!|>'\"%@`#\n \t\\".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<3 {
                mutated[Int.random(in: 0..<mutated.count, using: &generator)] = replacements[Int.random(in: 0..<replacements.count, using: &generator)]
            }
            expectSuccessOrLodumError { _ = try YAML.decode(Value.self, from: mutated) }
            expectSuccessOrLodumError { _ = try YAML.decode(Inventory.self, from: mutated) }
        }
    }
}
