// The examples of Docs/JSONSchema.md, compiled and run so they cannot rot.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum(renameAll: .snakeCase, denyUnknownFields: true)
struct JSDocSignup {
    @Field(validate: .length(3...20)) var userName: String
    @Field(validate: .range(13...)) var age: UInt8
    var email: String?
    @Field(validate: .match(#/^[A-Z]{2}$/#)) var country: String = "GB"
}

@Lodum indirect enum JSDocFilter {
    case tag(String)
    case not(JSDocFilter)
    case all([JSDocFilter])
}

struct JSDocCelsius: Serializable, Deserializable {
    var degrees: Double
    func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(degrees) }
    init<D: Deserializer>(from deserializer: inout D) throws { degrees = try deserializer.readDouble() }
}

extension JSDocCelsius: JSONSchemaDescribable {
    static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        ["type": "number", "minimum": -273.15]
    }
}

@Lodum struct JSDocReading { var temperature: JSDocCelsius }

@Suite("JSON Schema: the documentation's examples")
struct JSONSchemaDocumentationExamplesTests {
    @Test func theSignupSchemaReadsAsDocumented() throws {
        let schema = JSONSchema.generate(for: JSDocSignup.self)
        #expect(try JSON.encodeString(schema, options: .pretty) == #"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "additionalProperties": false,
              "properties": {
                "age": {
                  "maximum": 255,
                  "minimum": 13,
                  "type": "integer"
                },
                "country": {
                  "pattern": "^[A-Z]{2}$",
                  "type": "string"
                },
                "email": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "user_name": {
                  "maxLength": 20,
                  "minLength": 3,
                  "type": "string"
                }
              },
              "required": [
                "user_name",
                "age"
              ],
              "type": "object"
            }
            """#)
    }

    @Test func theRecursiveFilterEndsInAReference() throws {
        let schema = JSONSchema.generate(for: JSDocFilter.self)
        #expect(schema["$ref"] == "#/$defs/JSDocFilter")
        let cases = schema["$defs"]?["JSDocFilter"]?["oneOf"]
        #expect(cases?[1]?["properties"]?["not"] == ["$ref": "#/$defs/JSDocFilter"])
        #expect(cases?[2]?["properties"]?["all"] == ["type": "array", "items": ["$ref": "#/$defs/JSDocFilter"]])
    }

    @Test func aHandWrittenSchemaIsUsedWhereTheTypeAppears() {
        let schema = JSONSchema.generate(for: JSDocReading.self)
        #expect(schema["properties"]?["temperature"] == ["type": "number", "minimum": -273.15])
    }

    @Test func theSchemaIsAValueAnyFormatWrites() throws {
        let schema = JSONSchema.generate(for: JSDocSignup.self)
        let yaml = try YAML.encodeString(schema)
        #expect(yaml.contains("additionalProperties: false"))
        #expect(try YAML.decode(Value.self, from: yaml) == schema)
    }
}
