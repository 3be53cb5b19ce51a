import Foundation

// UUIDs and URLs travel as text in every format: their text is what other programs
// exchange, and no format Lodum writes has a type for either.

extension UUID: Serializable, Deserializable {
    /// Writes the UUID's text in lowercase, `e621e1f8-c36c-495a-93fc-0c247a3e6e5f`.
    ///
    /// RFC 4122 §3 asks for lowercase on output; Foundation's `uuidString` is uppercase,
    /// which other systems then compare as a different string.
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(lowercaseText)
    }

    /// Reads a UUID from its text in either case, as RFC 4122 §3 asks of input; other
    /// text is an error: `expected a UUID, found String "12-34"`.
    public init<D: Deserializer>(from deserializer: inout D) throws {
        self = try deserializer.readString(expecting: "a UUID", parsedBy: UUID.init(canonicalText:))
    }

    /// The UUID whose text is `text`, in the 8-4-4-4-12 hexadecimal form in either case;
    /// `nil` for anything else (braces, missing hyphens, other lengths).
    init?(canonicalText text: String) {
        // Foundation's parser has differed between platforms on what it accepts around the
        // 36 characters; the length pins it to the canonical form everywhere.
        guard text.utf8.count == 36 else { return nil }
        self.init(uuidString: text)
    }

    /// The canonical text in lowercase, written straight from the bytes.
    var lowercaseText: String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var index = 0
                for (offset, byte) in bytes.enumerated() {
                    if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                        text[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    text[index] = digits.utf8Start[Int(byte >> 4)]
                    text[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }
}

extension UUID: MapKey {
    /// Writes the key as the UUID's lowercase text, in every format.
    public func serializeKey<S: Serializer>(to serializer: inout S) throws {
        try serializer.mapKey(lowercaseText)
    }

    /// The UUID's lowercase text, as keys are written.
    public var mapKeyText: String { lowercaseText }

    /// The UUID whose text, in either case, is `mapKeyText`.
    public init?(mapKeyText: String) {
        self.init(canonicalText: mapKeyText)
    }
}

extension URL: Serializable, Deserializable {
    /// Writes the URL's absolute string: a URL made relative to a base is written whole,
    /// so it means the same thing to a reader that does not know the base.
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(absoluteString)
    }

    /// Reads a URL from its text, which must be a valid URL reference (RFC 3986 §4.1; a
    /// relative reference such as `docs/a.html` is one). Text with characters a URL cannot
    /// hold unescaped, such as spaces, is an error, `expected a URL, found String "a b"`,
    /// rather than silently percent-encoded into another URL.
    public init<D: Deserializer>(from deserializer: inout D) throws {
        self = try deserializer.readString(expecting: "a URL", parsedBy: URL.init(strictText:))
    }

    /// The URL whose text is exactly `text`; `nil` when it is not a valid URL reference.
    init?(strictText text: String) {
        // Newer Foundations percent-encode invalid characters by default; the older ones
        // refuse them, as this does everywhere.
        if #available(macOS 14, iOS 17, tvOS 17, watchOS 10, *) {
            self.init(string: text, encodingInvalidCharacters: false)
        } else {
            self.init(string: text)
        }
    }
}
