import CMsgPackEvents
import LodumCore

/// MessagePack events, one at a time, from msgpack-c's unpacking state machine run over
/// Lodum's input window in slices.
///
/// A slice of n bytes yields at most n events, so the event queue is fixed. A claimed
/// container count is checked against the bytes that can follow before the state machine
/// takes it, and a claimed payload length before the window grows to hold it: a 5-byte
/// header claiming a 4 GiB string or a billion elements allocates nothing.
///
/// The stored state opts out of dynamic exclusivity checks: the events belong to one
/// reader, used by one thread, and no access spans a call that reaches the same property.
final class MsgPackEvents {
    private let unpacker: OpaquePointer?
    @exclusivity(unchecked) private var input: InputBuffer
    /// Where in the window the state machine resumes.
    @exclusivity(unchecked) private var parsedUpTo = 0
    /// Where in the window the first queued event starts.
    @exclusivity(unchecked) private var queueStart = 0
    private let queue: UnsafeMutablePointer<lodum_mp_event>
    private static let queueCapacity = 4096
    @exclusivity(unchecked) private var head = 0
    @exclusivity(unchecked) private var count = 0
    /// The state machine finished a top-level value and must be reset before the next.
    @exclusivity(unchecked) private var valueComplete = true
    /// The whole input's size, when it is all in memory from the start.
    private let totalSize: Int?
    private let limits: Limits

    init(input: InputBuffer, limits: Limits) {
        self.input = input
        self.limits = limits
        self.totalSize = input.isExhausted ? input.count : nil
        unpacker = lodum_mp_unpacker_create()
        queue = .allocate(capacity: Self.queueCapacity)
    }

    deinit {
        lodum_mp_unpacker_destroy(unpacker)
        queue.deallocate()
    }

    /// The byte offset, in the whole input, where the current event starts.
    var currentOffset: Int {
        let start = head == 0 ? queueStart : (head <= count ? Int(queue[head - 1].end) : parsedUpTo)
        return input.offset(of: start)
    }

    /// The payload of a `str`, `bin` or `ext` event in the queue, valid until the next event.
    func payload(of event: lodum_mp_event) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: input.base + Int(event.bits), count: Int(event.length))
    }

    /// The current event, parsing more input when the queue is empty.
    @inline(__always)
    func peek() throws -> lodum_mp_event {
        if head < count { return queue[head] }
        try fill()
        return queue[head]
    }

    /// Moves past the current event.
    @inline(__always)
    func consume() {
        head += 1
    }

    /// Whether any input is left for another top-level value (after the events queued).
    func hasMoreInput() throws -> Bool {
        if head < count { return true }
        if parsedUpTo < input.count { return true }
        guard let shift = try input.refill(keepingFrom: parsedUpTo) else { return false }
        parsedUpTo -= shift
        return parsedUpTo < input.count
    }

    private func error(_ kind: LodumError.Kind, at offset: Int? = nil) -> LodumError {
        LodumError(kind, position: .binary(offset: offset ?? input.offset(of: parsedUpTo)))
    }

    /// Runs the state machine over the next slice until it yields events.
    private func fill() throws {
        guard let unpacker else { throw LodumError(.io("could not allocate the MessagePack unpacker")) }
        while true {
            if valueComplete {
                lodum_mp_unpacker_reset(unpacker)
                valueComplete = false
            }
            var available = input.count - parsedUpTo
            if available == 0 {
                guard let shift = try input.refill(keepingFrom: parsedUpTo) else { throw error(.unexpectedEndOfInput) }
                parsedUpTo -= shift
                available = input.count - parsedUpTo
            }
            let pending = Int(lodum_mp_unpacker_pending_length(unpacker))
            // Enough for a pending payload in one call (one event), else a slice of at most
            // as many bytes as the queue has events.
            let slice = pending > Self.queueCapacity ? min(available, pending) : min(available, Self.queueCapacity)
            try checkPendingClaim(pending)
            var offset = parsedUpTo
            var produced = 0
            let start = parsedUpTo
            let result = input.base.withMemoryRebound(to: CChar.self, capacity: input.count) { base in
                lodum_mp_unpacker_execute(unpacker, base, start + slice, &offset, queue, &produced, maxElements(after: start))
            }
            guard result >= 0 else { throw failure(result, at: offset) }
            queueStart = start
            parsedUpTo = offset
            head = 0
            count = produced
            if result == 1 { valueComplete = true }
            if produced > 0 { return }
            // No event yet: the value needs bytes beyond the window.
            let needed = Int(lodum_mp_unpacker_pending_length(unpacker))
            try checkPendingClaim(needed)
            guard let shift = try input.refill(keepingFrom: parsedUpTo) else { throw error(.unexpectedEndOfInput) }
            parsedUpTo -= shift
        }
    }

    /// How many elements a container header may claim: no more than the bytes that can
    /// follow it, since every element takes at least one.
    private func maxElements(after windowIndex: Int) -> UInt64 {
        if let totalSize { return UInt64(max(0, totalSize - input.offset(of: windowIndex))) }
        // A stream has no known end; a claim allocates nothing here, and each element is
        // bounded as it is read.
        return UInt64(UInt32.max)
    }

    /// Refuses a payload (or header) length that cannot be honest: beyond the input's end
    /// when it is known, or beyond the input size limit.
    private func checkPendingClaim(_ length: Int) throws {
        guard length > 0 else { return }
        let offset = input.offset(of: parsedUpTo)
        if let totalSize, length > totalSize - offset {
            throw error(.syntax("a value claims \(length) bytes but only \(totalSize - offset) remain"))
        }
        if length > limits.maxInputSize {
            throw error(.limitExceeded(.inputSize(limits.maxInputSize)))
        }
    }

    private func failure(_ result: Int32, at windowIndex: Int) -> LodumError {
        let offset = input.offset(of: windowIndex)
        switch result {
        case Int32(LODUM_MP_COUNT_TOO_LARGE):
            return error(.syntax("a container claims more elements than the bytes that follow it"), at: offset)
        case Int32(LODUM_MP_EXT_WITHOUT_TYPE):
            return error(.syntax("an extension with no room for its type"), at: offset)
        case Int32(LODUM_MP_TOO_DEEP):
            return error(.limitExceeded(.depth(min(limits.maxDepth, Int(LODUM_MP_MAX_DEPTH)))), at: offset)
        default:
            return error(.syntax("invalid MessagePack (byte 0x\(String(input.base[min(windowIndex, max(input.count - 1, 0))], radix: 16)))"), at: offset)
        }
    }
}
