import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("JSON Schema")
struct JSONSchemaTests {
    /// The schema as JSON with sorted keys, so a test pins it whatever the member order.
    private func schemaText<T: JSONSchemaDescribable>(_ type: T.Type, options: JSONOptions = JSONOptions(sortedKeys: true)) throws -> String {
        try JSON.encodeString(JSONSchema.generate(for: T.self), options: options)
    }

    // MARK: Exact schemas

    @Test func structSchemaStatesKeysRequiredFieldsValidatorsAndUnknownFields() throws {
        // Renamed keys; no alias and no skipped `session`; defaults, Optionals and the
        // encode-only `version` are not required; `joined` is its coding's integer; the
        // regex literal's text is the pattern; the closure on `region` adds nothing.
        #expect(try schemaText(JSUser.self, options: .pretty) == #"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "additionalProperties": false,
              "properties": {
                "age": {
                  "maximum": 150,
                  "minimum": 0,
                  "type": "integer"
                },
                "country": {
                  "pattern": "^[A-Z]{2}$",
                  "type": "string"
                },
                "display_name": {
                  "type": "string"
                },
                "favourite_color": {
                  "anyOf": [
                    {
                      "enum": [
                        "red",
                        "green"
                      ],
                      "type": "string"
                    },
                    {
                      "type": "null"
                    }
                  ]
                },
                "id": {
                  "maximum": 9223372036854775807,
                  "minimum": -9223372036854775808,
                  "type": "integer"
                },
                "joined": {
                  "type": "integer"
                },
                "name": {
                  "maxLength": 50,
                  "minLength": 3,
                  "type": "string"
                },
                "nickname": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "rank": {
                  "exclusiveMaximum": 10,
                  "maximum": 9223372036854775807,
                  "minimum": 0,
                  "type": "integer"
                },
                "region": {
                  "type": "string"
                },
                "tags": {
                  "items": {
                    "type": "string"
                  },
                  "maxItems": 3,
                  "minItems": 1,
                  "type": "array"
                },
                "version": {
                  "maximum": 9223372036854775807,
                  "minimum": -9223372036854775808,
                  "type": "integer"
                }
              },
              "required": [
                "id",
                "display_name",
                "joined",
                "name",
                "country",
                "region",
                "tags"
              ],
              "type": "object"
            }
            """#)
    }

    @Test func optionalsAllowNullAndAreNeverRequired() throws {
        #expect(try schemaText(JSContact.self) == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","properties":{"email":{"type":["string","null"]},"floor":{"maximum":9223372036854775807,"minimum":1,"type":["integer","null"]},"handle":{"pattern":"^(?:[a-z]+)$","type":["string","null"]},"labels":{"additionalProperties":{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"},"maxProperties":2,"type":"object"},"languages":{"items":{"type":"string"},"minItems":2,"type":"array","uniqueItems":true},"pairs":{"maximum":9223372036854775807,"minimum":-9223372036854775808,"multipleOf":2,"type":"integer"},"phone":{"pattern":"^(?:\\+[0-9]+)$","type":["string","null"]},"score":{"maximum":1.0,"minimum":0.0,"type":"number"},"seen":{"type":["integer","null"]}},"type":"object"}"#)
    }

    @Test func externallyTaggedEnumIsOneOfItsCases() throws {
        #expect(try schemaText(JSShape.self, options: .pretty) == #"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "oneOf": [
                {
                  "additionalProperties": false,
                  "properties": {
                    "circle": {
                      "properties": {
                        "radius": {
                          "type": "number"
                        }
                      },
                      "required": [
                        "radius"
                      ],
                      "type": "object"
                    }
                  },
                  "required": [
                    "circle"
                  ],
                  "type": "object"
                },
                {
                  "additionalProperties": false,
                  "properties": {
                    "rectangle": {
                      "properties": {
                        "height": {
                          "type": "number"
                        },
                        "width": {
                          "type": "number"
                        }
                      },
                      "required": [
                        "width",
                        "height"
                      ],
                      "type": "object"
                    }
                  },
                  "required": [
                    "rectangle"
                  ],
                  "type": "object"
                },
                {
                  "additionalProperties": false,
                  "properties": {
                    "point": {
                      "items": false,
                      "minItems": 2,
                      "prefixItems": [
                        {
                          "maximum": 9223372036854775807,
                          "minimum": -9223372036854775808,
                          "type": "integer"
                        },
                        {
                          "maximum": 9223372036854775807,
                          "minimum": -9223372036854775808,
                          "type": "integer"
                        }
                      ],
                      "type": "array"
                    }
                  },
                  "required": [
                    "point"
                  ],
                  "type": "object"
                },
                {
                  "additionalProperties": false,
                  "properties": {
                    "label": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "label"
                  ],
                  "type": "object"
                },
                {
                  "const": "none"
                }
              ]
            }
            """#)
    }

    @Test func internallyAndAdjacentlyTaggedCasesHaveConstTags() throws {
        #expect(try schemaText(JSEvent.self) == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","oneOf":[{"properties":{"at":{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":["integer","null"]},"name":{"type":"string"},"type":{"const":"user_joined"}},"required":["type","name"],"type":"object"},{"properties":{"name":{"type":"string"},"type":{"const":"bye"}},"required":["type","name"],"type":"object"},{"properties":{"type":{"const":"heartbeat"}},"required":["type"],"type":"object"}]}"#)
        #expect(try schemaText(JSMessage.self) == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","oneOf":[{"properties":{"c":{"type":"string"},"t":{"const":"text"}},"required":["t","c"],"type":"object"},{"properties":{"c":{"items":false,"minItems":2,"prefixItems":[{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"},{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"}],"type":"array"},"t":{"const":"pair"}},"required":["t","c"],"type":"object"},{"properties":{"c":{"properties":{"dx":{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"},"dy":{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"}},"required":["dx","dy"],"type":"object"},"t":{"const":"move"}},"required":["t","c"],"type":"object"},{"properties":{"c":{"type":"null"},"t":{"const":"ping"}},"required":["t"],"type":"object"}]}"#)
    }

    @Test func untaggedEnumIsAnyOfItsPayloadsWithNullForAUnitCase() throws {
        #expect(try schemaText(JSLoose.self) == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","anyOf":[{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"},{"type":"number"},{"items":false,"minItems":2,"prefixItems":[{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"},{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"}],"type":"array"},{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object"},{"type":"null"}]}"#)
    }

    @Test func rawValueEnumsAreAnEnumOfTheirRawValues() throws {
        #expect(try schemaText(JSColor.self) == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","enum":["red","green","deep-blue"],"type":"string"}"#)
        #expect(try schemaText(JSLevel.self) == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","enum":[1,10],"type":"integer"}"#)
    }

    @Test func recursiveTypesStayAReferenceToTheirDefinition() throws {
        #expect(try schemaText(JSTree.self) == ##"{"$defs":{"JSTree":{"properties":{"children":{"items":{"$ref":"#/$defs/JSTree"},"type":"array"},"value":{"maximum":9223372036854775807,"minimum":-9223372036854775808,"type":"integer"}},"required":["value","children"],"type":"object"}},"$ref":"#/$defs/JSTree","$schema":"https://json-schema.org/draft/2020-12/schema"}"##)
        #expect(try schemaText(JSExpression.self) == ##"{"$defs":{"JSExpression":{"oneOf":[{"additionalProperties":false,"properties":{"number":{"type":"number"}},"required":["number"],"type":"object"},{"additionalProperties":false,"properties":{"sum":{"items":false,"minItems":2,"prefixItems":[{"$ref":"#/$defs/JSExpression"},{"$ref":"#/$defs/JSExpression"}],"type":"array"}},"required":["sum"],"type":"object"},{"additionalProperties":false,"properties":{"negate":{"properties":{"of":{"$ref":"#/$defs/JSExpression"}},"required":["of"],"type":"object"}},"required":["negate"],"type":"object"}]}},"$ref":"#/$defs/JSExpression","$schema":"https://json-schema.org/draft/2020-12/schema"}"##)
    }

    @Test func standardTypesAreDescribedAsJSONWritesThem() throws {
        let properties = try #require(JSONSchema.generate(for: JSStandard.self)["properties"])
        var context = JSONSchemaContext()
        #expect(properties["small"] == ["type": "integer", "minimum": -128, "maximum": 127])
        #expect(properties["large"] == ["type": "integer", "minimum": 0, "maximum": .uint(UInt64.max)])
        #expect(properties["amount"] == ["type": "number"])
        #expect(properties["at"] == ["type": "string", "format": "date-time"])
        #expect(properties["stamp"] == ["type": "string", "format": "date-time"])
        #expect(properties["id"]?["format"] == "uuid")
        #expect(properties["link"] == ["type": "string", "format": "uri-reference"])
        #expect(properties["blob"]?["contentEncoding"] == "base64")
        #expect(properties["bytes"] == properties["blob"])
        #expect(properties["anything"] == [:])
        #expect(properties["legacy"] == [:], "a Codable-only type is any value")
        #expect(properties["tags"] == ["type": "array", "items": ["type": "string"], "uniqueItems": true])
        #expect(properties["byName"] == ["type": "object", "additionalProperties": Int.jsonSchema(in: &context)])
        #expect(properties["byNumber"]?["propertyNames"] == ["pattern": "^-?[0-9]+$"])
        #expect(properties["byUnsigned"]?["propertyNames"] == ["pattern": "^[0-9]+$"])
        #expect(properties["byID"]?["propertyNames"]?["format"] == "uuid")
        #expect(properties["byColor"]?["propertyNames"] == ["enum": ["red", "green", "deep-blue"]])
        #expect(properties["byLevel"]?["propertyNames"] == ["enum": ["1", "10"]])
        #expect(properties["maybe"]?["type"] == ["integer", "null"])
        #expect(properties["color"] == ["$ref": "#/$defs/JSColor"])
        #expect(properties["level"] == ["anyOf": [["$ref": "#/$defs/JSLevel"], ["type": "null"]]])
    }

    @Test func genericTypesGetADefinitionForEachArgumentAndNamedTypesOne() throws {
        let schema = JSONSchema.generate(for: JSLibrary.self)
        let names = schema["$defs"]?.objectValue?.map(\.key)
        #expect(names == ["JSPage_JSShape", "JSShape", "JSPage_Int", "JSEvent", "JSMessage", "JSLoose", "JSExpression", "JSTree", "JSNode"])
        #expect(schema["$defs"]?["JSPage_JSShape"]?["properties"]?["items"] == ["type": "array", "items": ["$ref": "#/$defs/JSShape"]])
        #expect(schema["$defs"]?["JSNode"]?["properties"]?["parent"] == ["anyOf": [["$ref": "#/$defs/JSNode"], ["type": "null"]]])
        #expect(schema["$defs"]?["JSNode"]?["properties"]?["kind"] == ["type": "string"], "a let's type, from its key path")
        #expect(schema["$defs"]?["JSPage_Int"]?["properties"]?["kind"] == ["type": "string"])
        #expect(schema["properties"]?["shapes"] == ["$ref": "#/$defs/JSPage_JSShape"])
    }

    @Test func typesThatShareANameGetNumberedDefinitions() throws {
        var context = JSONSchemaContext()
        let first = context.schema(for: JSFirst.Item.self)
        let second = context.schema(for: JSSecond.Item.self)
        #expect(first == ["$ref": "#/$defs/Item"])
        #expect(second == ["$ref": "#/$defs/Item2"])
        #expect(context.definitionsObject.objectValue?.map(\.key) == ["Item", "Item2"])
    }

    @Test func nullableUsesATypeArrayOnlyWhereEveryKeywordIsAboutOneType() {
        #expect(JSONSchema.nullable(["type": "string", "minLength": 1]) == ["type": ["string", "null"], "minLength": 1])
        #expect(JSONSchema.nullable(["type": "string", "enum": ["a"]]) == ["anyOf": [["type": "string", "enum": ["a"]], ["type": "null"]]])
        #expect(JSONSchema.nullable(["$ref": "#/$defs/A"]) == ["anyOf": [["$ref": "#/$defs/A"], ["type": "null"]]])
        #expect(JSONSchema.nullable([:]) == [:])
        #expect(JSONSchema.nullable(false) == ["type": "null"])
        #expect(JSONSchema.nullable(JSONSchema.nullable(["type": "integer"])) == ["type": ["integer", "null"]])
    }

    // MARK: Against a real validator

    @Test func everyValueLodumWritesIsValidAgainstItsSchema() throws {
        var validation = JSONSchemaValidation()
        try validation.expectValid(JSSamples.users)
        try validation.expectValid(JSSamples.contacts)
        try validation.expectValid(try JSSamples.standard())
        try validation.expectValid(JSSamples.shapes)
        try validation.expectValid(JSSamples.events)
        try validation.expectValid(JSSamples.messages)
        try validation.expectValid(JSSamples.loose)
        try validation.expectValid([JSColor.red, .green, .deepBlue])
        try validation.expectValid([JSLevel.low, .high])
        try validation.expectValid(JSSamples.expressions)
        try validation.expectValid(JSSamples.trees)
        try validation.expectValid(JSSamples.nodes)
        try validation.expectValid([try JSSamples.library()])
        try validation.expectValid([Int8.min, 0, Int8.max])
        try validation.expectValid([UInt64.max, 0])
        try validation.expectValid([[1: "a"], [-5: "b"]] as [[Int: String]])
        try validation.expectValid([[JSColor.deepBlue: [1.5]]] as [[JSColor: [Double]]])
        try validation.expectValid([Optional<JSShape>.none, .circle(radius: 1)])
        try validation.run()
    }

    @Test func whatLodumRejectsTheSchemaRejectsToo() throws {
        var validation = JSONSchemaValidation()
        let user = #""id":1,"display_name":"Ada","joined":0,"name":"Ada","country":"GB","region":"EU-1","tags":["a"]"#
        try validation.expectInvalid(JSUser.self, "{\(user),\"age\":200}")
        try validation.expectInvalid(JSUser.self, "{\(user),\"age\":-1}")
        try validation.expectInvalid(JSUser.self, "{\(user),\"rank\":10}")
        try validation.expectInvalid(JSUser.self, #"{"id":1,"display_name":"Ada","joined":0,"name":"Al","country":"GB","region":"EU-1","tags":["a"]}"#)
        try validation.expectInvalid(JSUser.self, #"{"id":1,"display_name":"Ada","joined":0,"name":"Ada","country":"gb","region":"EU-1","tags":["a"]}"#)
        try validation.expectInvalid(JSUser.self, #"{"id":1,"display_name":"Ada","joined":0,"name":"Ada","country":"GBR","region":"EU-1","tags":["a"]}"#)
        try validation.expectInvalid(JSUser.self, "{\(user),\"favourite_color\":\"blue\"}")
        try validation.expectInvalid(JSUser.self, #"{"id":1,"display_name":"Ada","joined":0,"name":"Ada","country":"GB","region":"EU-1","tags":[]}"#)
        try validation.expectInvalid(JSUser.self, #"{"id":1,"display_name":"Ada","joined":0,"name":"Ada","country":"GB","region":"EU-1","tags":["a","b","c","d"]}"#)
        try validation.expectInvalid(JSUser.self, #"{"display_name":"Ada","joined":0,"name":"Ada","country":"GB","region":"EU-1","tags":["a"]}"#)
        try validation.expectInvalid(JSUser.self, "{\(user),\"colour\":\"red\"}")
        try validation.expectInvalid(JSUser.self, "{\(user),\"session\":\"s\"}")
        try validation.expectInvalid(JSUser.self, #"{"id":"1","display_name":"Ada","joined":0,"name":"Ada","country":"GB","region":"EU-1","tags":["a"]}"#)
        try validation.expectInvalid(JSContact.self, #"{"floor":0}"#)
        try validation.expectInvalid(JSContact.self, #"{"handle":"Ada"}"#)
        try validation.expectInvalid(JSContact.self, #"{"labels":{"a":1,"b":2,"c":3}}"#)
        try validation.expectInvalid(JSContact.self, #"{"score":1.5}"#)
        try validation.expectInvalid(JSContact.self, #"{"pairs":3}"#)
        try validation.expectInvalid(JSContact.self, #"{"phone":"44"}"#)
        try validation.expectInvalid(JSContact.self, #"{"phone":"+44 "}"#)
        try validation.expectInvalid(JSContact.self, #"{"languages":["en"]}"#)
        try validation.expectInvalid(JSShape.self, #"{"hexagon":{"side":1}}"#)
        try validation.expectInvalid(JSShape.self, #""circle""#)
        try validation.expectInvalid(JSShape.self, #""hexagon""#)
        try validation.expectInvalid(JSShape.self, #"{"circle":{"radius":1},"none":null}"#)
        try validation.expectInvalid(JSShape.self, #"{"circle":{}}"#)
        try validation.expectInvalid(JSShape.self, #"{"point":[1]}"#)
        try validation.expectInvalid(JSShape.self, #"{"point":[1,2,3]}"#)
        try validation.expectInvalid(JSEvent.self, #"{"type":"user_left","name":"Ada"}"#)
        try validation.expectInvalid(JSEvent.self, #"{"name":"Ada"}"#)
        try validation.expectInvalid(JSEvent.self, #"{"type":"bye"}"#)
        try validation.expectInvalid(JSMessage.self, #"{"t":"ping","c":5}"#)
        try validation.expectInvalid(JSMessage.self, #"{"t":"text"}"#)
        try validation.expectInvalid(JSMessage.self, #"{"c":"hello"}"#)
        try validation.expectInvalid(JSMessage.self, #"{"t":"shout","c":"hello"}"#)
        try validation.expectInvalid(JSLoose.self, #"true"#)
        try validation.expectInvalid(JSLoose.self, #"{"title":"x"}"#)
        try validation.expectInvalid(JSColor.self, #""purple""#)
        try validation.expectInvalid(JSLevel.self, "5")
        try validation.expectInvalid(JSExpression.self, #"{"sum":[{"number":1},{"product":2}]}"#)
        try validation.expectInvalid(JSTree.self, #"{"value":1,"children":[{"value":2}]}"#)
        try validation.expectInvalid(Int8.self, "200")
        try validation.expectInvalid(UInt64.self, "-1")
        try validation.expectInvalid(UUID.self, #""12-34""#)
        try validation.expectInvalid(Data.self, #""%%%""#)
        try validation.expectInvalid(Set<String>.self, #"["a","a"]"#)
        try validation.expectInvalid([Int: String].self, #"{"x":"a"}"#)
        try validation.expectInvalid([JSColor: Int].self, #"{"purple":1}"#)
        try validation.expectInvalid(Bool.self, "1")
        try validation.run()
    }
}

/// Two types of one name, `Item`, for definition names.
enum JSFirst { @Lodum struct Item { var a: Int } }
enum JSSecond { @Lodum struct Item { var b: String } }
