import Lodum

// canada.json: Canada's border as a GeoJSON FeatureCollection with one Polygon feature.
// The payload is 111,126 coordinates, all `Double`: 46 of them are written as integers
// ("-128"), and a `Double` model writes those back as "-128.0", the same number.

/// The whole document: a GeoJSON FeatureCollection.
@Lodum
public struct Canada: Codable, Equatable, Sendable {
    /// `"FeatureCollection"`.
    public var type: String
    public var features: [CanadaFeature]
}

@Lodum
public struct CanadaFeature: Codable, Equatable, Sendable {
    /// `"Feature"`.
    public var type: String
    public var properties: CanadaProperties
    public var geometry: CanadaGeometry
}

@Lodum
public struct CanadaProperties: Codable, Equatable, Sendable {
    public var name: String
}

@Lodum
public struct CanadaGeometry: Codable, Equatable, Sendable {
    /// `"Polygon"`.
    public var type: String
    /// The polygon's rings; each ring is a list of `[longitude, latitude]` positions.
    public var coordinates: [[[Double]]]
}
