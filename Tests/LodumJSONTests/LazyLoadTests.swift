import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Lazy load is a promise proven by behaviour: an element arrives while most of the
/// source is still unread, and the reader's window never grows.
@Suite("Lazy load")
struct LazyLoadTests {
    @Test func jsonClaimsLazyLoad() {
        #expect(JSON.capabilities.contains(.lazyLoad))
    }

    @Test func streamYieldsFirstElementBeforeSourceIsDrained() throws {
        let source = CountingSource(Fixtures.recordArray(count: 5_000), chunkSize: 64)
        var records = JSON.stream(Record.self, from: source)
        let first = try records.next()
        #expect(first == Record(id: 0, name: "record-0"))
        #expect(!source.isDrained)
        #expect(source.chunksServed <= 2, "served \(source.chunksServed) of \(source.totalChunks) chunks before the first element")
    }

    @Test func streamReadsOnlyAsFarAsTheElementsItHasYielded() throws {
        let source = CountingSource(Fixtures.recordArray(count: 5_000), chunkSize: 64)
        var records = JSON.stream(Record.self, from: source)
        for _ in 0..<100 { _ = try records.next() }
        let servedAfterHundred = source.chunksServed
        #expect(servedAfterHundred < source.totalChunks / 10)
        var count = 100
        while try records.next() != nil { count += 1 }
        #expect(count == 5_000)
        #expect(source.isDrained)
    }

    @Test func readerWindowStaysAtItsFixedCapacity() throws {
        let source = CountingSource(Fixtures.recordArray(count: 20_000), chunkSize: 10_000)
        var records = JSON.stream(Record.self, from: source)
        var count = 0
        while try records.next() != nil { count += 1 }
        #expect(count == 20_000)
        #expect(source.largestRequest <= InputBuffer.defaultCapacity)
        #expect(source.largestRequest > 0)
    }

    @Test func loadOfAWholeValueAlsoReadsThroughTheFixedWindow() throws {
        let source = CountingSource(Fixtures.recordArray(count: 20_000), chunkSize: 100_000)
        let records = try JSON.load([Record].self, from: source)
        #expect(records.count == 20_000)
        #expect(source.largestRequest <= InputBuffer.defaultCapacity)
    }

    @Test func streamOpensItsSourceOnlyWhenFirstAsked() throws {
        let source = CountingSource(Fixtures.recordArray(count: 10), chunkSize: 64)
        var records = JSON.stream(Record.self, from: source)
        #expect(source.chunksServed == 0)
        _ = try records.next()
        #expect(source.chunksServed > 0)
    }

    @Test func documentsYieldFirstDocumentBeforeSourceIsDrained() throws {
        let source = CountingSource(Fixtures.recordLines(count: 5_000), chunkSize: 64)
        var records = JSON.documents(Record.self, from: source)
        #expect(try records.next() == Record(id: 0, name: "record-0"))
        #expect(source.chunksServed <= 2)
    }

    @Test func elementLargerThanTheWindowStillDecodes() throws {
        let long = String(repeating: "x", count: InputBuffer.defaultCapacity * 2 + 17)
        let bytes = Fixtures.bytes(#"[{"id":1,"name":"\#(long)"},{"id":2,"name":"short"}]"#)
        var records = JSON.stream(Record.self, from: CountingSource(bytes, chunkSize: 4096))
        #expect(try records.next()?.name == long)
        #expect(try records.next()?.name == "short")
        #expect(try records.next() == nil)
    }

    @Test func escapedStringsSpanningManyRefillsDecode() throws {
        let unit = #"line\n\"quoted\" \u00e9\ud83d\ude00 "#
        let expectedUnit = "line\n\"quoted\" é😀 "
        let repeats = InputBuffer.defaultCapacity / 20
        let bytes = Fixtures.bytes(#"[{"id":1,"name":"\#(String(repeating: unit, count: repeats))"},{"id":2,"name":"a\tb"}]"#)
        var records = JSON.stream(Record.self, from: CountingSource(bytes, chunkSize: 1000))
        #expect(try records.next()?.name == String(repeating: expectedUnit, count: repeats))
        #expect(try records.next()?.name == "a\tb")
    }

    @Test func copiesOfAStreamShareOnePosition() throws {
        var records = JSON.stream(Record.self, from: Fixtures.recordArray(count: 3))
        var copy = records
        #expect(try records.next()?.id == 0)
        #expect(try copy.next()?.id == 1)
        #expect(try records.next()?.id == 2)
        #expect(try copy.next() == nil)
    }

    @Test func streamReturnsNilAgainAfterTheEnd() throws {
        var records = JSON.stream(Record.self, from: Fixtures.recordArray(count: 1))
        #expect(try records.next() != nil)
        #expect(try records.next() == nil)
        #expect(try records.next() == nil)
    }

    @Test func streamIsFinishedAfterAnError() throws {
        var records = JSON.stream(Int.self, from: Fixtures.bytes("[1, x, 3]"))
        #expect(try records.next() == 1)
        _ = expectLodumError { _ = try records.next() }
        #expect(try records.next() == nil)
    }

    @Test func contentAfterTheTopLevelArrayIsAnErrorAfterTheLastElement() throws {
        var numbers = JSON.stream(Int.self, from: Fixtures.bytes("[1,2] 3"))
        #expect(try numbers.next() == 1)
        #expect(try numbers.next() == 2)
        _ = expectLodumError { _ = try numbers.next() }
    }

    @Test func streamOfSomethingOtherThanAnArrayIsATypeMismatch() {
        var numbers = JSON.stream(Int.self, from: Fixtures.bytes(#"{"a":1}"#))
        let error = expectLodumError { _ = try numbers.next() }
        #expect(error?.kind == .typeMismatch(expected: "Array", found: "Object"))
    }

    @Test func elementErrorNamesTheElementIndex() {
        var records = JSON.stream(Record.self, from: Fixtures.bytes(#"[{"id":1,"name":"a"},{"id":2}]"#))
        let error = expectLodumError {
            while try records.next() != nil {}
        }
        #expect(error?.path.description == "[1].name")
    }

    @Test func emptyArrayStreamsNothing() throws {
        var records = JSON.stream(Record.self, from: Fixtures.bytes(" [ ] "))
        #expect(try records.next() == nil)
    }
}
