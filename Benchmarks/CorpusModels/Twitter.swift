import Lodum

// twitter.json: one page of Twitter API v1.1 search results (100 statuses, 73 of them
// retweets). Property names are the JSON keys, since `@Lodum` has no rename option yet.
// Integers are `Int`: status and media ids exceed `Int32` but fit `Int64`; every id also
// comes as an `*_str` string. Properties are declared in the order the keys appear, which
// is the order the decoder tries first.

/// The whole document: `{"statuses": [...], "search_metadata": {...}}`.
@Lodum
public struct Twitter: Codable, Equatable, Sendable {
    public var statuses: [TwitterStatus]
    public var search_metadata: TwitterSearchMetadata
}

/// A tweet.
@Lodum
public struct TwitterStatus: Codable, Equatable, Sendable {
    public var metadata: TwitterStatusMetadata
    public var created_at: String
    public var id: Int
    public var id_str: String
    public var text: String
    public var source: String
    public var truncated: Bool
    public var in_reply_to_status_id: Int?
    public var in_reply_to_status_id_str: String?
    public var in_reply_to_user_id: Int?
    public var in_reply_to_user_id_str: String?
    public var in_reply_to_screen_name: String?
    public var user: TwitterUser
    /// `null` in every status of the corpus.
    public var geo: AlwaysNull
    /// `null` in every status of the corpus.
    public var coordinates: AlwaysNull
    /// `null` in every status of the corpus.
    public var place: AlwaysNull
    /// `null` in every status of the corpus.
    public var contributors: AlwaysNull
    /// The original status, present only on retweets (never nested further in the corpus).
    @Field(skipIfNil: true) public var retweeted_status: Indirect<TwitterStatus>?
    public var retweet_count: Int
    public var favorite_count: Int
    public var entities: TwitterStatusEntities
    public var favorited: Bool
    public var retweeted: Bool
    /// Present only on statuses that contain a link.
    @Field(skipIfNil: true) public var possibly_sensitive: Bool?
    public var lang: String
}

@Lodum
public struct TwitterStatusMetadata: Codable, Equatable, Sendable {
    public var result_type: String
    public var iso_language_code: String
}

@Lodum
public struct TwitterUser: Codable, Equatable, Sendable {
    /// Some user ids fit `Int32`, most do not.
    public var id: Int
    public var id_str: String
    public var name: String
    public var screen_name: String
    public var location: String
    public var description: String
    public var url: String?
    public var entities: TwitterUserEntities
    public var protected: Bool
    public var followers_count: Int
    public var friends_count: Int
    public var listed_count: Int
    public var created_at: String
    public var favourites_count: Int
    public var utc_offset: Int?
    public var time_zone: String?
    public var geo_enabled: Bool
    public var verified: Bool
    public var statuses_count: Int
    public var lang: String
    public var contributors_enabled: Bool
    public var is_translator: Bool
    public var is_translation_enabled: Bool
    public var profile_background_color: String
    public var profile_background_image_url: String
    public var profile_background_image_url_https: String
    public var profile_background_tile: Bool
    public var profile_image_url: String
    public var profile_image_url_https: String
    /// Absent for users without a banner.
    @Field(skipIfNil: true) public var profile_banner_url: String?
    public var profile_link_color: String
    public var profile_sidebar_border_color: String
    public var profile_sidebar_fill_color: String
    public var profile_text_color: String
    public var profile_use_background_image: Bool
    public var default_profile: Bool
    public var default_profile_image: Bool
    public var following: Bool
    public var follow_request_sent: Bool
    public var notifications: Bool
}

@Lodum
public struct TwitterUserEntities: Codable, Equatable, Sendable {
    /// Absent for users without a profile URL.
    @Field(skipIfNil: true) public var url: TwitterURLEntities?
    public var description: TwitterURLEntities
}

/// The links found in one piece of text: `{"urls": [...]}`.
@Lodum
public struct TwitterURLEntities: Codable, Equatable, Sendable {
    public var urls: [TwitterURL]
}

@Lodum
public struct TwitterURL: Codable, Equatable, Sendable {
    public var url: String
    public var expanded_url: String
    public var display_url: String
    /// The start and end offsets in the text (two elements).
    public var indices: [Int]
}

@Lodum
public struct TwitterStatusEntities: Codable, Equatable, Sendable {
    public var hashtags: [TwitterHashtag]
    /// Cashtags. Empty in every status of the corpus; Twitter gives them the hashtag shape
    /// (`{"text", "indices"}`).
    public var symbols: [TwitterHashtag]
    public var urls: [TwitterURL]
    public var user_mentions: [TwitterUserMention]
    /// Absent for statuses without media.
    @Field(skipIfNil: true) public var media: [TwitterMedia]?
}

@Lodum
public struct TwitterHashtag: Codable, Equatable, Sendable {
    public var text: String
    public var indices: [Int]
}

@Lodum
public struct TwitterUserMention: Codable, Equatable, Sendable {
    public var screen_name: String
    public var name: String
    public var id: Int
    public var id_str: String
    public var indices: [Int]
}

@Lodum
public struct TwitterMedia: Codable, Equatable, Sendable {
    public var id: Int
    public var id_str: String
    public var indices: [Int]
    public var media_url: String
    public var media_url_https: String
    public var url: String
    public var display_url: String
    public var expanded_url: String
    public var type: String
    public var sizes: TwitterMediaSizes
    /// Present only on media that came from another status.
    @Field(skipIfNil: true) public var source_status_id: Int?
    /// Present only on media that came from another status.
    @Field(skipIfNil: true) public var source_status_id_str: String?
}

@Lodum
public struct TwitterMediaSizes: Codable, Equatable, Sendable {
    public var medium: TwitterMediaSize
    public var small: TwitterMediaSize
    public var thumb: TwitterMediaSize
    public var large: TwitterMediaSize
}

@Lodum
public struct TwitterMediaSize: Codable, Equatable, Sendable {
    public var w: Int
    public var h: Int
    public var resize: String
}

@Lodum
public struct TwitterSearchMetadata: Codable, Equatable, Sendable {
    public var completed_in: Double
    public var max_id: Int
    public var max_id_str: String
    public var next_results: String
    public var query: String
    public var refresh_url: String
    public var count: Int
    public var since_id: Int
    public var since_id_str: String
}
