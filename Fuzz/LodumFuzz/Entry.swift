import Foundation
import LodumFuzzHarnesses

// Two ways in. Built for fuzzing (`Scripts/fuzz.sh`, which defines LODUM_FUZZING, adds
// coverage instrumentation and links libFuzzer's driver), main hands each input libFuzzer
// makes to the harness the LODUM_FUZZ_HARNESS environment variable names. Built normally, this is a replayer:
// `LodumFuzz HARNESS FILE|DIRECTORY…` runs each input once, which is how CI replays the
// seeds and every saved finding; `LodumFuzz --make-seeds OUT SHARED` writes the seeds.

#if LODUM_FUZZING
import CFuzzerDriver

nonisolated(unsafe) private var selectedHarness: Harness?

/// libFuzzer's callback: one input, run through the selected harness.
private func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let harness = selectedHarness else { return 0 }
    do {
        try harness.run(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
        // A broken promise: crash, so libFuzzer saves the input.
        FileHandle.standardError.write(Data("finding: \(error)\n".utf8))
        abort()
    }
    return 0
}

@main
enum Fuzz {
    static func main() {
        let name = ProcessInfo.processInfo.environment["LODUM_FUZZ_HARNESS"] ?? ""
        guard let harness = Harness(rawValue: name) else {
            FileHandle.standardError.write(Data("LODUM_FUZZ_HARNESS must be one of \(Harness.allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        selectedHarness = harness
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
@main
enum Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--make-seeds", arguments.count == 3 {
            do {
                try Seeds.write(to: URL(fileURLWithPath: arguments[1]), shared: URL(fileURLWithPath: arguments[2]))
                exit(0)
            } catch {
                print("could not write the seeds: \(error)")
                exit(1)
            }
        }
        guard let name = arguments.first, let harness = Harness(rawValue: name) else {
            print("usage: LodumFuzz HARNESS FILE|DIRECTORY…  (harnesses: \(Harness.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(2)
        }
        var files: [URL] = []
        for path in arguments.dropFirst() {
            files += FuzzInputs.files(at: URL(fileURLWithPath: path))
        }
        var findings = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            do {
                try data.withUnsafeBytes { try harness.run($0) }
            } catch {
                findings += 1
                print("\(file.path): \(error)")
            }
        }
        print("\(harness.rawValue): \(files.count) inputs replayed, \(findings) findings")
        exit(findings == 0 ? 0 : 1)
    }
}
#endif
