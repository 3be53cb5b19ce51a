import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plugin entry point: tells the compiler which macro types this module provides.
@main
struct LodumMacrosPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [LodumMacro.self, LodumSubclassMacro.self, FieldMacro.self, FlattenMacro.self]
}
