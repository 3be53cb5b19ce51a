import CMsgPack
// msgpack-c's headers are also included by CMsgPackOutput (through LodumMsgPack); Swift
// gives each declaration of a shared header to one module, so both are imported.
import CMsgPackOutput
import Foundation

/// The floor under Lodum's MessagePack figures: the same points packed and unpacked by
/// hand-written loops straight on msgpack-c's C API, with nothing of Lodum in between.
///
/// The pack loop makes the packer calls `MsgPackWriter` makes for the points (a map, or with
/// `.arrays` an array, per struct; `str` keys; `msgpack_pack_int64` values), so it writes
/// the very bytes `MsgPack.encode` writes, into msgpack-c's own growing `msgpack_sbuffer`;
/// the benchmark checks the bytes before timing anything. The unpack loop does what a
/// msgpack-c user does: `msgpack_unpack_next` over the whole buffer builds the
/// `msgpack_object` tree in a zone, and a walk of the tree picks out every point's x and y
/// and sums them, which the benchmark checks against `MsgPack.decode`'s points.
enum RawMsgPack {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Packs `{points: [{x: …, y: …}, …]}`, or with `structsAsArrays` `[[[x, y], …]]` (the
    /// layout of `MsgPackOptions(structs: .arrays)`), and returns the sbuffer's bytes.
    static func pack(_ points: [Point], structsAsArrays: Bool = false) throws -> Data {
        var buffer = msgpack_sbuffer()
        msgpack_sbuffer_init(&buffer)
        var packer = msgpack_packer()
        msgpack_packer_init(&packer, &buffer, msgpack_sbuffer_write)
        let keyPoints: StaticString = "points", keyX: StaticString = "x", keyY: StaticString = "y"
        // Every call returns 0, or -1 when the sbuffer's realloc failed.
        var failed: Int32 = 0
        func key(_ name: StaticString) {
            failed |= msgpack_pack_str(&packer, name.utf8CodeUnitCount)
            failed |= msgpack_pack_str_body(&packer, name.utf8Start, name.utf8CodeUnitCount)
        }
        if structsAsArrays {
            failed |= msgpack_pack_array(&packer, 1)
            failed |= msgpack_pack_array(&packer, points.count)
            for point in points {
                failed |= msgpack_pack_array(&packer, 2)
                failed |= msgpack_pack_int64(&packer, Int64(point.x))
                failed |= msgpack_pack_int64(&packer, Int64(point.y))
            }
        } else {
            failed |= msgpack_pack_map(&packer, 1)
            key(keyPoints)
            failed |= msgpack_pack_array(&packer, points.count)
            for point in points {
                failed |= msgpack_pack_map(&packer, 2)
                key(keyX)
                failed |= msgpack_pack_int64(&packer, Int64(point.x))
                key(keyY)
                failed |= msgpack_pack_int64(&packer, Int64(point.y))
            }
        }
        guard failed == 0 else {
            msgpack_sbuffer_destroy(&buffer)
            throw Failure(description: "msgpack-c's sbuffer could not grow")
        }
        let size = buffer.size
        // The sbuffer's malloc'd bytes, handed over without a copy.
        guard let bytes = msgpack_sbuffer_release(&buffer) else { return Data() }
        return Data(bytesNoCopy: bytes, count: size, deallocator: .free)
    }

    /// What the unpack loop found: the points, and the sum of every x and y.
    struct Tally: Equatable {
        var points = 0
        var checksum = 0
    }

    /// Unpacks `bytes` into one `msgpack_object` tree and walks it, summing every x and y.
    static func unpack(_ bytes: [UInt8]) throws -> Tally {
        var unpacked = msgpack_unpacked()
        msgpack_unpacked_init(&unpacked)
        defer { msgpack_unpacked_destroy(&unpacked) }
        var offset = 0
        let result = bytes.withUnsafeBufferPointer { input in
            input.baseAddress!.withMemoryRebound(to: CChar.self, capacity: input.count) {
                msgpack_unpack_next(&unpacked, $0, input.count, &offset)
            }
        }
        guard result == MSGPACK_UNPACK_SUCCESS, offset == bytes.count else {
            throw Failure(description: "msgpack_unpack_next returned \(result.rawValue) at offset \(offset) of \(bytes.count)")
        }
        return try walk(unpacked.data)
    }

    /// The dataset's points, from `{points: [...]}` or `[[...]]`.
    static func walk(_ root: msgpack_object) throws -> Tally {
        let points: msgpack_object
        switch root.type {
        case MSGPACK_OBJECT_MAP where root.via.map.size == 1 && isKey(root.via.map.ptr[0].key, "points"):
            points = root.via.map.ptr[0].val
        case MSGPACK_OBJECT_ARRAY where root.via.array.size == 1:
            points = root.via.array.ptr[0]
        default:
            throw Failure(description: "not a dataset")
        }
        guard points.type == MSGPACK_OBJECT_ARRAY else { throw Failure(description: "points are not an array") }
        var tally = Tally()
        let elements = points.via.array.ptr!
        for index in 0..<Int(points.via.array.size) {
            let point = elements[index]
            var x = 0, y = 0
            switch point.type {
            case MSGPACK_OBJECT_MAP:
                let entries = point.via.map.ptr!
                for entry in 0..<Int(point.via.map.size) {
                    let key = entries[entry].key
                    guard key.type == MSGPACK_OBJECT_STR, key.via.str.size == 1 else { continue }
                    switch UInt8(bitPattern: key.via.str.ptr[0]) {
                    case UInt8(ascii: "x"): x = try integer(entries[entry].val)
                    case UInt8(ascii: "y"): y = try integer(entries[entry].val)
                    default: break
                    }
                }
            case MSGPACK_OBJECT_ARRAY where point.via.array.size == 2:
                x = try integer(point.via.array.ptr[0])
                y = try integer(point.via.array.ptr[1])
            default:
                throw Failure(description: "point \(index) is not a map or a pair")
            }
            tally.points += 1
            tally.checksum &+= x &+ y
        }
        return tally
    }

    static func isKey(_ object: msgpack_object, _ name: StaticString) -> Bool {
        object.type == MSGPACK_OBJECT_STR && Int(object.via.str.size) == name.utf8CodeUnitCount
            && memcmp(object.via.str.ptr, name.utf8Start, name.utf8CodeUnitCount) == 0
    }

    /// An integer object as an `Int`, as any consumer of the tree must convert it.
    @inline(__always)
    static func integer(_ object: msgpack_object) throws -> Int {
        switch object.type {
        case MSGPACK_OBJECT_POSITIVE_INTEGER:
            guard let value = Int(exactly: object.via.u64) else { throw Failure(description: "integer out of range") }
            return value
        case MSGPACK_OBJECT_NEGATIVE_INTEGER:
            return Int(object.via.i64)
        default:
            throw Failure(description: "not an integer")
        }
    }
}
