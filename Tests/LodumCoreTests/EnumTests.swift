import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum enum ENColor: String, Equatable, Sendable {
    case red, green
    case deepBlue = "deep-blue"
}

@Lodum enum ENLevel: Int, Equatable, Sendable {
    case low = 1, high = 10
}

@Lodum enum ENShape: Equatable, Sendable {
    case circle(radius: Double)
    case rectangle(width: Double, height: Double)
    case point(Int, Int)
    case label(String)
    case none
}

@Lodum(renameAll: .snakeCase, tag: "type")
enum ENEvent: Equatable, Sendable {
    case userJoined(name: String, at: Int?)
    @Field(rename: "bye") case userLeft(name: String)
    case heartbeat
}

@Lodum(tag: "t", content: "c")
enum ENMessage: Equatable, Sendable {
    case text(String)
    case pair(Int, Int)
    case move(dx: Int, dy: Int)
    case ping
}

@Lodum(untagged: true)
enum ENLoose: Equatable, Sendable {
    case number(Int)
    case words([String])
    case named(name: String)
    case nothing
}

@Lodum indirect enum ENExpr: Equatable, Sendable {
    case number(Int)
    case sum(ENExpr, ENExpr)
    case negate(of: ENExpr)
}

@Lodum struct ENHolder: Equatable, Sendable {
    var color: ENColor
    var level: ENLevel
    var shapes: [ENShape]
    var events: [ENEvent]
    var messages: [ENMessage]
    var loose: [ENLoose]
    var expression: ENExpr
}

@Suite("Enums: raw values and the four taggings, in every format")
struct EnumTests {
    static let formats = Lodum.formats.map { $0.name }

    static func format(_ name: String) throws -> any Format.Type {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format named \(name)")) }
        return format
    }

    static let holder = ENHolder(
        color: .deepBlue, level: .high,
        shapes: [.circle(radius: 1.5), .rectangle(width: 2, height: 3), .point(1, -2), .label("x"), .none],
        events: [.userJoined(name: "ada", at: 5), .userJoined(name: "bob", at: nil), .userLeft(name: "cy"), .heartbeat],
        messages: [.text("hi"), .pair(1, 2), .move(dx: 3, dy: 4), .ping],
        loose: [.number(3), .words(["a", "b"]), .named(name: "n"), .nothing],
        expression: .sum(.number(1), .negate(of: .number(2))))

    @Test(arguments: formats)
    func everyShapeRoundTrips(_ name: String) throws {
        let format = try Self.format(name)
        try Self.everyShapeRoundTrips(format)
    }

    static func everyShapeRoundTrips<F: Format>(_ format: F.Type) throws {
        #expect(try F.decode(ENHolder.self, from: F.encode(holder)) == holder)
    }

    @Test func theWireFormsAreTheDocumentedOnes() throws {
        #expect(try JSON.encodeString(ENColor.deepBlue) == #""deep-blue""#)
        #expect(try JSON.encodeString(ENLevel.high) == "10")
        #expect(try JSON.encodeString(ENShape.circle(radius: 1)) == #"{"circle":{"radius":1.0}}"#)
        #expect(try JSON.encodeString(ENShape.point(1, 2)) == #"{"point":[1,2]}"#)
        #expect(try JSON.encodeString(ENShape.label("x")) == #"{"label":"x"}"#)
        #expect(try JSON.encodeString(ENShape.none) == #""none""#)
        #expect(try JSON.encodeString(ENEvent.userJoined(name: "a", at: 1)) == #"{"type":"user_joined","name":"a","at":1}"#)
        #expect(try JSON.encodeString(ENEvent.userLeft(name: "a")) == #"{"type":"bye","name":"a"}"#)
        #expect(try JSON.encodeString(ENEvent.heartbeat) == #"{"type":"heartbeat"}"#)
        #expect(try JSON.encodeString(ENMessage.move(dx: 1, dy: 2)) == #"{"t":"move","c":{"dx":1,"dy":2}}"#)
        #expect(try JSON.encodeString(ENMessage.text("hi")) == #"{"t":"text","c":"hi"}"#)
        #expect(try JSON.encodeString(ENMessage.ping) == #"{"t":"ping"}"#)
        #expect(try JSON.encodeString(ENLoose.named(name: "n")) == #"{"name":"n"}"#)
        #expect(try JSON.encodeString(ENLoose.nothing) == "null")
        #expect(try JSON.encodeString(ENExpr.negate(of: .number(2))) == #"{"negate":{"of":{"number":2}}}"#)
    }

    @Test func tagsMayComeAfterTheFieldsAndContentBeforeTheTag() throws {
        #expect(try JSON.decode(ENEvent.self, from: #"{"name":"a","at":1,"type":"user_joined"}"#) == .userJoined(name: "a", at: 1))
        #expect(try JSON.decode(ENEvent.self, from: #"{"extra":[1,{"x":2}],"type":"heartbeat"}"#) == .heartbeat)
        #expect(try JSON.decode(ENMessage.self, from: #"{"c":{"dy":2,"dx":1},"t":"move"}"#) == .move(dx: 1, dy: 2))
        #expect(try JSON.decode(ENMessage.self, from: #"{"t":"ping","c":null}"#) == .ping)
        #expect(try JSON.decode(ENShape.self, from: #"{"none":null}"#) == ENShape.none)
    }

    @Test func untaggedCasesAreTriedInOrder() throws {
        #expect(try JSON.decode(ENLoose.self, from: "7") == .number(7))
        #expect(try JSON.decode(ENLoose.self, from: #"["a"]"#) == .words(["a"]))
        #expect(try JSON.decode(ENLoose.self, from: #"{"name":"x"}"#) == .named(name: "x"))
        #expect(try JSON.decode(ENLoose.self, from: "null") == .nothing)
        let error = expectLodumError { _ = try JSON.decode([ENLoose].self, from: #"[1, true]"#) }
        #expect(error?.path.description == "[1]")
        #expect(error?.reason == """
            no case of ENLoose matches: number: expected Int, found Bool true; words: expected Array, found Bool true; \
            named: expected Object, found Bool true; nothing: expected null (the case has no values), found Bool
            """)
    }

    @Test(arguments: formats)
    func unknownCasesAndRawValuesAreErrorsListingTheValidOnes(_ name: String) throws {
        let format = try Self.format(name)
        try Self.unknownCases(format)
    }

    static func unknownCases<F: Format>(_ format: F.Type) throws {
        let color = expectLodumError { _ = try F.decode([ENColor].self, from: F.encode(["red", "purple"])) }
        #expect(color?.kind == .typeMismatch(expected: #"one of "red", "green", "deep-blue""#, found: #""purple""#))
        #expect(color?.path.description == "[1]")
        #expect(color?.position != nil)
        let level = expectLodumError { _ = try F.decode(ENLevel.self, from: F.encode(5)) }
        #expect(level?.kind == .typeMismatch(expected: "one of 1, 10", found: "5"))
        let shape = expectLodumError { _ = try F.decode(ENShape.self, from: F.encode(["hexagon": 1])) }
        #expect(shape?.reason == #"expected one of "circle", "rectangle", "point", "label", "none", found String "hexagon""#)
        let event = expectLodumError { _ = try F.decode(ENEvent.self, from: F.encode(["type": "user_left"])) }
        #expect(event?.reason == #"expected one of "user_joined", "bye", "heartbeat", found String "user_left""#)
        let missingTag = expectLodumError { _ = try F.decode(ENEvent.self, from: F.encode(["name": "a"])) }
        #expect(missingTag?.kind == .missingField("type"))
        let missingField = expectLodumError { _ = try F.decode(ENEvent.self, from: F.encode(["type": "bye"])) }
        #expect(missingField?.kind == .missingField("name"))
        #expect(missingField?.path.description == "name")
        let needsValues = expectLodumError { _ = try F.decode(ENShape.self, from: F.encode("circle")) }
        #expect(needsValues?.reason == #"expected case "circle" with its values, found the name alone"#)
        let shortTuple = expectLodumError { _ = try F.decode(ENShape.self, from: F.encode(["point": [1]])) }
        #expect(shortTuple?.kind == .typeMismatch(expected: "2 elements", found: "1"))
        #expect(shortTuple?.path.description == "point")
    }

    @Test func errorsInsideACaseNameItsPath() {
        let error = expectLodumError { _ = try JSON.decode(ENHolder.self, from: """
            {"color":"red","level":1,"shapes":[{"circle":{"radius":"big"}}],"events":[],"messages":[],"loose":[],"expression":{"number":1}}
            """) }
        #expect(error?.path.description == "shapes[0].circle.radius")
        #expect(error?.reason == #"expected Double, found String "big""#)
        let late = expectLodumError { _ = try JSON.decode(ENEvent.self, from: #"{"name":5,"type":"bye"}"#) }
        #expect(late?.path.description == "name")
    }
}

@Suite("Enums: paths through buffered cases")
struct EnumBufferedPathTests {
    @Test func contentReadBeforeItsTagStillNamesItsPath() {
        let error = expectLodumError { _ = try JSON.decode([ENMessage].self, from: #"[{"t":"ping"},{"c":{"dx":"x","dy":2},"t":"move"}]"#) }
        #expect(error?.path.description == "[1].c.dx")
        #expect(error?.position != nil)
        let late = expectLodumError { _ = try JSON.decode([ENEvent].self, from: #"[{"type":"heartbeat"},{"at":"x","name":"a","type":"user_joined"}]"#) }
        #expect(late?.path.description == "[1].at")
    }
}

@Lodum struct ENPage<Item: Serializable & Deserializable & Equatable & Sendable>: Equatable, Sendable {
    var items: [Item]
    var next: Int?
}

@Lodum enum ENResult<Success: Serializable & Deserializable & Equatable & Sendable>: Equatable, Sendable {
    case success(Success)
    case failure(message: String)
}

@Suite("Generic @Lodum types")
struct GenericLodumTypeTests {
    @Test(arguments: Lodum.formats.map { $0.name })
    func genericStructsAndEnumsRoundTrip(_ name: String) throws {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format named \(name)")) }
        try Self.roundTrip(format)
    }

    static func roundTrip<F: Format>(_ format: F.Type) throws {
        let page = ENPage(items: [ENShape.point(1, 2), .none], next: 2)
        #expect(try F.decode(ENPage<ENShape>.self, from: F.encode(page)) == page)
        let results: [ENResult<ENPage<Int>>] = [.success(ENPage(items: [1], next: nil)), .failure(message: "no")]
        #expect(try F.decode([ENResult<ENPage<Int>>].self, from: F.encode(results)) == results)
    }
}
