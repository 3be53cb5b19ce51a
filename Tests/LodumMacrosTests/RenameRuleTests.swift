@testable import LodumMacros
import Testing

@Suite("renameAll rules, applied at compile time")
struct RenameRuleTests {
    @Test(arguments: [
        ("userID", ["user", "ID"]),
        ("htmlURL", ["html", "URL"]),
        ("URLString", ["URL", "String"]),
        ("value2Max", ["value2", "Max"]),
        ("snake_case_name", ["snake", "case", "name"]),
        ("x", ["x"]),
        ("ABC", ["ABC"]),
        ("_private", ["private"]),
        ("café", ["café"]),
    ])
    func namesSplitIntoWords(_ name: String, _ words: [String]) {
        #expect(RenameRule.words(of: name) == words)
    }

    @Test(arguments: [
        (RenameRule.snakeCase, ["user_id", "html_url", "url_string", "display_name"]),
        (.camelCase, ["userId", "htmlUrl", "urlString", "displayName"]),
        (.pascalCase, ["UserId", "HtmlUrl", "UrlString", "DisplayName"]),
        (.kebabCase, ["user-id", "html-url", "url-string", "display-name"]),
        (.screamingSnakeCase, ["USER_ID", "HTML_URL", "URL_STRING", "DISPLAY_NAME"]),
    ])
    func eachRuleSpellsTheWords(_ rule: RenameRule, _ expected: [String]) {
        #expect(["userID", "htmlURL", "URLString", "displayName"].map(rule.apply) == expected)
    }
}
