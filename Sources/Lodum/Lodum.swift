@_exported import LodumCore
@_exported import LodumJSON
@_exported import LodumYAML
@_exported import LodumMsgPack

/// The namespace of the umbrella module: the registry of built-in formats.
public enum Lodum {
    /// Every built-in format, in the order the documentation presents them.
    ///
    /// Each entry offers the full API, so a program can treat formats alike:
    ///
    /// ```swift
    /// for format in Lodum.formats {
    ///     print(format.name, format.fileExtensions, format.capabilities)
    ///     let bytes = try format.encode(dataset)
    /// }
    /// ```
    public static let formats: [any Format.Type] = [JSON.self, YAML.self, MsgPack.self]

    /// The built-in format with this name (`"json"`), if any.
    public static func format(named name: String) -> (any Format.Type)? {
        formats.first { $0.name == name.lowercased() }
    }

    /// The built-in format that uses this file extension (`"json"`, without the dot), if any.
    public static func format(forFileExtension fileExtension: String) -> (any Format.Type)? {
        let wanted = fileExtension.lowercased()
        return formats.first { $0.fileExtensions.contains(wanted) }
    }
}
