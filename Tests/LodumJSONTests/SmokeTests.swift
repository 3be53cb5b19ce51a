import Foundation
import Lodum
import Testing

@Lodum struct SmokePoint { var x: Int; var y: Int }
@Lodum struct SmokeDataset { var points: [SmokePoint] }

@Test func smokeRoundTrip() throws {
    let dataset = SmokeDataset(points: [SmokePoint(x: 1, y: 2), SmokePoint(x: -3, y: 4)])
    let text = try JSON.encodeString(dataset)
    #expect(text == #"{"points":[{"x":1,"y":2},{"x":-3,"y":4}]}"#)
    let back = try JSON.decode(SmokeDataset.self, from: text)
    #expect(back.points.count == 2)
    #expect(back.points[1].x == -3)
}
