import Foundation

/// Base64 (RFC 4648 §4, with padding) for formats that carry bytes as text.
public enum Base64 {
    /// The base64 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of base64 `text`, or `nil` when it is not valid base64.
    public static func decode(_ text: String) -> [UInt8]? {
        Data(base64Encoded: text).map { [UInt8]($0) }
    }
}
