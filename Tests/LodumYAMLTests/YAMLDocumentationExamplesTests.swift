// The examples of Docs/YAML.md, compiled and run so they cannot rot.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct DocsService: Equatable {
    var image: String
    var ports: [String]
    var replicas: Int
}

@Lodum struct DocsFeature: Equatable { var enabled: Bool }

@Lodum struct DocsWeb { var replicas: Int }
@Lodum struct DocsServices { var web: DocsWeb }
@Lodum struct DocsCompose { var services: DocsServices }

@Suite("YAML documentation examples")
struct YAMLDocumentationExamplesTests {
    let web = DocsService(image: "nginx:1.27", ports: ["80:80"], replicas: 2)

    @Test func verbs() throws {
        let text = try YAML.encodeString(web)
        #expect(text == "image: nginx:1.27\nports:\n- '80:80'\nreplicas: 2\n")
        let back = try YAML.decode(DocsService.self, from: text)
        #expect(back == web)
    }

    @Test func flowStyle() throws {
        let flow = try YAML.encodeString(web, options: YAMLOptions(style: .flow, lineWidth: nil))
        #expect(flow == "{image: 'nginx:1.27', ports: ['80:80'], replicas: 2}\n")
        #expect(try YAML.decode(DocsService.self, from: flow) == web)
    }

    @Test func yaml11Booleans() throws {
        let legacy = try YAML.decode(DocsFeature.self, from: "enabled: yes", options: YAMLOptions(yaml11Booleans: true))
        #expect(legacy == DocsFeature(enabled: true))
        #expect(throws: LodumError.self) { try YAML.decode(DocsFeature.self, from: "enabled: yes") }
        do {
            _ = try YAML.decode(DocsFeature.self, from: "enabled: yes")
        } catch let error as LodumError {
            #expect(error.reason == "expected Bool, found String \"yes\"")
        }
    }

    @Test func mergeKeys() throws {
        let compose = """
        x-defaults: &defaults
          image: app:1.0
          restart: always
        x-logging: &logging
          logging: json
          restart: never
        services:
          web:
            <<: *defaults
            restart: "no"
          worker:
            <<: [*defaults, *logging]
        """
        let value = try YAML.decode(Value.self, from: compose)
        let expected = try JSON.decode(Value.self, from: """
        {"x-defaults": {"image": "app:1.0", "restart": "always"},
         "x-logging": {"logging": "json", "restart": "never"},
         "services": {"web": {"image": "app:1.0", "restart": "no"},
                      "worker": {"image": "app:1.0", "restart": "always", "logging": "json"}}}
        """)
        #expect(value == expected)
    }

    @Test func billionLaughsFailsFast() throws {
        let bomb = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        """
        do {
            _ = try YAML.decode(Value.self, from: bomb)
            Issue.record("the alias bomb decoded")
        } catch let error as LodumError {
            #expect(error.kind == .limitExceeded(.aliasExpansion(100_000)))
            print(error)
            #expect(error.description.hasSuffix("aliases expand to more than maxAliasExpansion (100000 nodes)"))
        }
    }

    @Test func errorMessages() throws {
        let wrongType = "version: 1\nservices:\n  web:\n    replicas: two\n"
        do {
            _ = try YAML.decode(DocsCompose.self, from: wrongType)
            Issue.record("decoded")
        } catch let error as LodumError {
            #expect(error.description == "Error at services.web.replicas (line 4, column 15): expected Int, found String \"two\"")
        }
        let broken = "a: 1\nb: [1, 2\nc: 3\n"
        do {
            _ = try YAML.decode(Value.self, from: broken)
            Issue.record("decoded")
        } catch let error as LodumError {
            print(error)
            #expect(error.position != nil)
        }
    }
}
