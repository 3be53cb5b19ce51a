/// How `@Lodum(renameAll:)` turns Swift property names (and enum case names) into wire keys.
///
/// The macro applies the rule at compile time. Names are split into words at each
/// lowercase-to-uppercase step and before the last capital of an acronym, so `userID`,
/// `htmlURL` and `URLString` split as `user ID`, `html URL` and `URL String`; digits stay
/// with the word they follow.
///
/// | rule | `userID` | `htmlURL` |
/// |---|---|---|
/// | ``snakeCase`` | `user_id` | `html_url` |
/// | ``camelCase`` | `userId` | `htmlUrl` |
/// | ``pascalCase`` | `UserId` | `HtmlUrl` |
/// | ``kebabCase`` | `user-id` | `html-url` |
/// | ``screamingSnakeCase`` | `USER_ID` | `HTML_URL` |
///
/// `@Field(rename:)` on a property wins over the type's rule.
public enum RenameRule: Sendable {
    /// `user_id`
    case snakeCase
    /// `userId`
    case camelCase
    /// `UserId`
    case pascalCase
    /// `user-id`
    case kebabCase
    /// `USER_ID`
    case screamingSnakeCase
}
