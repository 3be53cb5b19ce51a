import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct YCompose: Equatable {
    var services: [String: YService]
}

@Lodum struct YJob: Equatable {
    var runsOn: String
    var timeout: Int
    var steps: [String]
    var env: [String: String]
}

@Lodum struct YPipeline: Equatable {
    var jobs: [YJob]
}

@Lodum struct YShapes: Equatable {
    var quad: [[Point]]
}

@Suite("YAML anchors, aliases and merge keys")
struct YAMLAnchorTests {
    // MARK: Anchors and aliases

    @Test func aliasOfAScalarRepeatsIt() throws {
        #expect(try YAML.decode([String: String].self, from: "a: &x hello\nb: *x\nc: *x\n") == ["a": "hello", "b": "hello", "c": "hello"])
        #expect(try YAML.decode(Point.self, from: "x: &n 5\ny: *n\n") == Point(x: 5, y: 5))
        // An alias keeps the style of its node: a quoted scalar stays a string.
        #expect(try YAML.decode([Value].self, from: "[&q '12', *q, &p 12, *p]") == [.string("12"), .string("12"), .int(12), .int(12)])
    }

    @Test func aliasOfASequenceRepeatsIt() throws {
        let value = try YAML.decode([String: [Int]].self, from: "a: &list [1, 2, 3]\nb: *list\n")
        #expect(value == ["a": [1, 2, 3], "b": [1, 2, 3]])
        let block = try YAML.decode([[String]].self, from: "- &s\n  - x\n  - y\n- *s\n- *s\n")
        #expect(block == [["x", "y"], ["x", "y"], ["x", "y"]])
    }

    @Test func aliasOfAMappingRepeatsIt() throws {
        let points = try YAML.decode([Point].self, from: "- &p {x: 1, y: 2}\n- *p\n- &q\n  x: 3\n  y: 4\n- *q\n")
        #expect(points == [Point(x: 1, y: 2), Point(x: 1, y: 2), Point(x: 3, y: 4), Point(x: 3, y: 4)])
    }

    @Test func aliasesInsideAnAnchoredNodeAreExpandedWhenItIsRepeated() throws {
        let input = """
            leaf: &leaf {x: 1, y: 2}
            pair: &pair [*leaf, *leaf]
            quad: &quad [*pair, *pair]
            all: [*quad, *pair]
            """
        let value = try YAML.decode(Value.self, from: input)
        let leaf = yamlObject(["x": .int(1), "y": .int(2)])
        let pair = Value.array([leaf, leaf])
        let quad = Value.array([pair, pair])
        #expect(value == yamlObject(["leaf": leaf, "pair": pair, "quad": quad, "all": .array([quad, pair])]))
        #expect(try YAML.decode(YShapes.self, from: input).quad == Array(repeating: Array(repeating: Point(x: 1, y: 2), count: 2), count: 2))
    }

    @Test func aliasAsAMappingKey() throws {
        #expect(try YAML.decode(Value.self, from: "first: &k name\n*k : 2\n") == yamlObject(["first": .string("name"), "name": .int(2)]))
        #expect(try YAML.decode([String: Point].self, from: "a: {&kx x: 1, &ky y: 2}\nb: {*kx : 3, *ky : 4}\n") == ["a": Point(x: 1, y: 2), "b": Point(x: 3, y: 4)])
    }

    @Test func redefinedAnchorNamesItsLatestNode() throws {
        let input = "a: &x 1\nb: *x\nc: &x [2]\nd: *x\ne: &x {k: 3}\nf: *x\n"
        #expect(try YAML.decode(Value.self, from: input) == yamlObject([
            "a": .int(1), "b": .int(1), "c": .array([.int(2)]), "d": .array([.int(2)]),
            "e": yamlObject(["k": .int(3)]), "f": yamlObject(["k": .int(3)]),
        ]))
    }

    @Test func aliasInsideANodeRedefiningItsAnchorNamesTheEarlierNode() throws {
        #expect(try YAML.decode(Value.self, from: "a: &x 1\nb: &x [*x, 2]\nc: *x\n") == yamlObject([
            "a": .int(1), "b": .array([.int(1), .int(2)]), "c": .array([.int(1), .int(2)]),
        ]))
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        var documents = YAML.documents(Value.self, from: Fixtures.bytes("--- &a 1\n--- *a\n"))
        #expect(try documents.next() == .int(1))
        let error = expectLodumError { _ = try documents.next() }
        #expect(error?.description.contains("*a") == true)
    }

    @Test func recursiveAliasIsAnError() {
        for input in ["&a [*a]", "a: &a {b: *a}", "&a\n- 1\n- *a\n", "x: &r\n  y: &s [*r]\n"] {
            let error = expectLodumError("\(input)") { _ = try YAML.decode(Value.self, from: input) }
            #expect(error?.description.contains("contains it") == true, "\(String(describing: error?.description))")
        }
    }

    @Test func undefinedAliasIsAnErrorNamingIt() {
        let error = expectLodumError { _ = try YAML.decode(Value.self, from: "a: 1\nb: *missing\n") }
        #expect(error?.description.contains("*missing") == true, "\(String(describing: error?.description))")
        #expect(error?.description.contains("line 2, column 4") == true, "\(String(describing: error?.description))")
        // An anchor defined later does not count.
        let later = expectLodumError { _ = try YAML.decode(Value.self, from: "a: *x\nb: &x 1\n") }
        #expect(later?.description.contains("*x") == true)
        // Also inside a value the type skips.
        let skipped = expectLodumError { _ = try YAML.decode(Point.self, from: "x: 1\ny: 2\nz: [*nowhere]\n") }
        #expect(skipped?.description.contains("*nowhere") == true)
    }

    // MARK: Merge keys

    static let compose = """
        x-defaults: &defaults
          image: app:1.0
          restart: always
          environment: &env
            LOG: info
            MODE: prod
          ports: []
        x-logging: &logging
          restart: on-failure
          environment:
            LOG: debug
        services:
          web:
            <<: *defaults
            restart: "no"
            ports: ["80:80"]
          worker:
            image: worker:2
            <<: [*logging, *defaults]
          batch:
            <<: *defaults
            environment:
              <<: *env
              MODE: batch
        """

    @Test func mergeKeysAsDockerComposeUsesThem() throws {
        let file = try YAML.decode(YCompose.self, from: Self.compose)
        #expect(file.services["web"] == YService(image: "app:1.0", restart: "no", environment: ["LOG": "info", "MODE": "prod"], ports: ["80:80"]))
        // Explicit key before `<<` wins; of the merged sources the first wins.
        #expect(file.services["worker"] == YService(image: "worker:2", restart: "on-failure", environment: ["LOG": "debug"], ports: []))
        // A merge inside a nested mapping, with an override after it.
        #expect(file.services["batch"] == YService(image: "app:1.0", restart: "always", environment: ["LOG": "info", "MODE": "batch"], ports: []))
    }

    @Test func mergeIntoValueGivesTheMergedMapping() throws {
        let value = try YAML.decode(Value.self, from: Self.compose)
        guard case .object(let top) = value, case .object(let services)? = top.first(where: { $0.key == "services" })?.value else {
            Issue.record("unexpected shape: \(value)")
            return
        }
        let web = services.first { $0.key == "web" }?.value
        #expect(web == yamlObject([
            "image": .string("app:1.0"), "restart": .string("no"),
            "environment": yamlObject(["LOG": .string("info"), "MODE": .string("prod")]), "ports": .array([.string("80:80")]),
        ]))
        // No merge key survives, and no key appears twice.
        if case .object(let members)? = web {
            #expect(!members.contains { $0.key == "<<" })
            #expect(Set(members.map(\.key)).count == members.count)
        }
    }

    @Test func explicitKeysBeforeAndAfterTheMergeKeyOverrideMergedOnes() throws {
        let input = "base: &b {a: 1, b: 2, c: 3}\nm:\n  a: 10\n  <<: *b\n  c: 30\n"
        let value = try YAML.decode([String: [String: Int]].self, from: input)
        #expect(value["m"] == ["a": 10, "b": 2, "c": 30])
    }

    @Test func keyThatIsAnAliasOverridesAMergedKeyToo() throws {
        let input = "k: &k port\nbase: &b {port: 1, host: h}\nm: {<<: *b, *k : 2}\nn: {*k : 3, <<: *b}\n"
        let value = try YAML.decode([String: Value].self, from: input)
        #expect(value["m"] == yamlObject(["port": .int(2), "host": .string("h")]))
        #expect(value["n"] == yamlObject(["port": .int(3), "host": .string("h")]))
    }

    @Test func earlierMergeSourcesWinOverLaterOnes() throws {
        let input = "a: &a {k: from-a, only-a: 1}\nb: &b {k: from-b, only-b: 2}\nm:\n  <<: [*a, *b]\n"
        let value = try YAML.decode(Value.self, from: input)
        guard case .object(let top) = value, let merged = top.first(where: { $0.key == "m" })?.value else {
            Issue.record("unexpected shape: \(value)")
            return
        }
        #expect(merged == yamlObject(["k": .string("from-a"), "only-a": .int(1), "only-b": .int(2)]))
    }

    @Test func inlineMappingsAndSequencesOfThemMerge() throws {
        let value = try YAML.decode([String: [String: Int]].self, from: "m:\n  <<: {a: 1, b: 2}\n  b: 3\nn:\n  <<: [{a: 1}, {a: 2, b: 2}]\n")
        #expect(value == ["m": ["a": 1, "b": 3], "n": ["a": 1, "b": 2]])
    }

    @Test func nestedMergesInsideAMergedBaseAreResolved() throws {
        let input = """
            root: &root {a: 1, b: 1, c: 1}
            mid: &mid
              <<: *root
              b: 2
            top:
              <<: *mid
              c: 3
            """
        let value = try YAML.decode([String: [String: Int]].self, from: input)
        #expect(value["mid"] == ["a": 1, "b": 2, "c": 1])
        #expect(value["top"] == ["a": 1, "b": 2, "c": 3])
    }

    @Test func mergeIntoALodumStructAsCIFilesUseIt() throws {
        let input = """
            .defaults: &defaults
              runsOn: ubuntu-latest
              timeout: 10
              env: {CI: "true"}
            jobs:
              - <<: *defaults
                steps: [build]
              - <<: *defaults
                timeout: 30
                steps: [test, report]
                env:
                  CI: "true"
                  SLOW: "1"
            """
        let pipeline = try YAML.decode(YPipeline.self, from: input)
        #expect(pipeline.jobs == [
            YJob(runsOn: "ubuntu-latest", timeout: 10, steps: ["build"], env: ["CI": "true"]),
            YJob(runsOn: "ubuntu-latest", timeout: 30, steps: ["test", "report"], env: ["CI": "true", "SLOW": "1"]),
        ])
    }

    @Test func anchoredMappingWithAMergeKeyMergesAgainWhenRepeated() throws {
        let input = "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: *b\nd: {<<: *b, x: 9}\n"
        #expect(try YAML.decode([String: [String: Int]].self, from: input) == [
            "a": ["x": 1], "b": ["x": 1, "y": 2], "c": ["x": 1, "y": 2], "d": ["x": 9, "y": 2],
        ])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        #expect(try YAML.decode([String: Int].self, from: "'<<': 1\na: 2\n") == ["<<": 1, "a": 2])
        #expect(try YAML.decode([String: Int].self, from: YAML.encode(["<<": 1])) == ["<<": 1])
        // As a value or an element, `<<` is text.
        #expect(try YAML.decode([String: [String]].self, from: "a: [<<]\nb:\n- <<\n") == ["a": ["<<"], "b": ["<<"]])
        #expect(try YAML.decode([String: String].self, from: "a: <<\n") == ["a": "<<"])
    }

    @Test func mergeOfSomethingOtherThanAMappingIsAnError() {
        for input in ["m:\n  <<: 1\n", "m:\n  <<: [1, 2]\n", "s: &s [1]\nm:\n  <<: *s\n", "s: &s x\nm:\n  <<: *s\n", "m: {<<: {a: 1}, <<: {b: 2}}\n", "m: {<<: [{a: 1}, [b]]}\n"] {
            let error = expectLodumError("\(input)") { _ = try YAML.decode(Value.self, from: input) }
            #expect(error?.description.contains("<<") == true, "\(String(describing: error?.description))")
        }
    }

    // MARK: Billion laughs

    static let billionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    static func expectAliasLimit(_ error: LodumError?, _ limit: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.kind == .limitExceeded(.aliasExpansion(limit)), "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains("maxAliasExpansion") == true, sourceLocation: sourceLocation)
        #expect(error?.description.contains("\(limit)") == true, sourceLocation: sourceLocation)
    }

    /// Runs `body`, which must fail with the alias limit, and checks that it fails quickly:
    /// what it expands before the limit trips is bounded by the limit, not by the bomb.
    static func expectFastAliasLimit(_ limit: Int = 100_000, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        let clock = ContinuousClock()
        var error: LodumError?
        let elapsed = clock.measure { error = expectLodumError(sourceLocation: sourceLocation, body) }
        expectAliasLimit(error, limit, sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(1), "took \(elapsed)", sourceLocation: sourceLocation)
    }

    @Test func billionLaughsFailsFastWithTheAliasLimit() {
        Self.expectFastAliasLimit { _ = try YAML.decode(Value.self, from: Self.billionLaughs) }
        // Into a type that skips every key: skipping expands too.
        Self.expectFastAliasLimit { _ = try YAML.decode(Point.self, from: Self.billionLaughs) }
        Self.expectFastAliasLimit { _ = try YAML.decode([String: [Value]].self, from: Self.billionLaughs) }
        Self.expectFastAliasLimit { _ = try YAML.load(Value.self, from: CountingSource(Fixtures.bytes(Self.billionLaughs), chunkSize: 7)) }
        var documents = YAML.documents(Value.self, from: Fixtures.bytes(Self.billionLaughs))
        Self.expectFastAliasLimit { _ = try documents.next() }
    }

    @Test func aliasCostsItsWholeExpansionWhenItIsRead() {
        // a: 9 strings; b repeats a 9 times (90 nodes); c repeats b 9 times (819 nodes).
        // d's first alias alone would repeat 820 more: it is refused where it is written.
        let limits = Limits(maxAliasExpansion: 1_000)
        for decode in [{ _ = try YAML.decode(Value.self, from: Self.billionLaughs, limits: limits) },
                       { _ = try YAML.decode(Point.self, from: Self.billionLaughs, limits: limits) }] as [() throws -> Void] {
            let error = expectLodumError { try decode() }
            Self.expectAliasLimit(error, 1_000)
            #expect(error?.position?.description == "line 4, column 8", "\(String(describing: error?.description))")
        }
        // Just under the limit, the same nodes are fine.
        let three = Self.billionLaughs.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(throws: Never.self) { _ = try YAML.decode(Value.self, from: three, limits: Limits(maxAliasExpansion: 909)) }
        Self.expectAliasLimit(expectLodumError { _ = try YAML.decode(Value.self, from: three, limits: Limits(maxAliasExpansion: 908)) }, 908)
    }

    @Test func billionLaughsThroughMergeKeysFailsFast() {
        var input = "l0: &l0 {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9}\n"
        for level in 1...9 {
            input += "l\(level): &l\(level) {<<: [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "], own\(level): 1}\n"
        }
        Self.expectFastAliasLimit { _ = try YAML.decode(Value.self, from: input + "all: *l9\n") }
        Self.expectFastAliasLimit { _ = try YAML.decode(Value.self, from: input + "merged: {<<: *l9}\n") }
        // The definitions alone merge 10 copies of 10 copies of …: the work is paid for too.
        Self.expectFastAliasLimit(5_000) { _ = try YAML.decode(Point.self, from: input, limits: Limits(maxAliasExpansion: 5_000)) }
    }

    @Test func raisedLimitAllowsAModerateExpansion() throws {
        let input = Self.billionLaughs.split(separator: "\n").prefix(5).joined(separator: "\n")
        // 9 + 81 + 729 + 6561 + 59049 strings, plus the sequences that hold them.
        let error = expectLodumError { _ = try YAML.decode(Value.self, from: input, limits: Limits(maxAliasExpansion: 10_000)) }
        Self.expectAliasLimit(error, 10_000)
        let value = try YAML.decode([String: Value].self, from: input, limits: Limits(maxAliasExpansion: 1_000_000))
        guard case .array(let e)? = value["e"], case .array(let d)? = e.first, case .array(let c)? = d.first else {
            Issue.record("unexpected shape")
            return
        }
        #expect(e.count == 9 && d.count == 9 && c.count == 9)
    }

    @Test func expansionIsCountedPerDocument() throws {
        let document = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a]\n"
        let limits = Limits(maxAliasExpansion: 60)
        var documents = YAML.documents(Value.self, from: Fixtures.bytes(Array(repeating: "---\n" + document, count: 20).joined()), limits: limits)
        var count = 0
        while try documents.next() != nil { count += 1 }
        #expect(count == 20)
        let error = expectLodumError { _ = try YAML.decode(Value.self, from: document + "c: [*a, *a]\n", limits: limits) }
        Self.expectAliasLimit(error, 60)
    }
}
