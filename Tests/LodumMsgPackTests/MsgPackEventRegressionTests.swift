import CMsgPackEvents
import Testing

// Regressions in the event unpacker (Formats/CMsgPackEvents) that the reader's behaviour
// tests found: pinned at the C level, where they were fixed.

/// Runs the event unpacker over `bytes` in one call, with room for one event per byte.
private func execute(_ bytes: [UInt8]) -> (result: Int32, events: [lodum_mp_event], pending: UInt32) {
    guard let unpacker = lodum_mp_unpacker_create() else { return (-100, [], 0) }
    defer { lodum_mp_unpacker_destroy(unpacker) }
    var events = [lodum_mp_event](repeating: lodum_mp_event(), count: max(bytes.count, 1))
    var count = 0
    var offset = 0
    let result = bytes.withUnsafeBytes { raw in
        events.withUnsafeMutableBufferPointer { buffer in
            lodum_mp_unpacker_execute(unpacker, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, &offset,
                                      buffer.baseAddress, &count, .max)
        }
    }
    return (result, Array(events.prefix(count)), lodum_mp_unpacker_pending_length(unpacker))
}

@Suite("MessagePack event unpacker regressions")
struct MsgPackEventRegressionTests {
    @Test func nothingIsPendingBetweenValuesAfterALongPayload() {
        // An array of two whose first element, a 5,000-byte string, is complete: the state
        // machine keeps the string's length as its trail, which is not a claim on what follows.
        let bytes: [UInt8] = [0x92, 0xDA, 0x13, 0x88] + [UInt8](repeating: 0x61, count: 5_000)
        let outcome = execute(bytes)
        #expect(outcome.result == 0)
        #expect(outcome.events.count == 2)
        #expect(outcome.pending == 0)
        // In the middle of a value the claim is visible.
        #expect(execute([0x92, 0xDA, 0x13, 0x88, 0x61]).pending == 5_000)
    }

    @Test func anEmptyPayloadAtTheStartOfACallHasAValidOffset() {
        // `a0` reaches its push without the state machine setting its payload pointer.
        for bytes: [UInt8] in [[0xA0], [0x91, 0xA0], [0xC4, 0x00], [0xD9, 0x00], [0xC7, 0x00, 0x05]] {
            let outcome = execute(bytes)
            #expect(outcome.result == 1, "\(bytes)")
            let payload = outcome.events.last
            #expect(payload?.length == 0, "\(bytes)")
            #expect((payload?.bits ?? .max) <= UInt64(bytes.count), "\(bytes)")
        }
    }
}
