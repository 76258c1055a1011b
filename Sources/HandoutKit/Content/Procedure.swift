import Foundation

/// One handout's content: front matter plus body blocks, read from `procedures/SLUG.md`.
public struct Procedure: Equatable, Sendable {
    public var slug: String
    public var title: String
    public var summary: String?
    public var category: String?
    /// BCP 47 tag, e.g. "en", "es", "ar".
    public var language: String
    /// When the content was last reviewed (`updated: 2026-11-15`), as a calendar date.
    public var updated: CalendarDate?
    public var blocks: [Block]
    /// The source file as shown in messages.
    public var file: String
    /// A digest of the source bytes: laid-out boxes and cached pages made from it are still good
    /// while it matches.
    public var contentDigest: UInt64
    /// The `{{field}}`s the body uses, for personalized copies.
    public var fieldReferences: [FieldReference] = []
    /// Bookmark titles for the top-level headings, in order, once fields are filled in: each
    /// heading with its patient fields left out, because bookmarks, like metadata, show in file
    /// listings and previews. nil when the headings hold no fields.
    public var outlineTitles: [String]?
    /// The line in `file` where each of `blocks` starts.
    public var blockLines: [Int] = []
}
