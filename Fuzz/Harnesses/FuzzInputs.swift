import Foundation

/// The inputs a replay runs: what the fuzzer saved and the seeds it started from.
public enum FuzzInputs {
    /// A file, or every regular file below a directory, sorted by path; nothing for a path
    /// that does not exist.
    public static func files(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [url] }
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let next = walker?.nextObject() as? URL {
            if (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(next) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
