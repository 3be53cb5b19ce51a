/// A rule a field's value must satisfy when it is decoded: `@Field(validate: .range(0...150))`.
///
/// Validators run on decode, after the value is read. A value that fails is an error at
/// the field's coding path and the value's input position, naming the rule and the value:
///
/// ```
/// Error at age (line 1, column 9): 200 fails validation: in range 0...150
/// ```
///
/// Besides the rules here, `@Field(validate:)` takes any closure that returns `Bool`
/// (`false` fails) or throws (the error fails, its message becomes the rule):
///
/// ```swift
/// @Lodum struct User {
///     @Field(validate: .length(3...50)) var name: String
///     @Field(validate: .range(0...150)) var age: Int
///     @Field(validate: { (code: String) in code.hasPrefix("EU-") }) var region: String
/// }
/// ```
///
/// On an Optional property the rule applies to the value when there is one.
///
/// The built-in rules also state themselves in a type's JSON Schema (``JSONSchema``):
/// `minimum`/`maximum`, `minLength`/`maxLength`, `pattern`, `enum`. A rule of your own can
/// give the keywords that state it with ``init(_:jsonSchema:_:)``.
public struct Validator<Value> {
    /// The rule in words, for error messages: `in range 0...150`.
    public let rule: String
    /// Whether a value satisfies the rule; thrown errors fail it too.
    public let isSatisfied: (Value) throws -> Bool
    /// What the rule checks, in terms a JSON Schema can state. Kept as the rule's own
    /// values, not as schema keywords: validators are made on every decode, and the
    /// keywords are only worked out when a schema is asked for.
    let schemaConstraint: SchemaConstraint

    /// A rule named `rule` that `isSatisfied` checks.
    public init(_ rule: String, _ isSatisfied: @escaping (Value) throws -> Bool) {
        self.init(rule, constraint: .none, isSatisfied)
    }

    /// A rule named `rule` that `isSatisfied` checks, and that a JSON Schema states with
    /// `keywords`, which are added to the schema of the property it validates.
    ///
    /// ```swift
    /// extension Validator where Value == Int {
    ///     static let even = Validator("even", jsonSchema: ["multipleOf": 2]) { $0 % 2 == 0 }
    /// }
    /// ```
    public init(_ rule: String, jsonSchema keywords: LodumCore.Value, _ isSatisfied: @escaping (Value) throws -> Bool) {
        self.init(rule, constraint: .keywords(keywords), isSatisfied)
    }

    init(_ rule: String, constraint: SchemaConstraint, _ isSatisfied: @escaping (Value) throws -> Bool) {
        self.rule = rule
        self.isSatisfied = isSatisfied
        self.schemaConstraint = constraint
    }

    /// What a rule checks, as far as JSON Schema can say it.
    enum SchemaConstraint {
        /// Nothing a schema can state: a closure's rule.
        case none
        /// The value lies between the bounds: `minimum`, `maximum` or `exclusiveMaximum`.
        case bounds(lower: Value?, upper: Value?, upperIsExclusive: Bool)
        /// The value's count lies between the bounds: `minLength`, `minItems`, … .
        case count(minimum: Int?, maximum: Int?)
        /// The whole string matches this regular expression: `pattern`.
        case wholeMatch(pattern: String)
        /// The value is one of these: `enum`.
        case oneOf([Value])
        /// Keywords the rule's author gave.
        case keywords(LodumCore.Value)
    }
}

extension Validator where Value: Comparable {
    /// The value lies in `range`.
    public static func range(_ range: ClosedRange<Value>) -> Validator {
        Validator("in range \(range)", constraint: .bounds(lower: range.lowerBound, upper: range.upperBound, upperIsExclusive: false)) {
            range.contains($0)
        }
    }

    /// The value lies in `range`.
    public static func range(_ range: Range<Value>) -> Validator {
        Validator("in range \(range)", constraint: .bounds(lower: range.lowerBound, upper: range.upperBound, upperIsExclusive: true)) {
            range.contains($0)
        }
    }

    /// The value is at least `range.lowerBound`.
    public static func range(_ range: PartialRangeFrom<Value>) -> Validator {
        Validator("at least \(range.lowerBound)", constraint: .bounds(lower: range.lowerBound, upper: nil, upperIsExclusive: false)) {
            range.contains($0)
        }
    }

    /// The value is at most `range.upperBound`.
    public static func range(_ range: PartialRangeThrough<Value>) -> Validator {
        Validator("at most \(range.upperBound)", constraint: .bounds(lower: nil, upper: range.upperBound, upperIsExclusive: false)) {
            range.contains($0)
        }
    }
}

extension Validator where Value: Collection {
    /// The value has a count in `range` (characters, for a `String`).
    public static func length(_ range: ClosedRange<Int>) -> Validator {
        Validator("length in \(range)", constraint: .count(minimum: range.lowerBound, maximum: range.upperBound)) {
            range.contains($0.count)
        }
    }

    /// The value has a count of at least `range.lowerBound`.
    public static func length(_ range: PartialRangeFrom<Int>) -> Validator {
        Validator("length at least \(range.lowerBound)", constraint: .count(minimum: range.lowerBound, maximum: nil)) {
            range.contains($0.count)
        }
    }

    /// The value has a count of at most `range.upperBound`.
    public static func length(_ range: PartialRangeThrough<Int>) -> Validator {
        Validator("length at most \(range.upperBound)", constraint: .count(minimum: nil, maximum: range.upperBound)) {
            range.contains($0.count)
        }
    }
}

extension Validator where Value == String {
    /// The whole string matches `pattern`.
    ///
    /// A `Regex` does not keep its source text, so a JSON Schema can state the rule only
    /// when `@Field(validate:)` is given a regex literal, whose text the macro reads.
    public static func match<Output>(_ pattern: Regex<Output>) -> Validator {
        Validator("matching the pattern") { (try? pattern.wholeMatch(in: $0)) != nil }
    }

    /// The whole string matches the regular expression `pattern`, named in errors.
    public static func match(_ pattern: String) -> Validator {
        Validator("matching /\(pattern)/", constraint: .wholeMatch(pattern: pattern)) { text in
            let expression = try Regex(pattern)
            return (try? expression.wholeMatch(in: text)) != nil
        }
    }
}

extension Validator where Value: Equatable {
    /// The value is one of `values`.
    public static func oneOf(_ values: [Value]) -> Validator {
        Validator("one of \(values.map { String(reflecting: $0) }.joined(separator: ", "))", constraint: .oneOf(values)) {
            values.contains($0)
        }
    }
}

extension Deserializer {
    /// Checks a decoded field against `validator`, throwing at the current path and the
    /// position of the value just read.
    @inlinable
    public func validate<T>(_ value: T, by validator: Validator<T>) throws {
        try validate(value, rule: validator.rule, by: validator.isSatisfied)
    }

    /// Checks an Optional field's value, when it has one.
    @inlinable
    public func validate<T>(_ value: T?, by validator: Validator<T>) throws {
        guard let value else { return }
        try validate(value, rule: validator.rule, by: validator.isSatisfied)
    }

    /// Checks a decoded field with a closure: `false` or a thrown error fails it. `rule`
    /// names it in the error (`@Lodum` passes the closure's source text).
    public func validate<T>(_ value: T, rule: String, by isSatisfied: (T) throws -> Bool) throws {
        let satisfied: Bool
        var rule = rule
        do {
            satisfied = try isSatisfied(value)
        } catch let failure as LodumError {
            satisfied = false
            rule = failure.reason
        } catch {
            satisfied = false
            rule = String(describing: error)
        }
        guard satisfied else {
            throw LodumError(
                .validationFailed(rule: rule, value: LodumError.describeValue(value)),
                path: context.path, position: positionOfLastValue)
        }
    }

    /// Checks an Optional field's value with a closure, when it has one.
    @inlinable
    public func validate<T>(_ value: T?, rule: String, by isSatisfied: (T) throws -> Bool) throws {
        guard let value else { return }
        try validate(value, rule: rule, by: isSatisfied)
    }
}

extension Deserializer {
    /// Checks a decoded field against `validator`; `rule` (the attribute's source text) is
    /// ignored, since a validator names its own rule.
    @inlinable
    public func validate<T>(_ value: T, rule: String, by validator: Validator<T>) throws {
        try validate(value, by: validator)
    }

    /// Checks an Optional field's value against `validator`, when it has one.
    @inlinable
    public func validate<T>(_ value: T?, rule: String, by validator: Validator<T>) throws {
        try validate(value, by: validator)
    }
}

/// A validation rule as written in `@Field(validate:)` when the rule alone does not say
/// what type it checks: `.length(3...50)` fits a `String`, an `Array` or any collection.
///
/// The attribute's argument is checked against this type when you compile, before the
/// macro knows the property's type; the code `@Lodum` generates then builds the
/// ``Validator`` of the same name for the property's type. A `FieldRule` is never
/// evaluated: use ``Validator`` in your own code. Rules whose argument names the type
/// (`.range(0...150)`, `.oneOf(["a", "b"])`, `.match(regex)`) are ``Validator``s directly.
public struct FieldRule: Sendable {
    private init() {}

    /// See ``Validator/length(_:)-(ClosedRange<Int>)``.
    public static func length(_ range: ClosedRange<Int>) -> FieldRule { FieldRule() }
    /// See ``Validator/length(_:)-(PartialRangeFrom<Int>)``.
    public static func length(_ range: PartialRangeFrom<Int>) -> FieldRule { FieldRule() }
    /// See ``Validator/length(_:)-(PartialRangeThrough<Int>)``.
    public static func length(_ range: PartialRangeThrough<Int>) -> FieldRule { FieldRule() }
}
