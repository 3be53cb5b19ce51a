import Foundation

/// An SVG bar chart of every comparison's ratio on a log scale, with its target marked:
/// the picture Docs/Performance.md shows, drawn by the run that measured it.
enum RatioChart {
    static func svg(_ comparisons: [Comparison], title: String) -> String {
        // About 6.6 pixels a character at 12 px sans-serif, so no label runs off the left.
        let longest = comparisons.map { label(of: $0).count }.max() ?? 40
        let labelWidth = Double(longest) * 6.6 + 20, barArea = 420.0, rowHeight = 22.0, top = 56.0
        let width = labelWidth + barArea + 90
        let height = top + rowHeight * Double(comparisons.count) + 40
        // Decades from 0.1x (Lodum ten times slower) to 10,000x faster.
        let lowest = -1.0, highest = 4.0
        func x(_ ratio: Double) -> Double {
            let clamped = min(max(log10(ratio), lowest), highest)
            return labelWidth + (clamped - lowest) / (highest - lowest) * barArea
        }
        var parts: [String] = []
        parts.append(##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(Int(width))" height="\##(Int(height))" font-family="sans-serif" font-size="12">"##)
        parts.append(##"<rect width="100%" height="100%" fill="white"/>"##)
        parts.append(##"<text x="10" y="20" font-size="14" font-weight="bold">\##(escape(title))</text>"##)
        parts.append(##"<text x="10" y="38" fill="#555">How many times faster Lodum is than each peer (log scale). Green: target met; red: missed; grey: no target; | marks the target.</text>"##)
        for decade in Int(lowest)...Int(highest) {
            let ratio = pow(10, Double(decade))
            let position = x(ratio)
            parts.append(##"<line x1="\##(format(position))" y1="\##(format(top - 6))" x2="\##(format(position))" y2="\##(format(height - 34))" stroke="\##(decade == 0 ? "#333" : "#ddd")"/>"##)
            parts.append(##"<text x="\##(format(position))" y="\##(format(height - 20))" text-anchor="middle" fill="#555">\##(ratio < 1 ? "0.1x" : "\(Int(ratio))x")</text>"##)
        }
        for (index, comparison) in comparisons.enumerated() {
            let y = top + rowHeight * Double(index)
            let colour = comparison.met.map { $0 ? "#2e8b57" : "#c0392b" } ?? "#999"
            let start = x(1), end = x(comparison.ratio)
            parts.append(##"<text x="\##(format(labelWidth - 8))" y="\##(format(y + 15))" text-anchor="end">\##(escape(label(of: comparison)))</text>"##)
            parts.append(##"<rect x="\##(format(min(start, end)))" y="\##(format(y + 4))" width="\##(format(max(abs(end - start), 1)))" height="\##(format(rowHeight - 8))" fill="\##(colour)"/>"##)
            parts.append(##"<text x="\##(format(max(start, end) + 4))" y="\##(format(y + 15))">\##(String(format: comparison.ratio < 10 ? "%.2fx" : "%.0fx", comparison.ratio))</text>"##)
            if let target = comparison.target {
                let mark = x(target.minimumRatio)
                parts.append(##"<line x1="\##(format(mark))" y1="\##(format(y + 1))" x2="\##(format(mark))" y2="\##(format(y + rowHeight - 1))" stroke="black" stroke-width="2"/>"##)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    static func label(of comparison: Comparison) -> String {
        "\(comparison.name) vs \(comparison.peer)"
    }

    static func format(_ number: Double) -> String { String(format: "%.1f", number) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
