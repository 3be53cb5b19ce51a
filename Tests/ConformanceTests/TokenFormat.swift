// A fourth format, written only against Lodum's public API (`import LodumCore`, nothing
// internal), to prove a user can add one. It is the running example of
// Docs/WritingABackend.md, whose code blocks are excerpts of this file, TokensWriter.swift
// and TokensReader.swift: WritingABackendDocTests keeps them in step.

import LodumCore

// "tokens": a length-prefixed format in the spirit of bencode. Every value starts with a
// one-byte tag, and every value ends where its tag says, so a reader never searches for a
// closing quote and text needs no escaping.
//
//   n            null             t  f         true, false
//   i-42;        an Int64         u42;         a UInt64 above Int64.max
//   d1.5;        a Double         s5:hello     text: UTF-8, its length in bytes
//   b3:...       raw bytes        [ … ]        a sequence
//   { k v … }    a struct or a map: keys are `s` tokens, each followed by its value
//
// A newline goes between documents; readers skip newlines wherever a token may start.

/// The Tokens format: a caseless enum, since a format is a namespace of static members.
enum Tokens: Format {
    typealias Options = TokensOptions
    typealias Writer = TokensWriter
    typealias Reader = TokensReader

    static let name = "tokens"
    static let fileExtensions = ["tokens"]
    static let mediaType = "application/x-lodum-tokens"
    /// Claimed because the conformance suite sees each behaviour (see the tutorial), and
    /// only those: dates are ISO 8601 text and integer keys are decimal text here, so
    /// `nativeTimestamp` and `nonStringKeys` would be false claims. Raw bytes in the
    /// output make it `binary`, not `humanReadable`.
    static let capabilities: FormatCapabilities = [.streamingDump, .lazyLoad, .multiDocument, .binary, .nativeBytes]

    static func makeWriter(output: OutputBuffer, options: TokensOptions, limits: Limits, layout: DocumentLayout) -> TokensWriter {
        TokensWriter(output: output, limits: limits)
    }

    static func makeReader(input: InputBuffer, options: TokensOptions, limits: Limits) -> TokensReader {
        TokensReader(input: input, options: options, limits: limits)
    }
}

/// What a caller can change about Tokens. Every option has a default, so `TokensOptions()`
/// (what the verbs use when given no `options:`) is always valid.
struct TokensOptions: FormatOptions {
    /// Whether bytes may also be read from base64 text, the form that formats without a
    /// byte type (JSON, YAML) fall back to: with it, bytes that passed through a `Value`
    /// tree or a transcode from JSON read back as bytes.
    var acceptsBase64Bytes: Bool

    init(acceptsBase64Bytes: Bool = true) {
        self.acceptsBase64Bytes = acceptsBase64Bytes
    }

    init() {
        self.init(acceptsBase64Bytes: true)
    }
}
