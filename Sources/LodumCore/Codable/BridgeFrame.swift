/// What the streaming encoder's and decoder's open containers share: enough to name the
/// coding path of the value being coded, which both report the same way.
protocol BridgeFrame {
    var isKeyed: Bool { get }
    /// The key of the nested value being coded, in a keyed container.
    var childKey: (any CodingKey)? { get }
    /// The index of the nested value being coded, in an unkeyed container.
    var childPosition: Int { get }
}

extension Array where Element: BridgeFrame {
    /// The coding path of the value being coded in frame `last`, through the frames
    /// around it; built only when asked, since most values never need theirs.
    func codingPath(through last: Int) -> [any CodingKey] {
        guard last >= 0 else { return [] }
        var path: [any CodingKey] = []
        path.reserveCapacity(last + 1)
        for frame in self[0...last] {
            path.append(frame.isKeyed ? frame.childKey ?? BridgeKey(stringValue: "") : BridgeKey(index: frame.childPosition))
        }
        return path
    }
}
