import CYAML
import LodumCore

/// libyaml's event emitter, writing into Lodum's output buffer through its write handler,
/// so bytes reach the sink as libyaml produces them.
final class YAMLEmitter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let emitterReady: Bool
    /// Where libyaml's output goes; flushed to the sink each time it fills. It and the
    /// failure below opt out of dynamic exclusivity checks: the emitter belongs to one writer.
    @exclusivity(unchecked) var output: OutputBuffer
    /// An error of the sink, reported through libyaml's write handler and rethrown as the
    /// sink threw it (as a format writing to the buffer directly would).
    @exclusivity(unchecked) private var sinkFailure: (any Error)?

    init(output: OutputBuffer, options: YAMLOptions) {
        self.output = output
        emitter = .allocate(capacity: 1)
        emitter.initialize(to: yaml_emitter_t())
        emitterReady = yaml_emitter_initialize(emitter) == 1
        guard emitterReady else { return }
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            let emitter = Unmanaged<YAMLEmitter>.fromOpaque(data).takeUnretainedValue()
            return emitter.accept(UnsafeRawBufferPointer(start: buffer, count: size))
        }, Unmanaged.passUnretained(self).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_indent(emitter, Int32(options.indent))
        yaml_emitter_set_width(emitter, Int32(clamping: options.lineWidth ?? -1))
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        if emitterReady { yaml_emitter_delete(emitter) }
        emitter.deinitialize(count: 1)
        emitter.deallocate()
    }

    /// libyaml's write handler: 1 on success, 0 when the sink failed.
    private func accept(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        do {
            try output.append(bytes)
            return 1
        } catch {
            sinkFailure = error
            return 0
        }
    }

    /// Builds an event with `initialize` (a libyaml `*_event_initialize` call) and emits it.
    /// libyaml owns the event from then on, and frees it even when emitting fails.
    func emit(_ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32) throws {
        guard emitterReady else { throw LodumError(.io("libyaml could not allocate its emitter")) }
        var event = yaml_event_t()
        guard initialize(&event) == 1 else {
            throw LodumError(.unsupportedValue("libyaml refused the event (invalid UTF-8 or out of memory)"))
        }
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw emitError() }
    }

    /// Writes out everything libyaml still holds.
    func flush() throws {
        // Before a stream start libyaml has no encoding, and its flush asserts on that.
        guard emitterReady, emitter.pointee.encoding != YAML_ANY_ENCODING else { return }
        guard yaml_emitter_flush(emitter) == 1 else { throw emitError() }
    }

    private func emitError() -> any Error {
        if let sinkFailure { return sinkFailure }
        let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "libyaml could not emit the event"
        if emitter.pointee.error == YAML_MEMORY_ERROR { return LodumError(.io("libyaml ran out of memory")) }
        return LodumError(.unsupportedValue(problem))
    }
}
