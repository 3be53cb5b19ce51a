import CMsgPackEvents
import Foundation
import LodumTestSupport
import Testing

// The base of the MessagePack reader: msgpack-c's unpacking state machine, instantiated to
// report events. These tests pin what the reader builds on: every encoding of the
// msgpack-test-suite parses whole, and hostile headers are refused before any allocation.

/// Runs the event unpacker over `bytes` in one call.
private func unpack(_ bytes: [UInt8], maxElements: UInt64 = .max) -> (result: Int32, consumed: Int, events: [lodum_mp_event], pending: UInt32) {
    guard let unpacker = lodum_mp_unpacker_create() else { return (-100, 0, [], 0) }
    defer { lodum_mp_unpacker_destroy(unpacker) }
    var events = [lodum_mp_event](repeating: lodum_mp_event(), count: max(bytes.count, 1))
    var count = 0
    var offset = 0
    let result = bytes.withUnsafeBytes { raw in
        events.withUnsafeMutableBufferPointer { buffer in
            lodum_mp_unpacker_execute(unpacker, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, &offset,
                                      buffer.baseAddress, &count, maxElements)
        }
    }
    return (result, offset, Array(events.prefix(count)), lodum_mp_unpacker_pending_length(unpacker))
}

private func hexBytes(_ text: String) -> [UInt8] {
    text.split(separator: "-").compactMap { UInt8($0, radix: 16) }
}

/// Every encoding listed by the msgpack-test-suite, with the group it belongs to.
private func suiteEncodings() throws -> [(group: String, bytes: [UInt8])] {
    let url = Fixtures.shared("conformance/msgpack/msgpack-test-suite.json")
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw TestSuiteMissing(path: url.path)
    }
    let suite = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [[String: Any]]] ?? [:]
    var encodings: [(String, [UInt8])] = []
    for (group, cases) in suite.sorted(by: { $0.key < $1.key }) {
        for entry in cases {
            for hex in entry["msgpack"] as? [String] ?? [] { encodings.append((group, hexBytes(hex))) }
        }
    }
    return encodings
}

private struct TestSuiteMissing: Error, CustomStringConvertible {
    var path: String
    var description: String { "the msgpack-test-suite is missing: looked for \(path)" }
}

@Suite("MessagePack event unpacker (msgpack-c's state machine)")
struct EventUnpackerTests {
    @Test func everySuiteEncodingParsesWhole() throws {
        let encodings = try suiteEncodings()
        #expect(encodings.count > 80)
        for (group, bytes) in encodings {
            let outcome = unpack(bytes)
            #expect(outcome.result == 1, "\(group): \(bytes)")
            #expect(outcome.consumed == bytes.count, "\(group): \(bytes)")
            #expect(!outcome.events.isEmpty)
        }
    }

    @Test func everyTruncationOfEverySuiteEncodingAsksForMoreAndNeverCompletes() throws {
        for (group, bytes) in try suiteEncodings() where bytes.count > 1 {
            for cut in 1..<bytes.count {
                let outcome = unpack(Array(bytes.prefix(cut)))
                #expect(outcome.result == 0, "\(group) cut at \(cut)")
            }
        }
    }

    @Test func arrayEventsCarryCountsAndPayloadOffsets() {
        let outcome = unpack([0x92, 0x01, 0xA2, 0x68, 0x69])
        #expect(outcome.result == 1)
        #expect(outcome.events.map(\.kind) == [UInt8(LODUM_MP_ARRAY.rawValue), UInt8(LODUM_MP_UINT.rawValue), UInt8(LODUM_MP_STR.rawValue)])
        #expect(outcome.events[0].bits == 2)
        #expect(outcome.events[2].bits == 3 && outcome.events[2].length == 2)
    }

    @Test func aContainerClaimingMoreElementsThanBytesIsRefusedBeforeAllocation() {
        // array 32 claiming a billion elements, with four bytes of input left at most.
        let billion = unpack([0xDD, 0x3B, 0x9A, 0xCA, 0x00], maxElements: 4)
        #expect(billion.result == LODUM_MP_COUNT_TOO_LARGE)
        let map = unpack([0xDF, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02], maxElements: 5)
        #expect(map.result == LODUM_MP_COUNT_TOO_LARGE)
    }

    @Test func aStringClaimingFourGigabytesWaitsWithTheClaimVisible() {
        let outcome = unpack([0xDB, 0xFF, 0xFF, 0xFF, 0xFF, 0x61])
        #expect(outcome.result == 0)
        #expect(outcome.pending == 0xFFFF_FFFF)
    }

    @Test func anExtensionWithNoRoomForItsTypeIsRefused() {
        // ext 32 of length 0xFFFFFFFF: msgpack-c's length + 1 wraps to 0.
        #expect(unpack([0xC9, 0xFF, 0xFF, 0xFF, 0xFF]).result == LODUM_MP_EXT_WITHOUT_TYPE)
    }

    @Test func theTimestampExtensionReportsTypeMinusOne() {
        let outcome = unpack([0xD6, 0xFF, 0x5A, 0x4A, 0xF6, 0xA5])
        #expect(outcome.result == 1)
        #expect(outcome.events.first?.ext_type == -1)
        #expect(outcome.events.first?.length == 4)
    }

    @Test func nestingBeyondTheStateMachinesStackIsAnError() {
        let deep = [UInt8](repeating: 0x91, count: Int(LODUM_MP_MAX_DEPTH) + 1) + [0xC0]
        #expect(unpack(deep).result == LODUM_MP_TOO_DEEP)
        let fits = [UInt8](repeating: 0x91, count: Int(LODUM_MP_MAX_DEPTH) - 1) + [0xC0]
        #expect(unpack(fits).result == 1)
    }

    @Test func theNeverUsedByteC1IsAParseError() {
        #expect(unpack([0xC1]).result == LODUM_MP_PARSE_ERROR)
    }
}
