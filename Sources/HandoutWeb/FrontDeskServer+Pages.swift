import FlyingFox
import Foundation
import HandoutKit

/// The HTML pages: the list of handouts, one handout's form, a patient's basket, and the short
/// answers (a print receipt, a problem, a missing page).
extension FrontDeskServer {
    /// `GET /`: every handout as a card; ones that fail to load listed apart, the rest still work.
    func indexPage(_ request: HTTPRequest) async -> HTTPResponse {
        // A form sends spaces as "+".
        let query = request.query["q"]?.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces) ?? ""
        let words = query.lowercased().split(separator: " ").map(String.init)
        var cards: [[String: Any]] = [], broken: [[String: Any]] = []
        let slugs: [String]
        do { slugs = try engine.library.slugs() } catch { return problemPage("The handouts cannot be read", ["\(error)"], status: .internalServerError) }
        for slug in slugs {
            do {
                var warnings: [Warning] = []
                let procedure = try engine.library.procedure(slug, warnings: &warnings)
                let search = [procedure.title, procedure.category ?? "", slug].joined(separator: " ").lowercased()
                guard words.allSatisfy(search.contains) else { continue }
                let pages = try await generic(.handout(slug)).pages
                cards.append([
                    "slug": slug, "title": procedure.title, "category": procedure.category ?? "Handout",
                    "pages": pages, "plural": pages != 1, "search": search, "thumbHeight": thumbnailHeight(280),
                ])
            } catch {
                broken.append(["slug": slug, "error": "\(error)"])
            }
        }
        return Reply.html(page("index", [
            "query": query, "hasQuery": !query.isEmpty, "handouts": cards, "shown": cards.count, "total": slugs.count,
            "broken": broken, "hasBroken": !broken.isEmpty,
        ]))
    }

    /// `GET /handouts/SLUG`: the personalize form beside the previews.
    func handoutPage(_ slug: String) async throws -> HTTPResponse {
        let procedure = try handout(slug)
        return Reply.html(try await handoutView(procedure, form: try form(for: .handout(procedure))))
    }

    /// The handout page with `form` as typed (and its problems marked).
    func handoutView(_ procedure: Procedure, form: PatientForm) async throws -> String {
        let pages = try await generic(.handout(procedure.slug)).pages
        var context = try formContext(form, pages: pages, preview: "/handouts/\(procedure.slug)/preview", download: "/handouts/\(procedure.slug)/pdf")
        context.merge([
            "slug": procedure.slug, "procedures": procedure.slug, "title": procedure.title, "category": procedure.category ?? "Handout",
            "summary": procedure.summary ?? false, "pages": pages, "plural": pages != 1,
            "pageList": Array(1...max(1, pages)), "smallThumbHeight": thumbnailHeight(120),
        ]) { $1 }
        return page("handout", context)
    }

    /// `GET /basket?procedures=a&procedures=b`: one patient's booklet of the chosen handouts.
    func basketPage(_ request: HTTPRequest) async throws -> HTTPResponse {
        var query = FormBody("")
        query.append(request.query)
        let procedures = try chosenHandouts(query).map(handout)
        return Reply.html(try await basketView(procedures, form: try form(for: .booklet(procedures))))
    }

    func basketView(_ procedures: [Procedure], form: PatientForm) async throws -> String {
        let slugs = procedures.map(\.slug)
        let pages = try await generic(.booklet(slugs)).pages
        var context = try formContext(form, pages: pages, preview: "/booklet/preview", download: "/booklet")
        context.merge([
            "count": procedures.count, "procedures": slugs.joined(separator: ","),
            "chosen": procedures.map { ["slug": $0.slug, "title": $0.title] },
        ]) { $1 }
        return page("basket", context)
    }

    /// The handouts a form names in `procedures`, each checked; at least one.
    func chosenHandouts(_ form: FormBody) throws -> [String] {
        let slugs = form.list("procedures")
        guard !slugs.isEmpty else { throw RequestProblem.badRequest("Choose at least one handout: tick “Add to a booklet” on the list of handouts.") }
        guard slugs.count <= 30 else { throw RequestProblem.badRequest("A booklet can hold at most 30 handouts.") }
        for slug in slugs { _ = try handout(slug) }
        return slugs
    }

    /// The form's part of a page: fields, printers, page choices and where its buttons go.
    private func formContext(_ form: PatientForm, pages: Int, preview: String, download: String) throws -> [String: Any] {
        var context = form.view
        let choices = printers.choices()
        context.merge([
            "previewAction": preview, "downloadAction": download, "pageChoices": Array(1...max(1, pages)),
            "printers": choices, "hasPrinters": !choices.isEmpty,
        ]) { $1 }
        return context
    }

    /// A short page with a heading and a few lines; `framed` when it answers inside the preview frame.
    func messagePage(_ heading: String, _ lines: [String], kind: String, status: HTTPStatusCode = .ok, framed: Bool = false, link: (href: String, text: String)? = nil) -> HTTPResponse {
        Reply.html(page("message", [
            "heading": heading, "lines": lines, "kind": kind, "framed": framed,
            "hasLink": link != nil, "link": link?.href ?? "", "linkText": link?.text ?? "",
        ]), status: status)
    }

    func problemPage(_ heading: String, _ lines: [String], status: HTTPStatusCode, framed: Bool = false) -> HTTPResponse {
        messagePage(heading, lines, kind: "problem", status: status, framed: framed, link: framed ? nil : ("/", "Back to the handouts"))
    }

    /// A page of the layout: every page names the clinic.
    func page(_ name: String, _ context: [String: Any]) -> String {
        var all = context
        all["clinic"] = (try? engine.library.clinic().name) ?? "Handout"
        return views.render(name, all)
    }

    /// The handout `slug`, or a 404 for a name that is not one.
    func handout(_ slug: String) throws -> Procedure {
        guard ContentLibrary.isSlug(slug), FileManager.default.fileExists(atPath: engine.workspace.procedureFile(slug).path) else {
            throw Refusal.notFound
        }
        var warnings: [Warning] = []
        return try engine.library.procedure(slug, warnings: &warnings)
    }

    /// Pixel height of a page picture `width` pixels wide.
    func thumbnailHeight(_ width: Int) -> Int {
        Int((Double(width) * engine.theme.pageSize.height / engine.theme.pageSize.width).rounded())
    }

    /// `GET /static/FILE`: the stylesheet and script, which change only with the program.
    func asset(_ name: String) throws -> HTTPResponse {
        guard let file = Assets.files[name] else { throw Refusal.notFound }
        return Reply.bytes(Array(file.text.utf8), type: file.type, headers: [.cacheControl: "public, max-age=3600"])
    }

    /// The answer for a request that failed or was turned away: never a stack trace.
    func refusal(_ error: any Error, _ request: HTTPRequest) -> HTTPResponse {
        let framed = isFramed(request)
        switch error {
        case is HTTPUnhandledError, Refusal.notFound:
            return problemPage("Page not found", ["There is no such page or handout. Pick one from the list of handouts."], status: .notFound, framed: framed)
        case let Refusal.forbidden(reason):
            return problemPage("Not allowed", [reason], status: .forbidden, framed: framed)
        case let Refusal.signInNeeded(page):
            return page ? Reply.redirect(to: "/login") : Reply.text("Sign in first: send the access code as `Authorization: Bearer CODE`.\n", status: .unauthorized)
        case RequestProblem.tooLarge:
            return problemPage("Too much to send", ["The form held more than 64 KB. Shorten the notes and try again."], status: .payloadTooLarge, framed: framed)
        case let RequestProblem.badRequest(reason):
            return problemPage("Please check", [reason], status: .badRequest, framed: framed)
        case let error as HandoutError:
            // Content that cannot be read: the one-line error says which file and how to fix it.
            return problemPage("This needs attention", ["\(error)"], status: .internalServerError, framed: framed)
        default:
            log.note("error: \(type(of: error)) while answering \(request.method.rawValue) \(AccessLog.safePath(request.path))")
            return problemPage("Something went wrong", ["The page could not be made. Try again; if it keeps happening, restart Handout."], status: .internalServerError, framed: framed)
        }
    }
}
