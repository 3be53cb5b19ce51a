import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct YLabel: Equatable {
    var label: String
}

@Lodum struct YSwitch: Equatable {
    var on: Bool
    var null: Int
}

@Suite("YAML quoting: a string that would read back as something else is never plain")
struct YAMLQuotingTests {
    static let ambiguous: [String] = [
        "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "true", "True", "TRUE", "false", "False",
        "null", "Null", "NULL", "~", "1.0", "0x1F", "0o17", "1e3", "1E3", ".inf", "-.inf", "+.inf", ".Inf", ".nan", ".NaN",
        "-1", "+1", "0", "00", "012", "-0", "1_000", "0b101", "1:20", "190:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "", " lead", "trail ", " ", "a: b", "a:", "a #b", "#b", "- x", "-", "---", "...", "?", "? x", ":", ": x",
        "*a", "&a", "!a", "!!str", "%x", "@x", "`x", "{x}", "[x]", "]", "}", ",x", "|", "|x", ">", ">x", "'", "\"", "<<", "=",
        "multi\nline", "tab\there", "\n", "trailing\n", "\r", "nul\0", "\u{85}", "\u{FEFF}",
    ]

    /// Strings a plain scalar holds as they are. `y` and `n` are among them: YAML 1.2 and the
    /// common YAML 1.1 readers (libyaml, PyYAML) read them as strings, and quoting them
    /// would quote every field named `y`.
    static let plain: [String] = ["hello", "hello world", "a:b", "a#b", "x-1", "snake_case", "café", "nginx:1.27", "https://x.org/a?b=c", "Yesterday", "nothing", "only", "--", "y", "n"]

    static let variants: [(name: String, options: YAMLOptions)] = [("block", YAMLOptions()), ("flow", YAMLOptions(style: .flow))]

    @Test(arguments: ambiguous)
    func ambiguousStringIsQuotedAndReadsBackAsAString(_ string: String) throws {
        for (name, options) in Self.variants {
            // At the top level.
            let top = try YAML.encodeString(string, options: options)
            let topStyles = try yamlScalarStyles(top)
            #expect(topStyles.count == 1 && topStyles.allSatisfy { !$0.isPlain && $0.text == string }, "\(name): \(top.debugDescription)")
            #expect(try YAML.decode(String.self, from: top) == string, "\(name): \(top.debugDescription)")
            #expect(try YAML.decode(Value.self, from: top) == .string(string), "\(name): \(top.debugDescription)")
            #expect(try YAML.decode(Value.self, from: top, options: YAMLOptions(yaml11Booleans: true)) == .string(string))

            // As a struct value.
            let field = try YAML.encodeString(YLabel(label: string), options: options)
            let fieldStyles = try yamlScalarStyles(field)
            #expect(fieldStyles.count == 2 && fieldStyles[0].isPlain && !fieldStyles[1].isPlain, "\(name): \(field.debugDescription)")
            #expect(try YAML.decode(YLabel.self, from: field) == YLabel(label: string))
            #expect(try YAML.decode(Value.self, from: field, options: YAMLOptions(yaml11Booleans: true)) == yamlObject(["label": .string(string)]))

            // As a map key, and as a value in a map.
            let keyed = try YAML.encodeString([string: string], options: options)
            let keyedStyles = try yamlScalarStyles(keyed)
            #expect(keyedStyles.count == 2 && keyedStyles.allSatisfy { !$0.isPlain && $0.text == string }, "\(name): \(keyed.debugDescription)")
            #expect(try YAML.decode([String: String].self, from: keyed) == [string: string], "\(name): \(keyed.debugDescription)")
            #expect(try YAML.decode(Value.self, from: keyed) == yamlObject([string: .string(string)]))

            // As an element of a sequence.
            let listed = try YAML.encodeString([string], options: options)
            #expect(try yamlScalarStyles(listed).allSatisfy { !$0.isPlain }, "\(name): \(listed.debugDescription)")
            #expect(try YAML.decode([String].self, from: listed) == [string])
        }
    }

    @Test(arguments: plain)
    func plainLookingStringStaysUnquoted(_ string: String) throws {
        #expect(try YAML.encodeString(string) == string + "\n")
        #expect(try YAML.encodeString(YLabel(label: string)) == "label: \(string)\n")
        #expect(try YAML.encodeString([string: 1]) == "\(string): 1\n")
        #expect(try YAML.decode(String.self, from: YAML.encode(string)) == string)
    }

    @Test func yaml11BooleansAreSingleQuoted() throws {
        #expect(try YAML.encodeString(YLabel(label: "yes")) == "label: 'yes'\n")
        #expect(try YAML.encodeString(["on": "off"]) == "'on': 'off'\n")
        #expect(try YAML.encodeString("1.0") == "'1.0'\n")
        #expect(try YAML.encodeString("") == "''\n")
    }

    @Test func stringsNeedingEscapesAreDoubleQuoted() throws {
        #expect(try YAML.encodeString(YLabel(label: "tab\there")) == "label: \"tab\\there\"\n")
        #expect(try YAML.encodeString(YLabel(label: "nul\0")) == "label: \"nul\\0\"\n")
    }

    @Test func fieldNamesThatAreReservedWordsAreQuoted() throws {
        let text = try YAML.encodeString(YSwitch(on: true, null: 1))
        #expect(text == "'on': true\n'null': 1\n")
        #expect(try YAML.decode(YSwitch.self, from: text) == YSwitch(on: true, null: 1))
        #expect(try YAML.decode(YSwitch.self, from: "on: false\nnull: 2\n") == YSwitch(on: false, null: 2))
    }
}
