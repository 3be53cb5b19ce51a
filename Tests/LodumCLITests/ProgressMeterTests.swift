import Testing
@testable import LodumTool

@Suite("lodum: the progress line")
struct ProgressMeterTests {
    @Test func aKnownTotalShowsABarThePercentageTheRateAndTheTimeLeft() {
        let line = ProgressMeter.line(bytesRead: 40_000_000, totalBytes: 100_000_000, seconds: 2)
        #expect(line == "[########............]  40%  40.0 MB of 100.0 MB  20.0 MB/s  3s left")
    }

    @Test func standardInputShowsWhatWasReadAndTheRate() {
        #expect(ProgressMeter.line(bytesRead: 5_000_000, totalBytes: nil, seconds: 2) == "5.0 MB  2.5 MB/s")
    }

    @Test func theBarNeverOverflowsWhenAFileGrowsWhileRead() {
        let line = ProgressMeter.line(bytesRead: 120, totalBytes: 100, seconds: 1)
        #expect(line.hasPrefix("[####################] 100%"))
    }
}
