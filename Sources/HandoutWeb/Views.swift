import Mustache

/// Renders the front-desk pages from `PageTemplates` with swift-mustache.
struct Views: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                throw ServerError("the page template '\(name)' does not compile (\(error)); this is a bug in Handout")
            }
        }
        self.library = library
    }

    /// The page `name` filled in from `context` (values are HTML-escaped).
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
