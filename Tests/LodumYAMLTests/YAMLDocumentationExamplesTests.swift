// The examples of Docs/YAML.md, compiled and run; the page's Swift blocks are excerpts of
// this file, and the output its comments claim is checked here.

import Foundation
import LodumTestSupport
import Testing
// Last, so that it and the declaration below read as the page's first block.
import Lodum

@Lodum struct Service: Equatable {
    var image: String
    var ports: [String]
    var replicas: Int
}

@Lodum struct Feature: Equatable { var enabled: Bool }

@Lodum struct DocsWeb { var replicas: Int }
@Lodum struct DocsServices { var web: DocsWeb }
@Lodum struct DocsCompose { var services: DocsServices }

@Suite("YAML documentation examples")
struct YAMLDocumentationExamplesTests {
    @Test func verbsAndFlowStyle() throws {
        let web = Service(image: "nginx:1.27", ports: ["80:80"], replicas: 2)
        let text = try YAML.encodeString(web)
        // image: nginx:1.27
        // ports:
        // - '80:80'
        // replicas: 2
        let back = try YAML.decode(Service.self, from: text)

        #expect(back == web)
        #expect(text == "image: nginx:1.27\nports:\n- '80:80'\nreplicas: 2\n")

        let flow = try YAML.encodeString(web, options: YAMLOptions(style: .flow, lineWidth: nil))
        // {image: 'nginx:1.27', ports: ['80:80'], replicas: 2}
        #expect(flow == "{image: 'nginx:1.27', ports: ['80:80'], replicas: 2}\n")
        #expect(try YAML.decode(Service.self, from: flow) == web)
    }

    @Test func yaml11Booleans() throws {
        let legacy = try YAML.decode(Feature.self, from: "enabled: yes", options: YAMLOptions(yaml11Booleans: true))
        // Feature(enabled: true); by default the same input is an error: expected Bool, found String "yes"
        #expect(legacy == Feature(enabled: true))
        #expect(throws: LodumError.self) { try YAML.decode(Feature.self, from: "enabled: yes") }
        do {
            _ = try YAML.decode(Feature.self, from: "enabled: yes")
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
        // YAML.decode(Value.self, from: bomb) throws:
        // Error at ["f"] (line 6, column 8): aliases expand to more than maxAliasExpansion (100000 nodes)
        do {
            _ = try YAML.decode(Value.self, from: bomb)
            Issue.record("the alias bomb decoded")
        } catch let error as LodumError {
            #expect(error.kind == .limitExceeded(.aliasExpansion(100_000)))
            print(error)
            #expect(error.description == #"Error at ["f"] (line 6, column 8): aliases expand to more than maxAliasExpansion (100000 nodes)"#)
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
