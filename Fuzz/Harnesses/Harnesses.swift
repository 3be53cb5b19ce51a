import Foundation
import Lodum
import LodumConformance

/// What one fuzzing run feeds its input to. Every harness must end in a value or a
/// `LodumError`; anything else (another error, a crash, a hang, a leak) is a finding.
public enum Harness: String, CaseIterable, Sendable {
    case jsonValue = "json-value", jsonTyped = "json-typed"
    case yamlValue = "yaml-value", yamlTyped = "yaml-typed"
    case msgpackValue = "msgpack-value", msgpackTyped = "msgpack-typed"
    case transcode

    /// Small limits, so a run explores structure rather than size.
    static let limits = Limits(maxInputSize: 1 << 20, maxDepth: 64)

    /// Runs one input; throws only what is a finding.
    public func run(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            switch self {
            case .jsonValue: try Self.roundTrip(JSON.self, bytes)
            case .jsonTyped: _ = try JSON.decode(ConformanceModel.self, from: Array(bytes), limits: Self.limits)
            case .yamlValue: try Self.roundTrip(YAML.self, bytes)
            case .yamlTyped: _ = try YAML.decode(ConformanceModel.self, from: Array(bytes), limits: Self.limits)
            case .msgpackValue: try Self.roundTrip(MsgPack.self, bytes)
            case .msgpackTyped: _ = try MsgPack.decode(ConformanceModel.self, from: Array(bytes), limits: Self.limits)
            case .transcode:
                // The first byte picks the pair of formats, the rest is the input.
                guard let selector = bytes.first else { return }
                let formats = Lodum.formats
                let input = formats[Int(selector) % formats.count]
                let output = formats[Int(selector) / formats.count % formats.count]
                try Self.transcode(input, output, UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
            }
        } catch is LodumError {
            // Refusing bad input with Lodum's error is the expected outcome.
        }
    }

    /// Whatever a format accepts as a `Value`, it writes and reads back as the same value.
    static func roundTrip<F: Format>(_ format: F.Type, _ bytes: UnsafeRawBufferPointer) throws {
        let value = try F.decode(Value.self, from: Array(bytes), limits: limits)
        let written = try F.encode(value, limits: limits)
        let again = try F.decode(Value.self, from: written, limits: limits)
        guard again == value || !value.isSelfEqual else {
            throw Finding("\(F.name) read back a different value after writing what it accepted")
        }
    }

    static func transcode(_ input: any Format.Type, _ output: any Format.Type, _ bytes: UnsafeRawBufferPointer) throws {
        _ = try input.transcode(from: Array(bytes), to: output, limits: limits)
    }
}

/// A broken promise found by a harness.
struct Finding: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Value {
    /// Whether the value equals itself: false when it holds a NaN, which never does.
    var isSelfEqual: Bool { self == self }
}
