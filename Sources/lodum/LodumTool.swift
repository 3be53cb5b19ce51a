import ArgumentParser
import Foundation
import Lodum

/// `lodum`: converts, lists and validates documents in every format of `Lodum.formats`.
@main
struct LodumTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lodum",
        abstract: "Convert, list and validate JSON, YAML and MessagePack documents.",
        discussion: """
            Every format Lodum knows is available, with the same capabilities the library \
            reports. Conversions stream: a file of any size converts in constant memory.

            Examples:
              lodum convert config.yaml config.json
              lodum convert events.jsonl events.msgpack --documents
              cat data.json | lodum convert - --from json --to yaml
              lodum formats
              lodum validate config.yaml
            """,
        subcommands: [Convert.self, ListFormats.self, Validate.self])
}
