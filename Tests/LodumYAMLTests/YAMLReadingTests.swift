import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct YFeature: Equatable {
    var enabled: Bool
}

@Lodum struct YVersioned: Equatable {
    var version: String
}

@Lodum struct YTagged: Equatable {
    var text: String
    var number: Int
    var ratio: Double
    var flag: Bool
    var nothing: Int?
    var blob: YBytes
    var when: String
}

@Suite("YAML reading: the core schema, YAML 1.1 Booleans and explicit tags")
struct YAMLReadingTests {
    // MARK: Core schema

    @Test(arguments: ["true", "True", "TRUE"])
    func trueInEverySpellingIsABool(_ text: String) throws {
        #expect(try YAML.decode(Bool.self, from: text) == true)
        #expect(try YAML.decode(Value.self, from: text) == .bool(true))
    }

    @Test(arguments: ["false", "False", "FALSE"])
    func falseInEverySpellingIsABool(_ text: String) throws {
        #expect(try YAML.decode(Bool.self, from: text) == false)
        #expect(try YAML.decode(Value.self, from: text) == .bool(false))
    }

    @Test(arguments: ["null", "Null", "NULL", "~", "", "!!null null"])
    func nullInEverySpellingIsNull(_ text: String) throws {
        #expect(try YAML.decode(Value.self, from: "key: \(text)") == yamlObject(["key": .null]))
        #expect(try YAML.decode([String: Int?].self, from: "key: \(text)") == ["key": nil])
    }

    @Test func otherCapitalisationsAreStrings() throws {
        let value = try YAML.decode([Value].self, from: "[tRUE, nULL, FaLsE, NuLL, .iNF, .nAn]")
        #expect(value.allSatisfy { $0.kind == .string })
    }

    @Test func integersInDecimalHexadecimalAndOctal() throws {
        #expect(try YAML.decode([Value].self, from: "[0, -17, +17, 0x1F, 0xaBc, 0o17, 0o777]") ==
            [.int(0), .int(-17), .int(17), .int(31), .int(0xABC), .int(15), .int(511)])
        // Not integers in the core schema: YAML 1.1's forms are strings.
        #expect(try YAML.decode([Value].self, from: "[0b101, 1_000, '12', 0x, 0o8, 1:20, 0xG]").allSatisfy { $0.kind == .string })
    }

    @Test func floatsIncludingInfinityAndNaN() throws {
        let values = try YAML.decode([Value].self, from: "[1.5, -1.5, .5, 5., 1e3, 1E-3, -2.5e+2, .inf, -.inf, +.inf, .nan]")
        #expect(values.allSatisfy { $0.kind == .double })
        #expect(Array(values.prefix(10)) == [.double(1.5), .double(-1.5), .double(0.5), .double(5), .double(1000), .double(0.001), .double(-250), .double(.infinity), .double(-.infinity), .double(.infinity)])
        if case .double(let nan) = values[10] { #expect(nan.isNaN) }
        #expect(try YAML.decode([Value].self, from: "[1.2.3, 1e, e3, ., +, -.nan, .in]").allSatisfy { $0.kind == .string })
    }

    @Test func quotedAndBlockScalarsAreAlwaysStrings() throws {
        let values = try YAML.decode([Value].self, from: "['1', \"true\", 'null', '', \"~\", '.inf']")
        #expect(values == [.string("1"), .string("true"), .string("null"), .string(""), .string("~"), .string(".inf")])
        #expect(try YAML.decode(Value.self, from: "a: |\n  12\nb: >\n  true\n") == yamlObject(["a": .string("12\n"), "b": .string("true\n")]))
    }

    // MARK: Leniency and strictness across types

    @Test func quotedNumberIntoAnIntIsATypeMismatch() {
        let error = expectLodumError { _ = try YAML.decode(Point.self, from: "x: \"123\"\ny: 1\n") }
        #expect(error?.kind == .typeMismatch(expected: "Int", found: #"String "123""#))
        #expect(error?.path.description == "x")
        #expect(error?.description.contains("line 1, column 4") == true, "\(String(describing: error?.description))")
    }

    @Test func plainNumberIntoAStringIsItsTextAsWritten() throws {
        #expect(try YAML.decode(YVersioned.self, from: "version: 3.10\n") == YVersioned(version: "3.10"))
        #expect(try YAML.decode(YVersioned.self, from: "version: 0x1F\n") == YVersioned(version: "0x1F"))
        #expect(try YAML.decode(YVersioned.self, from: "version: 1.0e3\n") == YVersioned(version: "1.0e3"))
        #expect(try YAML.decode(YVersioned.self, from: "version: true\n") == YVersioned(version: "true"))
        #expect(try YAML.decode(YVersioned.self, from: "version: .inf\n") == YVersioned(version: ".inf"))
    }

    @Test func nullIsNotAString() {
        for text in ["null", "~", ""] {
            let error = expectLodumError { _ = try YAML.decode(YVersioned.self, from: "version: \(text)\n") }
            #expect(error?.kind == .typeMismatch(expected: "String", found: "null"), "\(text)")
        }
    }

    @Test func stringIntoABoolIsATypeMismatch() {
        let error = expectLodumError { _ = try YAML.decode(YFeature.self, from: "enabled: yes\n") }
        #expect(error?.kind == .typeMismatch(expected: "Bool", found: #"String "yes""#))
    }

    // MARK: YAML 1.1 Booleans

    static let yaml11: [(text: String, value: Bool)] = [
        ("yes", true), ("Yes", true), ("YES", true), ("on", true), ("On", true), ("ON", true),
        ("no", false), ("No", false), ("NO", false), ("off", false), ("Off", false), ("OFF", false),
        ("true", true), ("False", false),
    ]

    @Test func yaml11BooleansAreReadWhenAsked() throws {
        let options = YAMLOptions(yaml11Booleans: true)
        for (text, value) in Self.yaml11 {
            #expect(try YAML.decode(YFeature.self, from: "enabled: \(text)", options: options) == YFeature(enabled: value), "\(text)")
            #expect(try YAML.decode(Value.self, from: text, options: options) == .bool(value), "\(text)")
        }
        // Quoted, they stay strings.
        #expect(try YAML.decode(Value.self, from: "'yes'", options: options) == .string("yes"))
        #expect(try YAML.decode(Value.self, from: "yEs", options: options) == .string("yEs"))
    }

    @Test func yaml11BooleansAreStringsByDefault() throws {
        for (text, _) in Self.yaml11.dropLast(2) {
            #expect(try YAML.decode(Value.self, from: text) == .string(text))
            #expect(try YAML.decode(String.self, from: text) == text)
        }
    }

    // MARK: Explicit tags

    @Test func coreTagsAreHonoured() throws {
        let input = """
            text: !!str 123
            number: !!int "42"
            ratio: !!float 1
            flag: !!bool "true"
            nothing: !!null ""
            blob: !!binary aGk=
            when: !!timestamp 2001-12-14
            """
        #expect(try YAML.decode(YTagged.self, from: input) == YTagged(text: "123", number: 42, ratio: 1, flag: true, nothing: nil, blob: YBytes([104, 105]), when: "2001-12-14"))
        let value = try YAML.decode(Value.self, from: input)
        #expect(value == yamlObject([
            "text": .string("123"), "number": .int(42), "ratio": .double(1), "flag": .bool(true),
            "nothing": .null, "blob": .bytes([104, 105]), "when": .timestamp(Timestamp(seconds: 1_008_288_000)),
        ]))
    }

    @Test func datesAreTaggedTimestampsAndReadFromPlainOrQuotedText() throws {
        let date = Date(timeIntervalSince1970: 1_514_862_245.25)
        let text = try YAML.encodeString(["at": date])
        #expect(text == "at: !!timestamp 2018-01-02T03:04:05.25Z\n")
        #expect(try YAML.decode([String: Date].self, from: text) == ["at": date])
        #expect(try YAML.decode(Value.self, from: text) == yamlObject(["at": .timestamp(Timestamp(date)!)]))
        // Configuration files write dates plain, with a space, an offset or no time at all.
        let config = "a: 2018-01-02 04:04:05.25 +01:00\nb: '2018-01-02'\nc: 2018-01-02t03:04:05.25z\n"
        let dates = try YAML.decode([String: Date].self, from: config)
        #expect(dates == ["a": date, "b": Date(timeIntervalSince1970: 1_514_851_200), "c": date])
        // A plain date is still text to a String and to Value (YAML 1.2's core schema).
        #expect(try YAML.decode([String: String].self, from: "d: 2018-01-02") == ["d": "2018-01-02"])
        #expect(try YAML.decode(Value.self, from: "d: 2018-01-02") == yamlObject(["d": .string("2018-01-02")]))
    }

    @Test func aTimestampTagOnTextThatIsNoDateIsAnError() {
        let error = expectLodumError { _ = try YAML.decode(Value.self, from: "a: 1\nwhen: !!timestamp yesterday\n") }
        #expect(error?.path.description == #"["when"]"#)
        if case .text(let line, _, _)? = error?.position { #expect(line == 2) } else { Issue.record("no text position: \(String(describing: error))") }
        #expect(error?.reason == #"expected an ISO 8601 timestamp, found String "yesterday""#)
        let notADate = expectLodumError { _ = try YAML.decode(Date.self, from: "[1]") }
        #expect(notADate != nil)
    }

    @Test func strTagKeepsAnyTextAString() throws {
        #expect(try YAML.decode([Value].self, from: "[!!str true, !!str null, !!str 1.5, !!str ~, ! 12]") ==
            [.string("true"), .string("null"), .string("1.5"), .string("~"), .string("12")])
        #expect(expectLodumError { _ = try YAML.decode(Int.self, from: "!!str 12") }?.kind == .typeMismatch(expected: "Int", found: #"String "12""#))
    }

    @Test func verbatimAndShorthandCoreTagsAreTheSame() throws {
        #expect(try YAML.decode([Value].self, from: "[!<tag:yaml.org,2002:int> '7', !!int 0x10, !!float '-.inf', !!bool False]") ==
            [.int(7), .int(16), .double(-.infinity), .bool(false)])
        #expect(try YAML.decode(Value.self, from: "!!map {a: !!seq [1]}") == yamlObject(["a": .array([.int(1)])]))
    }

    @Test func taggedTextThatIsNotAValidValueIsAnError() {
        for input in ["!!int abc", "!!int 1.5", "!!float abc", "!!bool maybe", "!!null foo", "!!null 'false'", "!!binary '!!!'"] {
            let error = expectLodumError("\(input)") { _ = try YAML.decode(Value.self, from: input) }
            #expect(error?.description.contains(String(input.split(separator: " ")[0])) == true || input.hasPrefix("!!binary"), "\(String(describing: error?.description))")
        }
    }

    /// Found by fuzzing (Fuzz/Findings/yaml-value): a number tag on an empty scalar read
    /// past the end of its text instead of being refused.
    @Test(arguments: ["!!int", "!!float", "- !!int\n- 1", "key: !!float\n", "[!!int , 1]", "!!int &a", "- !!int &c\n"])
    func aNumberTagOnAnEmptyScalarIsAnError(_ input: String) {
        let error = expectLodumError("\(input)") { _ = try YAML.decode(Value.self, from: input) }
        #expect(error?.description.contains("!!") == true, "\(String(describing: error?.description))")
    }

    @Test(arguments: ["!foo", "!!set", "!!omap", "!!python/object", "!Ref", "!<tag:example.com,2000:app/x>"])
    func unknownTagIsAnErrorNamingIt(_ tag: String) {
        for input in ["key: \(tag) value", "key: \(tag) {a: 1}", "key: \(tag) [1]", "- \(tag)\n"] {
            let error = expectLodumError("\(input)") { _ = try YAML.decode(Value.self, from: input) }
            let shown = tag.hasPrefix("!<") ? String(tag.dropFirst(2).dropLast()) : tag
            #expect(error?.description.contains("unknown tag \(shown)") == true, "\(String(describing: error?.description))")
            #expect(error?.description.contains("line ") == true)
            // Also when the value belongs to a key the type does not read.
            _ = expectLodumError { _ = try YAML.decode(Point.self, from: "x: 1\ny: 2\n" + input.replacingOccurrences(of: "key:", with: "other:")) }
        }
    }

    @Test func scalarTagOnACollectionIsAnError() {
        for input in ["!!str [1, 2]", "!!int {a: 1}", "!!seq {a: 1}", "!!map [1]", "!!seq 1", "!!map x"] {
            let error = expectLodumError("\(input)") { _ = try YAML.decode(Value.self, from: input) }
            #expect(error?.description.contains(String(input.split(separator: " ")[0])) == true, "\(String(describing: error?.description))")
        }
    }
}
