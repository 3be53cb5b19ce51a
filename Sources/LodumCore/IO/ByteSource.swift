#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where bytes to decode come from, read in chunks into an ``InputBuffer``.
///
/// Every source is also an ``InputOrigin``, so `load` and `stream` accept one directly.
public protocol ByteSource: AnyObject, InputOrigin {
    /// Fills the start of `buffer` with the next bytes and returns how many; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ByteSource {
    /// A source is its own origin.
    public func openSource() throws -> any ByteSource { self }
}

/// Reads an open file descriptor. It closes the descriptor when done only if it owns it.
///
/// Wraps `read(2)`, retrying on `EINTR`.
public final class FileDescriptorSource: ByteSource {
    /// The descriptor read from.
    public let fileDescriptor: Int32
    private let ownsDescriptor: Bool

    /// Creates a source over a descriptor the caller keeps open.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        self.ownsDescriptor = false
    }

    /// Creates a source over a `FileHandle`'s descriptor (for example standard input).
    public convenience init(_ handle: FileHandle) {
        self.init(fileDescriptor: handle.fileDescriptor)
    }

    /// Opens the file at `url` for reading; the source closes it.
    public init(contentsOf url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LodumError(.io("cannot open \(url.path): \(String(cString: strerror(errno)))"))
        }
        self.fileDescriptor = descriptor
        self.ownsDescriptor = true
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(fileDescriptor, base, buffer.count)
            #else
            let count = Darwin.read(fileDescriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw LodumError(.io("read failed: \(String(cString: strerror(errno)))"))
        }
    }

    deinit {
        if ownsDescriptor { close(fileDescriptor) }
    }
}

/// Serves bytes held in memory, in chunks; used where a reader must own its input
/// (a lazy stream over `Data`).
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    /// Creates a source over a copy of `bytes`.
    public init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        self.bytes = Array(bytes)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
