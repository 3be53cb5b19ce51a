/// An application-defined value: a type code and opaque bytes, MessagePack's extension types.
///
/// MessagePack stores it natively. Formats without extension types write it as a struct of
/// two fields, `type` (an integer) and `data` (bytes: base64 in JSON, `!!binary` in YAML),
/// and read that struct back, so a value survives every format.
///
/// A type maps itself to an extension by adopting ``ExtensionRepresentable``.
public struct ExtensionValue: Sendable, Hashable {
    /// The type code. MessagePack reserves -128…-1 for its own types (-1 is the timestamp);
    /// applications use 0…127.
    public var type: Int8
    /// The payload.
    public var data: [UInt8]

    /// An extension value of `type` holding `data`.
    public init(type: Int8, data: [UInt8]) {
        self.type = type
        self.data = data
    }

    /// The field names of the struct that stands for an extension value in formats
    /// without extension types.
    public static let fields: FieldNames = ["type", "data"]
}

/// A type that is written as an ``ExtensionValue`` of its own type code.
///
/// ```swift
/// struct RGB: ExtensionRepresentable {
///     static let extensionType: Int8 = 1
///     var red, green, blue: UInt8
///
///     func extensionData() throws -> [UInt8] { [red, green, blue] }
///
///     init(red: UInt8, green: UInt8, blue: UInt8) {
///         (self.red, self.green, self.blue) = (red, green, blue)
///     }
///
///     init(extensionData data: [UInt8]) throws {
///         guard data.count == 3 else { throw LodumError(.custom("RGB takes 3 bytes, not \(data.count)")) }
///         (red, green, blue) = (data[0], data[1], data[2])
///     }
/// }
/// ```
///
/// In MessagePack the value is one extension of type 1 (`c7 03 01` and the three bytes); in
/// JSON it is `{"type":1,"data":"AQID"}`. Reading checks the type code and then calls
/// ``init(extensionData:)``; an error it throws gets the coding path and input position.
public protocol ExtensionRepresentable: Serializable, Deserializable {
    /// The type code, 0…127 (negative codes are MessagePack's own).
    static var extensionType: Int8 { get }
    /// The payload that stands for this value.
    func extensionData() throws -> [UInt8]
    /// Rebuilds a value from its payload.
    init(extensionData data: [UInt8]) throws
}

extension ExtensionRepresentable {
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        guard Self.extensionType >= 0 else {
            throw serializer.error(.unsupportedValue(
                "extension type \(Self.extensionType) of \(Self.self) is reserved by MessagePack; use 0...127"))
        }
        try serializer.write(ExtensionValue(type: Self.extensionType, data: try extensionData()))
    }

    public init<D: Deserializer>(from deserializer: inout D) throws {
        let value = try deserializer.readExtension()
        guard value.type == Self.extensionType else {
            throw deserializer.error(.typeMismatch(
                expected: "extension type \(Self.extensionType) (\(Self.self))", found: "extension type \(value.type)"))
        }
        do {
            try self.init(extensionData: value.data)
        } catch {
            throw deserializer.located(error, at: deserializer.positionOfLastValue)
        }
    }
}
