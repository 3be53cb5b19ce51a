import Foundation

/// Something a dump can write to: a file `URL` (written atomically), a `FileHandle`, or
/// any ``ByteSink``.
public protocol OutputDestination {
    /// Opens the sink the dump writes through.
    func openSink() throws -> any ByteSink
}

extension URL: OutputDestination {
    /// A file URL is written atomically through a temporary file and a rename.
    public func openSink() throws -> any ByteSink {
        guard isFileURL else { throw LodumError(.io("cannot write to \(absoluteString): not a file URL")) }
        return try AtomicFileSink(destination: self)
    }
}

extension FileHandle: OutputDestination {
    /// Writes to the handle's descriptor as output is produced; the handle stays open.
    public func openSink() throws -> any ByteSink {
        FileDescriptorSink(self)
    }
}

/// Something a load or stream can read from: a file `URL`, a `FileHandle`, bytes in memory,
/// or any ``ByteSource``.
public protocol InputOrigin {
    /// Opens the source the read pulls from.
    func openSource() throws -> any ByteSource
}

extension URL: InputOrigin {
    public func openSource() throws -> any ByteSource {
        guard isFileURL else { throw LodumError(.io("cannot read \(absoluteString): not a file URL")) }
        return try FileDescriptorSource(contentsOf: self)
    }
}

extension FileHandle: InputOrigin {
    public func openSource() throws -> any ByteSource {
        FileDescriptorSource(self)
    }
}

extension Data: InputOrigin {
    public func openSource() throws -> any ByteSource { MemorySource(self) }
}

extension Array: InputOrigin where Element == UInt8 {
    public func openSource() throws -> any ByteSource { MemorySource(self) }
}

/// Bytes already in memory that `decode` reads in place, without a copy.
public protocol InMemoryInput {
    /// Calls `body` with the input's bytes, valid for the duration of the call.
    func withInputBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Data: InMemoryInput {
    public func withInputBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension Array: InMemoryInput where Element == UInt8 {
    public func withInputBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: InMemoryInput where Element == UInt8 {
    public func withInputBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension String: InMemoryInput {
    /// The string's UTF-8 bytes.
    public func withInputBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var text = self
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}

extension Substring: InMemoryInput {
    /// The substring's UTF-8 bytes.
    public func withInputBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var text = self
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}
