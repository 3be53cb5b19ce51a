// The examples of Docs/GettingStarted.md, compiled and run; the page's Swift blocks are
// excerpts of this file, and the results its comments claim are checked here.

import Foundation
import LodumTestSupport
import Testing
// Last, so that it and the declarations below read as the page's first block. `Point` and
// `Dataset` shadow LodumTestSupport's, which this module does not use.
import Lodum

@Lodum struct Point {
    var x: Int
    var y: Int
}

@Lodum struct Dataset {
    var name: String = "untitled"     // used when "name" is missing from the input
    var points: [Point]
    var note: String?                 // nil when missing
}

/// The page declares two `User`s; each lives in a namespace of its own.
enum GettingStartedSkipIfNil {
    @Lodum struct User {
        var name: String
        @Field(skipIfNil: true) var nickname: String?   // {"name":"ada"} when nil
    }
}

@Suite("Getting started: the page's examples")
struct GettingStartedExamplesTests {
    @Test func missingKeysTakeTheirDefaults() throws {
        let dataset = try JSON.decode(Dataset.self, from: #"{"points":[]}"#)
        #expect(dataset.name == "untitled" && dataset.note == nil)
        let error = expectLodumError { _ = try JSON.decode(Dataset.self, from: #"{"name":"a"}"#) }
        #expect(error?.path.description == "points")
    }

    @Test func aNilNicknameIsLeftOut() throws {
        #expect(try JSON.encodeString(GettingStartedSkipIfNil.User(name: "ada")) == #"{"name":"ada"}"#)
    }

    @Test func theVerbsOptionsAndTranscode() throws {
        let dataset = Dataset(points: [Point(x: 1, y: 2)])

        // In memory (lodum's dumps / loads)
        let data = try JSON.encode(dataset)                        // Data
        let text = try JSON.encodeString(dataset)                  // {"name":"untitled","points":[{"x":1,"y":2}],"note":null}
        let back = try JSON.decode(Dataset.self, from: data)       // also from a String or [UInt8]

        // Files and handles (dump / load)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataset.json")
        try JSON.dump(dataset, to: url)                            // written atomically
        let loaded = try JSON.load(Dataset.self, from: url)
        defer { try? FileManager.default.removeItem(at: url) }

        #expect(text == #"{"name":"untitled","points":[{"x":1,"y":2}],"note":null}"#)
        #expect(back.points.map(\.y) == [2] && loaded.name == "untitled" && loaded.points.map(\.x) == [1])

        let yaml = try JSON.transcode(from: data, to: YAML.self)   // name: untitled …
        #expect(String(decoding: yaml, as: UTF8.self) == "name: untitled\npoints:\n- x: 1\n  y: 2\nnote: null\n")

        let pretty = try JSON.encodeString(dataset, options: JSONOptions(indent: 2, sortedKeys: true))
        #expect(pretty == """
            {
              "name": "untitled",
              "note": null,
              "points": [
                {
                  "x": 1,
                  "y": 2
                }
              ]
            }
            """)
    }

    @Test func codableTypesTakeTheSameCalls() throws {
        struct Legacy: Codable { var id: Int; var tags: [String] }

        let legacyData = try JSON.encode(Legacy(id: 1, tags: ["a"]))
        let legacy = try JSON.decode(Legacy.self, from: legacyData)

        #expect(String(decoding: legacyData, as: UTF8.self) == #"{"id":1,"tags":["a"]}"#)
        #expect(legacy.id == 1 && legacy.tags == ["a"])
    }

    @Test func anyValue() throws {
        let decoded = try documentationValues {
            let value = try JSON.decode(Value.self, from: #"{"a": [1, 2.5, null]}"#)
            value["a"]   // .array([.int(1), .double(2.5), .null])
        }
        #expect(decoded[0] as? Value? == Value.array([.int(1), .double(2.5), .null]))

        let results = try documentationValues {
            let user: Value = ["name": "Ada", "tags": ["admin", "ops"], "age": 36, "manager": nil]
            try JSON.encodeString(user)   // {"name":"Ada","tags":["admin","ops"],"age":36,"manager":null}
            user["tags"]?[1]?.stringValue   // "ops"
            user["age"]?.intValue           // 36
            user["age"]?.doubleValue        // 36.0: from any number case
            user["manager"]?.isNull         // true
            user["missing"]                 // nil
        }
        #expect(results[0] as? String == #"{"name":"Ada","tags":["admin","ops"],"age":36,"manager":null}"#)
        #expect(results[1] as? String? == "ops")
        #expect(results[2] as? Int? == 36)
        #expect(results[3] as? Double? == 36.0)
        #expect(results[4] as? Bool? == true)
        #expect(results[5] as? Value? == Optional<Value>.none)
        #expect(Value.double(2.0).intValue == 2 && Value.double(2.5).intValue == nil)
    }

    @Test func everyFormatAlike() throws {
        let dataset = Dataset(points: [Point(x: 1, y: 2)])

        let config = try YAML.encodeString(dataset)
        // name: untitled
        // points:
        // - x: 1
        //   y: 2
        // note: null
        let again = try YAML.decode(Dataset.self, from: config)

        #expect(config == "name: untitled\npoints:\n- x: 1\n  y: 2\nnote: null\n")
        #expect(again.name == "untitled" && again.points.map(\.y) == [2])

        for format in Lodum.formats {
            print(format.name, format.fileExtensions, format.capabilities)
            let bytes = try format.encode(dataset)
            let back = try format.decode(Dataset.self, from: bytes)
            print(back.name)   // untitled, from each format
        }

        for format in Lodum.formats {
            #expect(try format.decode(Dataset.self, from: format.encode(dataset)).name == "untitled")
        }
    }

    @Test func theRegistryOpensIntoAGenericFunction() throws {
        let points = [Point(x: 1, y: 2), Point(x: 3, y: 4)]
        try Fixtures.withTemporaryDirectory { directory in
            func save<F: Format>(_ points: [Point], as format: F.Type, in directory: URL) throws {
                let url = directory.appendingPathComponent("points." + F.fileExtensions[0])
                try F.dump(contentsOf: points, to: url)
                var stream = F.stream(Point.self, from: url)
                while let point = try stream.next() { print(point) }
            }

            for format in Lodum.formats { try save(points, as: format, in: directory) }

            for format in Lodum.formats {
                let url = directory.appendingPathComponent("points." + format.fileExtensions[0])
                #expect(try format.decode([Point].self, from: Data(contentsOf: url)).map(\.x) == [1, 3])
            }
        }
    }
}

/// The page's second `User`, for trees.
enum GettingStartedTrees {
    @Lodum struct User {
        var name: String
        var tags: [String]
    }

    @Suite("Getting started: between typed values and trees")
    struct Tests {
        @Test func aValueBecomesATreeAndBack() throws {
            let tree = try Value(from: User(name: "Ada", tags: ["admin"]))   // ["name": "Ada", "tags": ["admin"]]
            let user = try User(from: tree)

            #expect(tree == ["name": "Ada", "tags": ["admin"]])
            #expect(user.name == "Ada" && user.tags == ["admin"])
        }

        @Test func aWrongTreeIsAnErrorWithItsPath() {
            let error = expectLodumError {
                _ = try documentationValues {
                    let wrong: Value = ["name": "Ada", "tags": ["admin", 7]]
                    try User(from: wrong)   // Error at tags[1]: expected String, found Number 7
                }
            }
            #expect(error?.description == "Error at tags[1]: expected String, found Number 7")
        }
    }
}
