// A page of Docs/ shows results the way a playground does: an expression on its own line,
// its value in a comment (`try JSON.encodeString(id)   // "e621…"`). In a function such a
// line is an unused result, a warning; inside a closure built by `DocumentationValues` it
// is one value of the closure's result, so the test can check the comment against it.

/// Collects the value of each expression statement of a closure, in order.
///
/// ```swift
/// let values = try documentationValues {
///     let id = UUID()
///     try JSON.encodeString(id)   // "…"
/// }
/// #expect(values[0] as? String == "…")
/// ```
///
/// `let` declarations, `if` and `for` may appear among the expressions; a `for` loop
/// contributes the values of all its iterations. Result builders take no type or function
/// declarations, so a page's block that declares one shows it in a block of its own.
@resultBuilder
public enum DocumentationValues {
    public static func buildExpression<T>(_ value: T) -> [Any] { [value] }
    public static func buildBlock(_ components: [Any]...) -> [Any] { components.flatMap { $0 } }
    public static func buildOptional(_ component: [Any]?) -> [Any] { component ?? [] }
    public static func buildEither(first component: [Any]) -> [Any] { component }
    public static func buildEither(second component: [Any]) -> [Any] { component }
    public static func buildArray(_ components: [[Any]]) -> [Any] { components.flatMap { $0 } }
}

/// The values of the expression statements of `body`, in order: see ``DocumentationValues``.
public func documentationValues(@DocumentationValues _ body: () throws -> [Any]) rethrows -> [Any] {
    try body()
}
