import FlyingFox
import Foundation
import HandoutKit

/// PDFs and page pictures: the clinic's generic copies (cached while their content is unchanged)
/// and personalized ones (made in memory for one answer, never kept).
extension FrontDeskServer {
    /// Widths a page picture may be asked for, in pixels.
    static let pictureWidths = 40...1600

    /// `GET /handouts/SLUG.pdf`: the generic copy.
    func genericPDF(_ slug: String, _ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try handout(slug)
        let document = try await generic(.handout(slug))
        return cached(document, type: "application/pdf", request: request, disposition: "inline; filename=\"\(slug).pdf\"")
    }

    /// `GET /handouts/SLUG/page-N.png?width=W`: a page of the generic copy.
    func pagePicture(_ slug: String, _ picture: String, _ request: HTTPRequest) async throws -> HTTPResponse {
        guard picture.hasPrefix("page-"), picture.hasSuffix(".png"), let page = Int(picture.dropFirst(5).dropLast(4)), page >= 1 else {
            throw Refusal.notFound
        }
        let width = try pictureWidth(request.query["width"], default: 240)
        _ = try handout(slug)
        let pages = try await generic(.handout(slug)).pages
        guard page <= pages else { throw Refusal.notFound }
        let document = try await generic(.handout(slug), page: page, width: width)
        return cached(document, type: "image/png", request: request)
    }

    /// `POST /handouts/SLUG/pdf`: the personalized copy, to save.
    func personalizedPDF(_ slug: String, _ request: HTTPRequest) async throws -> HTTPResponse {
        let subject = FormSubject.handout(try handout(slug))
        return try await download(subject, try await FormBody.read(request), request)
    }

    /// `POST /handouts/SLUG/preview?page=N`: a page of the personalized copy as a picture.
    func personalizedPreview(_ slug: String, _ request: HTTPRequest) async throws -> HTTPResponse {
        let subject = FormSubject.handout(try handout(slug))
        return try await preview(subject, try await FormBody.read(request), request)
    }

    /// `POST /booklet`: `procedures=a,b` and the patient's fields → that patient's own booklet.
    func bookletPDF(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await FormBody.read(request)
        return try await download(.booklet(try chosenHandouts(body).map(handout)), body, request)
    }

    /// `POST /booklet/preview?page=N`: a page of that booklet as a picture.
    func bookletPreview(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await FormBody.read(request)
        return try await preview(.booklet(try chosenHandouts(body).map(handout)), body, request)
    }

    /// The personalized PDF of what a form is for, as a download; problems go back to the form.
    private func download(_ subject: FormSubject, _ body: FormBody, _ request: HTTPRequest) async throws -> HTTPResponse {
        var (form, patient) = try personalize(subject, body)
        do {
            guard !form.hasProblems else { return try await problems(subject, form, request) }
            let document = try await personalized(subject.request(for: patient, language: form.language))
            return Reply.attachment(document.bytes, name: document.name)
        } catch let error as HandoutError {
            form.mark(error)
            return try await problems(subject, form, request)
        }
    }

    /// Page `page` (form or query) of that document as a PNG, `width` pixels wide (default 560).
    private func preview(_ subject: FormSubject, _ body: FormBody, _ request: HTTPRequest) async throws -> HTTPResponse {
        var (form, patient) = try personalize(subject, body)
        let page = Int(body["page"] ?? "1") ?? 0
        guard page >= 1 else { throw RequestProblem.badRequest("The page number must be 1 or more.") }
        let engine = engine, resolution = resolution(try pictureWidth(body["width"], default: 560))
        do {
            guard !form.hasProblems else { return try await problems(subject, form, request) }
            let documentRequest = subject.request(for: patient, language: form.language)
            let bytes = try await pool.perform { worker in
                try engine.writer.deliver(try engine.png(documentRequest, page: page, resolution: resolution, on: worker), to: .memory).bytes
            }
            return Reply.bytes(bytes, type: "image/png")
        } catch let error as HandoutError {
            // A field the content needs, or a page past the end of this patient's copy.
            form.mark(error)
            return try await problems(subject, form, request)
        }
    }

    // MARK: Making documents

    /// The generic document (`page` 0) or one page's picture, from the cache or made now.
    func generic(_ content: DocumentRequest.Content, page: Int = 0, width: Int = 0) async throws -> CachedDocument {
        let key = GenericKey(document: documentKey(content), digest: try digest(content), page: page, width: width)
        if let hit = generic.value(key) { return hit }
        let engine = engine, resolution = resolution(width)
        let made = try await pool.perform { worker -> CachedDocument in
            let request = DocumentRequest(content)
            let document = page == 0
                ? try engine.pdf(request, on: worker)
                : try engine.png(request, page: page, resolution: resolution, on: worker)
            let bytes = try engine.writer.deliver(document, to: .memory).bytes
            return CachedDocument(bytes: bytes, pages: document.pages, tag: "\"\(String(key.digest, radix: 16))-\(page)-\(width)\"")
        }
        generic.insert(made, for: key)
        return made
    }

    /// A personalized document, made in memory on a rendering thread and never kept.
    func personalized(_ request: DocumentRequest) async throws -> Document {
        let engine = engine
        return try await pool.perform { worker in
            var document = try engine.pdf(request, on: worker)
            document.bytes = try engine.writer.deliver(document, to: .memory).bytes
            return document
        }
    }

    /// The empty form for `subject`: the standard fields and every field its content uses.
    func form(for subject: FormSubject) throws -> PatientForm {
        // Only languages every chosen handout has: a booklet is never half in another language.
        var languages: [String]?
        for procedure in subject.procedures {
            var ignored: [Warning] = []
            let own = (try? engine.library.languages(of: procedure.slug, warnings: &ignored)) ?? [procedure.language]
            languages = languages.map { $0.filter(own.contains) } ?? own
        }
        return PatientForm(references: subject.procedures.flatMap(\.fieldReferences) + (try engine.library.clinic().fieldReferences),
                           languages: languages ?? [])
    }

    /// The form as sent, and its patient (nil for an empty form, or when a field has a problem).
    func personalize(_ subject: FormSubject, _ body: FormBody) throws -> (PatientForm, Patient?) {
        var form = try form(for: subject)
        form.fill(from: body)
        let patient = form.patient()
        return (form, patient)
    }

    /// The form again with the problems beside their fields (400); inside the preview frame,
    /// just the problems.
    func problems(_ subject: FormSubject, _ form: PatientForm, _ request: HTTPRequest) async throws -> HTTPResponse {
        if isFramed(request) { return formProblems(form) }
        switch subject {
        case let .handout(procedure): return Reply.html(try await handoutView(procedure, form: form), status: .badRequest)
        case let .booklet(procedures): return Reply.html(try await basketView(procedures, form: form), status: .badRequest)
        }
    }

    /// The problems of a form as a short page, for the preview frame.
    func formProblems(_ form: PatientForm) -> HTTPResponse {
        let lines = form.fields.compactMap { field in field.error.map { "\(field.label): \($0)" } } + form.messages
        return problemPage("Please check the form", lines, status: .badRequest, framed: true)
    }

    func isFramed(_ request: HTTPRequest) -> Bool {
        request.headers[HTTPHeader("Sec-Fetch-Dest")] == "iframe"
    }

    /// An answer that may be kept and checked again by its tag (304 when unchanged).
    private func cached(_ document: CachedDocument, type: String, request: HTTPRequest, disposition: String? = nil) -> HTTPResponse {
        var headers: HTTPHeaders = [.eTag: document.tag, .cacheControl: "no-cache"]
        if let disposition { headers[.contentDisposition] = disposition }
        if request.headers[.ifNoneMatch] == document.tag {
            headers[.contentLength] = "0"
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        return Reply.bytes(document.bytes, type: type, headers: headers)
    }

    private func pictureWidth(_ text: String?, default value: Int) throws -> Int {
        guard let text else { return value }
        guard let width = Int(text), Self.pictureWidths.contains(width) else {
            throw RequestProblem.badRequest("The picture width must be from \(Self.pictureWidths.lowerBound) to \(Self.pictureWidths.upperBound) pixels.")
        }
        return width
    }

    /// Pixels per inch that make a page `width` pixels wide.
    private func resolution(_ width: Int) -> Double {
        Double(width) * 72 / engine.theme.pageSize.width
    }

    /// What a generic document is cached under: its slug, or its handouts for a booklet.
    private func documentKey(_ content: DocumentRequest.Content) -> String {
        switch content {
        case let .handout(slug): slug
        case let .booklet(slugs): "booklet:" + (slugs ?? []).joined(separator: ",")
        }
    }

    /// Changes whenever anything the document is made from changes: handouts, clinic, booklet.
    private func digest(_ content: DocumentRequest.Content) throws -> UInt64 {
        var warnings: [Warning] = []
        var digest = try engine.library.clinic().contentDigest
        let slugs: [String] = switch content {
        case let .handout(slug): [slug]
        case let .booklet(slugs): slugs ?? []
        }
        for slug in slugs {
            digest = (digest &* 0x100_0000_01b3) ^ (try engine.library.procedure(slug, warnings: &warnings).contentDigest)
        }
        return digest
    }
}

/// What a personalize form is for: one handout, or one patient's booklet of several.
enum FormSubject {
    case handout(Procedure)
    case booklet([Procedure])

    /// What the ticked handouts make: one is its handout, several their booklet.
    init(chosen procedures: [Procedure]) {
        self = procedures.count == 1 ? .handout(procedures[0]) : .booklet(procedures)
    }

    var procedures: [Procedure] {
        switch self {
        case let .handout(procedure): [procedure]
        case let .booklet(procedures): procedures
        }
    }

    /// The document the form asks for, for `patient` (nil: the generic copy), in `language`.
    func request(for patient: Patient?, language: String? = nil) -> DocumentRequest {
        var request = switch self {
        case let .handout(procedure): DocumentRequest(.handout(procedure.slug), patient: patient)
        case let .booklet(procedures): DocumentRequest(.booklet(procedures.map(\.slug)), patient: patient)
        }
        request.language = language
        return request
    }
}
