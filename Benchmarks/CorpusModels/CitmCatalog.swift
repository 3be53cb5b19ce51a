import Lodum

// citm_catalog.json: a concert-hall ticketing catalog. Most top-level members are maps
// from an id written as a string ("205705993") to a name or an object, so they are
// `[String: …]`; `venueNames` is keyed by a venue code instead. Ids are `Int` (they fit
// `Int32`), and `start` is a time in milliseconds since 1970 (needs `Int64`). Property
// names are the JSON keys, in the order they appear.

/// The whole document.
@Lodum
public struct CitmCatalog: Codable, Equatable, Sendable {
    /// Area id → area name.
    public var areaNames: [String: String]
    /// Audience sub-category id → name.
    public var audienceSubCategoryNames: [String: String]
    /// Block id → block name. Empty in the corpus.
    public var blockNames: [String: String]
    /// Event id → event.
    public var events: [String: CitmEvent]
    public var performances: [CitmPerformance]
    /// Seat category id → name.
    public var seatCategoryNames: [String: String]
    /// Sub-topic id → name.
    public var subTopicNames: [String: String]
    /// Subject id → name. Empty in the corpus.
    public var subjectNames: [String: String]
    /// Topic id → name.
    public var topicNames: [String: String]
    /// Topic id → its sub-topic ids.
    public var topicSubTopics: [String: [Int]]
    /// Venue code → venue name.
    public var venueNames: [String: String]
}

@Lodum
public struct CitmEvent: Codable, Equatable, Sendable {
    /// `null` in every event of the corpus.
    public var description: AlwaysNull
    public var id: Int
    public var logo: String?
    public var name: String
    public var subTopicIds: [Int]
    /// `null` in every event of the corpus.
    public var subjectCode: AlwaysNull
    /// `null` in every event of the corpus.
    public var subtitle: AlwaysNull
    public var topicIds: [Int]
}

@Lodum
public struct CitmPerformance: Codable, Equatable, Sendable {
    public var eventId: Int
    public var id: Int
    public var logo: String?
    /// `null` in every performance of the corpus.
    public var name: AlwaysNull
    public var prices: [CitmPrice]
    public var seatCategories: [CitmSeatCategory]
    /// `null` in every performance of the corpus.
    public var seatMapImage: AlwaysNull
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var start: Int
    public var venueCode: String
}

@Lodum
public struct CitmPrice: Codable, Equatable, Sendable {
    /// In hundredths of the currency unit.
    public var amount: Int
    public var audienceSubCategoryId: Int
    public var seatCategoryId: Int
}

@Lodum
public struct CitmSeatCategory: Codable, Equatable, Sendable {
    public var areas: [CitmArea]
    public var seatCategoryId: Int
}

@Lodum
public struct CitmArea: Codable, Equatable, Sendable {
    public var areaId: Int
    /// Empty in every area of the corpus; block ids, like every other id here, are integers.
    public var blockIds: [Int]
}
