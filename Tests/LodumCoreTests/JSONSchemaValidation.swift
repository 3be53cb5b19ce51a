import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Checks JSON instances against Lodum's schemas with a real Draft 2020-12 validator:
/// Python's `jsonschema`, run once for a whole batch, since starting Python is slow.
///
/// Instances are the exact text Lodum writes, spliced into the batch unchanged, so the
/// validator sees every digit and every key as a reader of the JSON would.
struct JSONSchemaValidation {
    private struct Case {
        let label: String
        let schema: String
        var instances: [(label: String, json: String, isValid: Bool)] = []
    }

    private var cases: [Case] = []
    private var caseIndexByType: [ObjectIdentifier: Int] = [:]

    /// Expects each of `values`, as JSON writes it, to be valid against `T`'s schema.
    mutating func expectValid<T: Serializable & JSONSchemaDescribable>(_ values: [T], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (index, value) in values.enumerated() {
            let json = try JSON.encodeString(value)
            try add(json, label: "\(T.self) sample \(index): \(json)", isValid: true, for: T.self)
        }
    }

    /// Expects `json` to be rejected both by Lodum's decoder, checked here, and by `T`'s
    /// schema, checked by ``run(sourceLocation:)``.
    mutating func expectInvalid<T: Deserializable & JSONSchemaDescribable>(
        _ type: T.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(throws: LodumError.self, "Lodum reads \(json) as \(T.self)", sourceLocation: sourceLocation) {
            _ = try JSON.decode(T.self, from: json)
        }
        try add(json, label: "\(T.self) invalid: \(json)", isValid: false, for: T.self)
    }

    private mutating func add<T: JSONSchemaDescribable>(_ json: String, label: String, isValid: Bool, for type: T.Type) throws {
        let key = ObjectIdentifier(T.self)
        if caseIndexByType[key] == nil {
            caseIndexByType[key] = cases.count
            cases.append(Case(label: "\(T.self)", schema: try JSON.encodeString(JSONSchema.generate(for: T.self))))
        }
        guard let index = caseIndexByType[key] else { return }
        cases[index].instances.append((label, json, isValid))
    }

    /// Runs the validator over everything queued, recording an issue for each schema that is
    /// not a valid Draft 2020-12 schema and each instance judged otherwise than expected.
    func run(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expectedChecks = cases.reduce(0) { $0 + $1.instances.count }
        let report = try Fixtures.withTemporaryDirectory { directory in
            try Self.runValidator(batch: batchText(), in: directory)
        }
        for failure in report["failures"]?.arrayValue ?? [] {
            Issue.record(Comment(rawValue: failure.stringValue ?? "\(failure)"), sourceLocation: sourceLocation)
        }
        #expect(report["checked"]?.intValue == expectedChecks, "the validator checked every instance", sourceLocation: sourceLocation)
    }

    /// `[{"label": …, "schema": …, "instances": [{"label": …, "valid": …, "instance": …}]}]`,
    /// with schemas and instances as written.
    private func batchText() throws -> String {
        var parts: [String] = []
        for entry in cases {
            var instances: [String] = []
            for instance in entry.instances {
                instances.append(#"{"label":\#(try JSON.encodeString(instance.label)),"valid":\#(instance.isValid),"instance":\#(instance.json)}"#)
            }
            parts.append(#"{"label":\#(try JSON.encodeString(entry.label)),"schema":\#(entry.schema),"instances":[\#(instances.joined(separator: ","))]}"#)
        }
        return "[" + parts.joined(separator: ",\n") + "]"
    }

    /// The validator's report, `{"checked": n, "failures": [...]}`, for `batch`.
    private static func runValidator(batch: String, in directory: URL) throws -> Value {
        let input = directory.appendingPathComponent("batch.json")
        let output = directory.appendingPathComponent("report.json")
        let script = directory.appendingPathComponent("validate.py")
        let errors = directory.appendingPathComponent("stderr.txt")
        try batch.write(to: input, atomically: true, encoding: .utf8)
        try validatorScript.write(to: script, atomically: true, encoding: .utf8)
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else {
            throw ValidatorUnavailable("cannot create \(errors.path)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, input.path, output.path]
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()

        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0:
            return try JSON.decode(Value.self, from: Data(contentsOf: output))
        case 127:
            throw ValidatorUnavailable("python3 was not found. The JSON Schema tests need Python 3 with the jsonschema package (Debian: apt-get install python3-jsonschema; Scripts/setup.sh installs it).")
        case 3:
            throw ValidatorUnavailable("Python's jsonschema package is missing (Debian: apt-get install python3-jsonschema; Scripts/setup.sh installs it): \(stderr)")
        default:
            throw ValidatorUnavailable("the validator failed with status \(process.terminationStatus): \(stderr)")
        }
    }

    /// Validates each instance with `Draft202012Validator` after `check_schema`. Formats are
    /// checked too, as far as the installed packages can (a `date-time` needs
    /// rfc3339-validator); the invalid instances never rely on a format.
    private static let validatorScript = #"""
        import json, sys
        try:
            import jsonschema
            from jsonschema import Draft202012Validator
        except ImportError as error:
            print(error, file=sys.stderr)
            sys.exit(3)

        with open(sys.argv[1], encoding="utf-8") as batch:
            cases = json.load(batch)
        failures, checked = [], 0
        for case in cases:
            try:
                Draft202012Validator.check_schema(case["schema"])
            except jsonschema.exceptions.SchemaError as error:
                failures.append(f'{case["label"]}: not a valid Draft 2020-12 schema: {error.message}')
                continue
            validator = Draft202012Validator(case["schema"], format_checker=Draft202012Validator.FORMAT_CHECKER)
            for instance in case["instances"]:
                checked += 1
                error = jsonschema.exceptions.best_match(validator.iter_errors(instance["instance"]))
                if instance["valid"] and error is not None:
                    failures.append(f'{instance["label"]}: should be valid, but {error.message} (at {error.json_path})')
                elif not instance["valid"] and error is None:
                    failures.append(f'{instance["label"]}: should be invalid, but the schema accepts it')
        with open(sys.argv[2], "w", encoding="utf-8") as report:
            json.dump({"checked": checked, "failures": failures}, report)
        """#
}

/// The validator could not run: the message says what to install.
struct ValidatorUnavailable: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
