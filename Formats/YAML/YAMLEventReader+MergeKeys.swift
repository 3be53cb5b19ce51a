import LodumCore

// Merge keys (`<<: *base`, `<<: [*a, *b]`, `<<: {inline: map}`), as docker-compose and CI
// files use them: the merged mappings' entries join the mapping that holds `<<`, unless it
// has a key of the same name (anywhere in it), and earlier sources win over later ones.
//
// The reader is a pull parser, so the merged entries must reach the consumer before the
// mapping's own later keys, which override them. The rest of the mapping is therefore read
// ahead (that mapping only), and the keys already read are known from the key tracking.

extension YAMLEventReader {
    /// One entry of a recorded mapping: its key's text (`nil` for a key that is a
    /// collection) and the events of the key and the value.
    struct MappingEntry {
        let key: [UInt8]?
        let events: ArraySlice<RecordedEvent>
    }

    /// Replaces the merge key at the current event, and its value, with the merged entries
    /// followed by the rest of the mapping.
    func resolveMergeKey() throws {
        let last = frames.count - 1
        guard last >= 0 else { return }
        if frames[last].merged { throw syntaxError("a mapping has more than one merge key <<") }
        if frames[last].keysOverflowed {
            throw syntaxError("a merge key << after more than \(Self.trackedKeysPerMapping) keys of its mapping is not supported")
        }
        // A merge key read from libyaml pays, before any work, for everything its sources
        // stand for (resolving their own merge keys visits all of it) and for the aliases in
        // the rest of its mapping, which the replay below repeats. In a replayed node it
        // was paid for with the replay.
        let isPaid = isReplayed
        let sources = try readMergeSources()
        if !isPaid {
            try countExpansion(sources.reduce(0) { RecordedNode.adding($0, $1.expandedSize) })
        }
        let rest = try readRestOfMapping()
        if !isPaid {
            try countExpansion(RecordedNode.expandedSize(of: rest.events.lazy.filter { $0.kind == .alias }))
        }

        var excluded = Set<[UInt8]>()
        var start = frames[last].keyBytesStart
        for end in keyEnds[frames[last].keyEndsStart...] {
            excluded.insert(Array(keyBytes[start..<end]))
            start = end
        }
        for entry in try entries(of: rest, isBody: true) {
            if let key = entry.key {
                if Self.isMergeKey(entry.events.first) { throw syntaxError("a mapping has more than one merge key <<") }
                excluded.insert(key)
            }
        }

        let merged = RecordedNode()
        for source in sources {
            for entry in try entries(of: source, isBody: false) {
                if let key = entry.key, !excluded.insert(key).inserted { continue }
                merged.events.append(contentsOf: entry.events)
            }
        }
        merged.events.append(contentsOf: rest.events)
        frames[last].merged = true
        appendReplay(of: merged)
    }

    static func isMergeKey(_ event: RecordedEvent?) -> Bool {
        guard let event, event.kind == .scalar, event.isPlain, event.tag == .none else { return false }
        return event.text == [UInt8(ascii: "<"), UInt8(ascii: "<")]
    }

    /// The mappings named by the merge key's value: an alias of a mapping, an inline
    /// mapping, or a sequence of either.
    private func readMergeSources() throws -> [RecordedNode] {
        try fetch()
        switch kind {
        case .alias:
            guard let target = aliasTarget else { throw syntaxError("an alias without its node") }
            return try mergeSources(in: target)
        case .mappingStart:
            return [try recordNode()]
        case .sequenceStart:
            var sources: [RecordedNode] = []
            while true {
                try fetch()
                switch kind {
                case .sequenceEnd:
                    return sources
                case .alias:
                    guard let target = aliasTarget, target.isMapping else { throw mergeValueError() }
                    sources.append(target)
                case .mappingStart:
                    sources.append(try recordNode())
                default:
                    throw mergeValueError()
                }
            }
        default:
            throw mergeValueError()
        }
    }

    private func mergeValueError() -> LodumError {
        syntaxError("the value of a merge key << must be a mapping, an alias of one, or a sequence of them")
    }

    /// The mappings a recorded node stands for as a merge source.
    private func mergeSources(in node: RecordedNode) throws -> [RecordedNode] {
        if node.isMapping { return [node] }
        guard node.isSequence else { throw mergeValueError() }
        var sources: [RecordedNode] = []
        var index = 1
        let events = node.events
        while index < events.count - 1 {
            let end = Self.endOfNode(in: events, from: index)
            let element = events[index]
            if element.kind == .alias, let target = element.target, target.isMapping {
                sources.append(target)
            } else if element.kind == .mappingStart {
                sources.append(RecordedNode(events: events[index..<end]))
            } else {
                throw mergeValueError()
            }
            index = end
        }
        return sources
    }

    /// Reads the node that the current start event opens, as recorded events.
    private func recordNode() throws -> RecordedNode {
        let node = RecordedNode()
        var depth = 0
        while true {
            let event = recordedEvent()
            try accountRecorded(event)
            node.append(event)
            switch kind {
            case .sequenceStart, .mappingStart:
                depth += 1
                guard depth + frames.count <= limits.maxDepth else {
                    throw LodumError(.limitExceeded(.depth(limits.maxDepth)), position: position)
                }
            case .sequenceEnd, .mappingEnd: depth -= 1
            default: break
            }
            if depth == 0 { return node }
            try fetch()
        }
    }

    /// Reads the current mapping's entries after the merge key, up to and including its end.
    private func readRestOfMapping() throws -> RecordedNode {
        let rest = RecordedNode()
        var depth = 0
        while true {
            try fetch()
            let event = recordedEvent()
            try accountRecorded(event)
            rest.events.append(event)
            switch kind {
            case .sequenceStart, .mappingStart:
                depth += 1
                guard depth + frames.count <= limits.maxDepth else {
                    throw LodumError(.limitExceeded(.depth(limits.maxDepth)), position: position)
                }
            case .sequenceEnd:
                depth -= 1
            case .mappingEnd:
                if depth == 0 { return rest }
                depth -= 1
            case .streamEnd, .documentEnd, .documentStart, .streamStart:
                throw syntaxError("a mapping ends without its end")
            default:
                break
            }
        }
    }

    /// The entries of a recorded mapping (`isBody`: the events after its start, up to its
    /// end), with the mapping's own merge keys resolved: its own keys win over merged ones.
    private func entries(of node: RecordedNode, isBody: Bool, depth: Int = 0) throws -> [MappingEntry] {
        guard depth < limits.maxDepth else { throw LodumError(.limitExceeded(.depth(limits.maxDepth)), position: position) }
        let events = node.events
        var index = isBody ? 0 : 1
        var own: [MappingEntry] = []
        var nested: [RecordedNode] = []
        while index < events.count, events[index].kind != .mappingEnd {
            let keyEnd = Self.endOfNode(in: events, from: index)
            guard keyEnd < events.count else { break }
            let valueEnd = Self.endOfNode(in: events, from: keyEnd)
            let keyEvent = events[index]
            if !isBody, Self.isMergeKey(keyEvent) {
                let value = events[keyEnd]
                if value.kind == .alias, let target = value.target {
                    nested += try mergeSources(in: target)
                } else {
                    nested += try mergeSources(in: RecordedNode(events: events[keyEnd..<valueEnd]))
                }
            } else {
                own.append(MappingEntry(key: Self.keyText(of: keyEvent), events: events[index..<valueEnd]))
            }
            index = valueEnd
        }
        guard !nested.isEmpty else { return own }
        var seen = Set(own.compactMap(\.key))
        for source in nested {
            for entry in try entries(of: source, isBody: false, depth: depth + 1) {
                if let key = entry.key, !seen.insert(key).inserted { continue }
                own.append(entry)
            }
        }
        return own
    }

    /// The text of a key that is a scalar, or an alias of one (`*k : v`); `nil` for a key
    /// that is a collection.
    static func keyText(of event: RecordedEvent) -> [UInt8]? {
        switch event.kind {
        case .scalar: return event.text
        case .alias:
            guard let target = event.target, target.events.count == 1, let scalar = target.events.first, scalar.kind == .scalar else { return nil }
            return scalar.text
        default: return nil
        }
    }

    /// The index just past the node that starts at `start`.
    static func endOfNode(in events: [RecordedEvent], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < events.count {
            switch events[index].kind {
            case .sequenceStart, .mappingStart: depth += 1
            case .sequenceEnd, .mappingEnd: depth -= 1
            default: break
            }
            index += 1
            if depth <= 0 { return index }
        }
        return index
    }
}
