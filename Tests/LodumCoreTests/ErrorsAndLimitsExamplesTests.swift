// The examples of Docs/ErrorsAndLimits.md, compiled and run; the page's Swift blocks are
// excerpts of this file, and the output its comments claim is checked here. `Dataset` is
// Docs/GettingStarted.md's (GettingStartedExamplesTests.swift).

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct Login: Equatable, Sendable {
    var name: String
}

@Suite("Errors and limits: the page's examples")
struct ErrorsAndLimitsExamplesTests {
    @Test func anErrorPrintsItsPathPositionAndKind() throws {
        do {
            _ = try JSON.decode(Dataset.self, from: #"{"points":[{"x":"abc","y":1}]}"#)
        } catch let error as LodumError {
            print(error)                 // Error at points[0].x (line 1, column 17): expected Int, found String "abc"
            print(error.path)            // points[0].x
            if case .typeMismatch(let expected, _) = error.kind { print(expected) }   // Int
        }

        let error = expectLodumError { _ = try JSON.decode(Dataset.self, from: #"{"points":[{"x":"abc","y":1}]}"#) }
        #expect(error?.description == #"Error at points[0].x (line 1, column 17): expected Int, found String "abc""#)
        #expect(error?.path.description == "points[0].x")
        guard case .typeMismatch(let expected, _)? = error?.kind else {
            Issue.record("not a type mismatch: \(String(describing: error?.kind))")
            return
        }
        #expect("\(expected)" == "Int")
    }

    @Test func limitsArePassedToEachCall() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("dataset.json")
            try Data(#"{"points":[{"x":1,"y":2}]}"#.utf8).write(to: url)

            let limits = Limits(maxInputSize: 64 << 20, maxDepth: 200)
            let dataset = try JSON.load(Dataset.self, from: url, limits: limits)

            #expect(dataset.points.map(\.x) == [1])
            let tooDeep = expectLodumError {
                _ = try JSON.load(Dataset.self, from: url, limits: Limits(maxInputSize: 64 << 20, maxDepth: 2))
            }
            #expect(tooDeep?.kind == .limitExceeded(.depth(2)))
        }
    }

    @Test func aRepeatedKeyIsRefusedUnlessTheLastIsToWin() throws {
        let input = #"{"name":"ada","name":"eve"}"#
        do {
            _ = try JSON.decode(Login.self, from: input)
        } catch let error as LodumError {
            print(error)   // Error at name (line 1, column 22): duplicate key "name"
        }

        let login = try JSON.decode(Login.self, from: input, limits: Limits(duplicateKeys: .lastWins))
        print(login.name)   // eve

        let error = expectLodumError { _ = try JSON.decode(Login.self, from: input) }
        #expect(error?.description == #"Error at name (line 1, column 22): duplicate key "name""#)
        #expect(login.name == "eve")
    }
}
