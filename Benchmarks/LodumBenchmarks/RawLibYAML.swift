import CYAML

/// The floor under Lodum's YAML figures: the same points emitted and parsed by hand-written
/// loops straight on libyaml's event API, with nothing of Lodum in between.
///
/// The emitter is set up as `YAMLWriter` sets it up (block style, unicode, indent 2, width
/// 80, `\n` breaks) and is given the same events, so it writes the very bytes `YAML.encode`
/// writes; the benchmark checks that before timing anything. The parser loop does what any
/// consumer must: it reads every event, tells keys from values, turns each value into an
/// `Int` and counts the points.
enum RawLibYAML {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Where the emitter's write handler appends.
    final class Sink {
        var bytes: [UInt8] = []
    }

    /// Emits `{points: [{x: …, y: …}, …]}` as one block YAML document.
    static func emit(_ points: [Point]) throws -> [UInt8] {
        let sink = Sink()
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        emitter.initialize(to: yaml_emitter_t())
        defer {
            emitter.deinitialize(count: 1)
            emitter.deallocate()
        }
        guard yaml_emitter_initialize(emitter) == 1 else { throw Failure(description: "yaml_emitter_initialize failed") }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            Unmanaged<Sink>.fromOpaque(data).takeUnretainedValue()
                .bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(sink).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, 80)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)

        var event = yaml_event_t()
        func emit(_ initialized: Int32) throws {
            guard initialized == 1, yaml_emitter_emit(emitter, &event) == 1 else {
                throw Failure(description: "libyaml could not emit: \(emitter.pointee.problem.map { String(cString: $0) } ?? "?")")
            }
        }
        func emitPlain(_ text: UnsafePointer<UInt8>, _ length: Int) throws {
            try emit(yaml_scalar_event_initialize(&event, nil, nil, text, Int32(length), 1, 0, YAML_PLAIN_SCALAR_STYLE))
        }
        let keyPoints: StaticString = "points", keyX: StaticString = "x", keyY: StaticString = "y"
        // Room for the digits of any Int, written backwards from the end.
        let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: 20)
        defer { digits.deallocate() }
        func emitInt(_ value: Int) throws {
            var magnitude = value.magnitude
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude != 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            try emitPlain(digits + start, 20 - start)
        }

        try emit(yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING))
        try emit(yaml_document_start_event_initialize(&event, nil, nil, nil, 1))
        try emit(yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE))
        try emitPlain(keyPoints.utf8Start, keyPoints.utf8CodeUnitCount)
        try emit(yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE))
        for point in points {
            try emit(yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE))
            try emitPlain(keyX.utf8Start, 1)
            try emitInt(point.x)
            try emitPlain(keyY.utf8Start, 1)
            try emitInt(point.y)
            try emit(yaml_mapping_end_event_initialize(&event))
        }
        try emit(yaml_sequence_end_event_initialize(&event))
        try emit(yaml_mapping_end_event_initialize(&event))
        try emit(yaml_document_end_event_initialize(&event, 1))
        try emit(yaml_stream_end_event_initialize(&event))
        guard yaml_emitter_flush(emitter) == 1 else { throw Failure(description: "yaml_emitter_flush failed") }
        return sink.bytes
    }

    /// What the parse loop found: the points, and the sum of every x and y.
    struct Tally: Equatable {
        var points = 0
        var checksum = 0
    }

    /// Parses `{points: [{x: …, y: …}, …]}` event by event, converting each value to an Int.
    static func parse(_ bytes: [UInt8]) throws -> Tally {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer {
            parser.deinitialize(count: 1)
            parser.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else { throw Failure(description: "yaml_parser_initialize failed") }
        defer { yaml_parser_delete(parser) }

        return try bytes.withUnsafeBufferPointer { input in
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
            var event = yaml_event_t()
            var tally = Tally()
            // Mapping depth: 1 is the document's mapping, 2 a point.
            var depth = 0
            var expectsKey = true
            // Which field the next value belongs to: 1 for x, 2 for y, 0 for neither.
            var field = 0
            var x = 0, y = 0
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    throw Failure(description: "libyaml: \(parser.pointee.problem.map { String(cString: $0) } ?? "parse error")")
                }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return tally
                case YAML_MAPPING_START_EVENT:
                    depth += 1
                    expectsKey = true
                case YAML_MAPPING_END_EVENT:
                    if depth == 2 {
                        tally.points += 1
                        tally.checksum &+= x &+ y
                    }
                    depth -= 1
                    expectsKey = true
                case YAML_SCALAR_EVENT where depth == 2:
                    let scalar = event.data.scalar
                    if expectsKey {
                        field = scalar.length == 1 ? (scalar.value[0] == UInt8(ascii: "x") ? 1 : scalar.value[0] == UInt8(ascii: "y") ? 2 : 0) : 0
                    } else {
                        let value = try integer(scalar.value, scalar.length)
                        if field == 1 { x = value } else if field == 2 { y = value }
                    }
                    expectsKey.toggle()
                default:
                    // The "points" key and the sequence around the points.
                    break
                }
            }
        }
    }

    /// A decimal integer, as any consumer of the events must convert it.
    @inline(__always)
    static func integer(_ text: UnsafeMutablePointer<UInt8>, _ length: Int) throws -> Int {
        var index = 0
        let negative = length > 0 && text[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < length else { throw Failure(description: "not an integer") }
        var value = 0
        while index < length {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { throw Failure(description: "not an integer") }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(digit))
            guard !o1, !o2 else { throw Failure(description: "integer out of range") }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }
}
