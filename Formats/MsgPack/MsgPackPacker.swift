import CMsgPack
import LodumCore

/// msgpack-c's packer, writing through its callback into Lodum's output buffer, or into the
/// buffer of a container whose length is not known yet.
///
/// Its state opts out of dynamic exclusivity checks: it belongs to one writer, used by one
/// thread, and the packer's callback is the only code that appends.
final class MsgPackPacker {
    @exclusivity(unchecked) var packer = msgpack_packer()
    @exclusivity(unchecked) var output: OutputBuffer
    /// Containers of unknown length being written, innermost last: their bytes so far and
    /// how many elements (or entries) they hold.
    @exclusivity(unchecked) var pending: [PendingContainer] = []
    /// An error of the sink, reported through the packer's callback.
    @exclusivity(unchecked) var sinkFailure: (any Error)?

    struct PendingContainer {
        var bytes: [UInt8] = []
        var count = 0
        let isMap: Bool
        /// The writer's nesting level inside this container, where its elements are.
        let level: Int
    }

    init(output: OutputBuffer) {
        self.output = output
        msgpack_packer_init(&packer, Unmanaged.passUnretained(self).toOpaque()) { data, buffer, length in
            guard let data, let buffer else { return -1 }
            let packer = Unmanaged<MsgPackPacker>.fromOpaque(data).takeUnretainedValue()
            return packer.accept(UnsafeRawBufferPointer(start: buffer, count: length))
        }
    }

    /// The packer's callback: 0 on success, -1 when the sink failed.
    private func accept(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let last = pending.count - 1
        if last >= 0 {
            pending[last].bytes.append(contentsOf: bytes)
            return 0
        }
        do {
            try output.append(bytes)
            return 0
        } catch {
            sinkFailure = error
            return -1
        }
    }

    /// Runs one packing call and turns its failure into the sink's error.
    @inline(__always)
    func pack(_ call: (UnsafeMutablePointer<msgpack_packer>) -> Int32) throws {
        guard call(&packer) == 0 else {
            throw sinkFailure ?? LodumError(.io("msgpack-c's packer failed"))
        }
    }
}
