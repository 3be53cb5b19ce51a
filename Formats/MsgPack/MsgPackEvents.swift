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
    private let queue: UnsafeMutablePointer<lodum_mp_event>
    /// How many events the queue holds: 4,096, or one per byte of a smaller input in memory,
    /// so decoding a small message does not allocate for a large one.
    private let queueCapacity: Int
    private static let maxQueueCapacity = 4096
    @exclusivity(unchecked) private var head = 0
    @exclusivity(unchecked) private var count = 0
    /// The offset, in the whole input, of the window's first byte when the queue was filled:
    /// queued events' ends are window indices, and the window may move before they are used.
    @exclusivity(unchecked) private var queueBase = 0
    /// The offset, in the whole input, where the first queued event starts.
    @exclusivity(unchecked) private var queueStart = 0
    /// The offset, in the whole input, where the next event to be parsed starts: the end of
    /// the last one queued. Every byte belongs to exactly one event (a scalar with its value,
    /// a payload with its header, a container's header), so this is also where a value the
    /// state machine has begun but not finished starts, however many slices its header spans.
    @exclusivity(unchecked) private var nextStart = 0
    /// An error the state machine found after the events queued with it: thrown once those
    /// are consumed, so it carries the coding path of the value it is about.
    @exclusivity(unchecked) private var failure: LodumError?
    /// The state machine finished a top-level value and must be reset before the next.
    @exclusivity(unchecked) private var valueComplete = true
    /// The whole input's size, when it is all in memory from the start.
    private let totalSize: Int?
    private let limits: Limits

    init(input: InputBuffer, limits: Limits) {
        self.input = input
        self.limits = limits
        let totalSize = input.isExhausted ? input.count : nil
        self.totalSize = totalSize
        unpacker = lodum_mp_unpacker_create()
        queueCapacity = min(Self.maxQueueCapacity, max(totalSize ?? Self.maxQueueCapacity, 1))
        queue = .allocate(capacity: queueCapacity)
    }

    deinit {
        lodum_mp_unpacker_destroy(unpacker)
        queue.deallocate()
    }

    /// The byte offset, in the whole input, where the current event starts.
    var currentOffset: Int {
        head == 0 ? queueStart : queueBase + Int(queue[head - 1].end)
    }

    /// The byte offset, in the whole input, where the event consumed last starts.
    var lastConsumedOffset: Int {
        head <= 1 ? queueStart : queueBase + Int(queue[head - 2].end)
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

    /// The current event if one is queued: the common case, with no error path.
    @inline(__always)
    var queued: UnsafeMutablePointer<lodum_mp_event>? {
        head < count ? queue + head : nil
    }

    /// Moves past the current event.
    @inline(__always)
    func consume() {
        head += 1
    }

    /// Whether any input is left for another top-level value (after the events queued).
    func hasMoreInput() throws -> Bool {
        if head < count || failure != nil { return true }
        if parsedUpTo < input.count { return true }
        guard let shift = try input.refill(keepingFrom: parsedUpTo) else { return false }
        parsedUpTo -= shift
        return parsedUpTo < input.count
    }

    private func error(_ kind: LodumError.Kind, at offset: Int) -> LodumError {
        LodumError(kind, position: .binary(offset: offset))
    }

    /// Runs the state machine over the next slice until it yields events.
    private func fill() throws {
        if let failure { throw failure }
        guard let unpacker else { throw LodumError(.io("could not allocate the MessagePack unpacker")) }
        while true {
            if valueComplete {
                lodum_mp_unpacker_reset(unpacker)
                valueComplete = false
            }
            let pending = Int(lodum_mp_unpacker_pending_length(unpacker))
            try checkPendingClaim(pending)
            if input.count - parsedUpTo == 0 {
                guard let shift = try input.refill(keepingFrom: parsedUpTo) else { throw error(.unexpectedEndOfInput, at: nextStart) }
                parsedUpTo -= shift
                // The source ended: the refill only moved what was kept, and the next one says so.
                if input.count - parsedUpTo == 0 { continue }
            }
            let available = input.count - parsedUpTo
            // Enough for a pending payload in one call (one event), else a slice of at most
            // as many bytes as the queue has events.
            let slice = pending > queueCapacity ? min(available, pending) : min(available, queueCapacity)
            var offset = parsedUpTo
            var produced = 0
            let start = parsedUpTo
            let result = input.base.withMemoryRebound(to: CChar.self, capacity: input.count) { base in
                lodum_mp_unpacker_execute(unpacker, base, start + slice, &offset, queue, &produced, maxElements(after: start))
            }
            parsedUpTo = offset
            if produced > 0 {
                let base = input.offset(of: 0)
                queueBase = base
                queueStart = nextStart
                head = 0
                count = produced
                nextStart = base + Int(queue[produced - 1].end)
            }
            if result < 0 {
                let found = failure(result, at: offset)
                failure = found
                if produced > 0 { return }
                throw found
            }
            if result == 1 { valueComplete = true }
            if produced > 0 { return }
            // No event yet, but the window holds more than the slice offered: a header
            // began a payload longer than a slice, which the next slice takes whole.
            if slice < available { continue }
            // No event yet: the value needs bytes beyond the window.
            try checkPendingClaim(Int(lodum_mp_unpacker_pending_length(unpacker)))
            guard let shift = try input.refill(keepingFrom: parsedUpTo) else { throw error(.unexpectedEndOfInput, at: nextStart) }
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
    /// when it is known (the value is cut short, as a stream would find once it got there),
    /// or beyond the input size limit. The error points at the value's first byte.
    private func checkPendingClaim(_ length: Int) throws {
        guard length > 0 else { return }
        if let totalSize, length > totalSize - input.offset(of: parsedUpTo) {
            throw error(.unexpectedEndOfInput, at: nextStart)
        }
        if length > limits.maxInputSize {
            throw error(.limitExceeded(.inputSize(limits.maxInputSize)), at: nextStart)
        }
    }

    /// The error for a negative result of the state machine, at the start of the value it
    /// refused: the events before it are queued, so that is where the next event starts.
    private func failure(_ result: Int32, at windowIndex: Int) -> LodumError {
        switch result {
        case Int32(LODUM_MP_COUNT_TOO_LARGE):
            return error(.syntax("a container claims more elements than the bytes that follow it"), at: nextStart)
        case Int32(LODUM_MP_EXT_WITHOUT_TYPE):
            return error(.syntax("an extension with no room for its type"), at: nextStart)
        case Int32(LODUM_MP_TOO_DEEP):
            return error(.limitExceeded(.depth(min(limits.maxDepth, Int(LODUM_MP_MAX_DEPTH)))), at: nextStart)
        default:
            let byte = input.count > 0 ? input.base[min(windowIndex, input.count - 1)] : 0
            return error(.syntax("invalid MessagePack (byte 0x\(String(byte, radix: 16)))"), at: nextStart)
        }
    }
}
