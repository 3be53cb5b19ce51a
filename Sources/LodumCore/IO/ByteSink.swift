#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where encoded bytes go.
///
/// A sink receives the output of a fixed-size ``OutputBuffer`` in chunks as they fill, so
/// a streaming dump never holds more than one buffer of output. After the last chunk the
/// core calls ``finish()``; if encoding fails midway it calls ``abandon()`` instead, so a
/// sink can discard a partial result (``AtomicFileSink`` removes its temporary file).
///
/// Every sink is also an ``OutputDestination``, so `dump` accepts one directly.
public protocol ByteSink: AnyObject, OutputDestination {
    /// Accepts the next chunk of output. The bytes are only valid during the call.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Completes the output after the last chunk.
    func finish() throws
    /// Gives up on the output after a failure.
    func abandon()
}

extension ByteSink {
    public func finish() throws {}
    public func abandon() {}
    /// A sink is its own destination.
    public func openSink() throws -> any ByteSink { self }
}

/// Collects output in memory; what `encode` uses.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var data = Data()

    /// Creates an empty sink.
    public init() {}

    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        data.append(chunk.bindMemory(to: UInt8.self))
    }
}

/// Writes to an open file descriptor it does not own (it never closes it).
///
/// Wraps `write(2)`, retrying on `EINTR` and on short writes.
public final class FileDescriptorSink: ByteSink {
    /// The descriptor written to.
    public let fileDescriptor: Int32

    /// Creates a sink over a descriptor the caller keeps open.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Creates a sink over a `FileHandle`'s descriptor (for example standard output).
    public convenience init(_ handle: FileHandle) {
        self.init(fileDescriptor: handle.fileDescriptor)
    }

    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        try writeAll(chunk, to: fileDescriptor)
    }
}

/// Writes `chunk` to `fileDescriptor` completely, retrying on `EINTR` and short writes.
func writeAll(_ chunk: UnsafeRawBufferPointer, to fileDescriptor: Int32) throws {
    guard var next = chunk.baseAddress else { return }
    var remaining = chunk.count
    while remaining > 0 {
        let written = systemWrite(fileDescriptor, next, remaining)
        if written < 0 {
            if errno == EINTR { continue }
            throw LodumError(.io("write failed: \(String(cString: strerror(errno)))"))
        }
        next += written
        remaining -= written
    }
}

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, bytes, count)
    #else
    return Darwin.write(fd, bytes, count)
    #endif
}

/// Writes a file atomically: output goes to a temporary file beside the destination, which
/// replaces the destination only when the dump succeeds.
///
/// A dump that throws midway leaves any previous file untouched and no partial file
/// behind. The new file keeps the mode of the file it replaces (or gets the usual mode
/// under the process's umask), and reaches the disk before it takes the old one's place.
/// Wraps `open(2)` with `O_EXCL`, `write(2)`, `fsync(2)` and `rename(2)`.
public final class AtomicFileSink: ByteSink {
    /// The file that is replaced on success.
    public let destination: URL
    private let temporaryPath: String
    private var fileDescriptor: Int32

    /// Creates the temporary file next to `destination`.
    public init(destination: URL) throws {
        self.destination = destination
        let directory = destination.deletingLastPathComponent().path
        // The name's stem is shortened so the temporary name stays within NAME_MAX (255
        // bytes) whenever the destination's own name does.
        let stem = String(decoding: destination.lastPathComponent.utf8.prefix(200), as: UTF8.self)
        var existing = stat()
        let mode = stat(destination.path, &existing) == 0 ? mode_t(existing.st_mode & 0o7777) : 0o666
        var attempt = 0
        while true {
            let path = (directory.isEmpty ? "." : directory) + "/." + stem + ".lodum-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
            // O_EXCL makes the name ours alone; the kernel applies the umask to `mode`.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if descriptor >= 0 {
                fileDescriptor = descriptor
                temporaryPath = path
                // An existing file's exact mode survives the umask.
                if stat(destination.path, &existing) == 0 { _ = fchmod(descriptor, mode) }
                return
            }
            attempt += 1
            guard errno == EEXIST, attempt < 100 else {
                throw LodumError(.io("cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))"))
            }
        }
    }

    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        try writeAll(chunk, to: fileDescriptor)
    }

    public func finish() throws {
        let descriptor = fileDescriptor
        fileDescriptor = -1
        guard fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporaryPath)
            throw LodumError(.io("cannot flush \(temporaryPath) to disk: \(reason)"))
        }
        guard close(descriptor) == 0 else {
            unlink(temporaryPath)
            throw LodumError(.io("cannot close \(temporaryPath): \(String(cString: strerror(errno)))"))
        }
        guard rename(temporaryPath, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw LodumError(.io("cannot replace \(destination.path): \(reason)"))
        }
    }

    public func abandon() {
        if fileDescriptor >= 0 {
            close(fileDescriptor)
            fileDescriptor = -1
        }
        unlink(temporaryPath)
    }

    deinit {
        if fileDescriptor >= 0 {
            close(fileDescriptor)
            unlink(temporaryPath)
        }
    }
}
