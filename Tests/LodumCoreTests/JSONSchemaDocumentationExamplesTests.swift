// The examples of Docs/JSONSchema.md, compiled and run; the page's Swift blocks are
// excerpts of this file, and the results its comments claim are checked here.

import Foundation
import LodumTestSupport
import Testing
// Last, so that it and the declaration below read as the page's first block.
import Lodum

@Lodum(renameAll: .snakeCase, denyUnknownFields: true)
struct Signup {
    @Field(validate: .length(3...20)) var userName: String
    @Field(validate: .range(13...)) var age: UInt8
    var email: String?
    @Field(validate: .match(#/^[A-Z]{2}$/#)) var country: String = "GB"
}

@Lodum indirect enum Filter {
    case tag(String)
    case not(Filter)
    case all([Filter])
}

struct Celsius: Serializable, Deserializable {
    var degrees: Double
    func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(degrees) }
    init<D: Deserializer>(from deserializer: inout D) throws { degrees = try deserializer.readDouble() }
}

extension Celsius: JSONSchemaDescribable {
    static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        ["type": "number", "minimum": -273.15]
    }
}

@Lodum struct JSDocReading { var temperature: Celsius }

@Suite("JSON Schema: the documentation's examples")
struct JSONSchemaDocumentationExamplesTests {
    @Test func theSignupSchemaReadsAsDocumented() throws {
        let values = try documentationValues {
            let schema = JSONSchema.generate(for: Signup.self)   // a Value
            try JSON.encodeString(schema, options: .pretty)
        }
        #expect(values[0] as? String == #"""
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
        let values = documentationValues {
            JSONSchema.generate(for: Filter.self)
            // {"$schema": …, "$ref": "#/$defs/Filter", "$defs": {"Filter": {"oneOf": [
            //   …, {"…": {"not": {"$ref": "#/$defs/Filter"}}}, …]}}}
        }
        let schema = try #require(values[0] as? Value)
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$ref"] == "#/$defs/Filter")
        let cases = schema["$defs"]?["Filter"]?["oneOf"]
        #expect(cases?[1]?["properties"]?["not"] == ["$ref": "#/$defs/Filter"])
        #expect(cases?[2]?["properties"]?["all"] == ["type": "array", "items": ["$ref": "#/$defs/Filter"]])
    }

    @Test func aHandWrittenSchemaIsUsedWhereTheTypeAppears() {
        let schema = JSONSchema.generate(for: JSDocReading.self)
        #expect(schema["properties"]?["temperature"] == ["type": "number", "minimum": -273.15])
    }

    @Test func theSchemaIsAValueAnyFormatWrites() throws {
        let schema = JSONSchema.generate(for: Signup.self)
        let yaml = try YAML.encodeString(schema)
        #expect(yaml.contains("additionalProperties: false"))
        #expect(try YAML.decode(Value.self, from: yaml) == schema)
    }
}
