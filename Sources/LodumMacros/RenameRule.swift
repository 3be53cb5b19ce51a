/// `@Lodum(renameAll:)`'s rules, applied to names at compile time. Mirrors the core's
/// `RenameRule`, which the macro plugin cannot import.
enum RenameRule: String {
    case snakeCase, camelCase, pascalCase, kebabCase, screamingSnakeCase

    /// `name` under this rule: `userID` becomes `user_id` in snake case.
    func apply(to name: String) -> String {
        let words = Self.words(of: name)
        guard !words.isEmpty else { return name }
        switch self {
        case .snakeCase: return words.map { $0.lowercased() }.joined(separator: "_")
        case .kebabCase: return words.map { $0.lowercased() }.joined(separator: "-")
        case .screamingSnakeCase: return words.map { $0.uppercased() }.joined(separator: "_")
        case .camelCase:
            return words.enumerated().map { $0.offset == 0 ? $0.element.lowercased() : Self.capitalized($0.element) }.joined()
        case .pascalCase: return words.map(Self.capitalized).joined()
        }
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    /// The words of a Swift name: split at underscores, at each lowercase-or-digit to
    /// uppercase step, and before the last capital of an acronym followed by lowercase
    /// (`URLString` is `URL String`).
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            if character == "_" || character == "-" {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if character.isUppercase, let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = previous.isLowercase || previous.isNumber
                    || (previous.isUppercase && next?.isLowercase == true)
                if startsWord {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
