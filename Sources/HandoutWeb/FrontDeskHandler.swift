import FlyingFox
import Foundation
import HandoutKit

/// Every request passes here: the guard's checks, the route, the headers every answer carries,
/// and one access-log line. No answer ever shows a stack trace.
struct FrontDeskHandler: HTTPHandler {
    let app: FrontDeskServer
    private let routes: RoutedHTTPHandler

    /// Only the server's own files, no frames from elsewhere, no plugins.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"

    init(app: FrontDeskServer) {
        self.app = app
        var routes = RoutedHTTPHandler()
        routes.appendRoute("GET /") { request in await app.indexPage(request) }
        routes.appendRoute("GET /healthz") { _ in Reply.text("ok\n") }
        routes.appendRoute("GET /static/:file") { (_: HTTPRequest, file: String) in try app.asset(file) }
        routes.appendRoute("GET /login") { _ in app.loginPage() }
        routes.appendRoute("POST /login") { request in try await app.signIn(request) }
        routes.appendRoute("GET /basket") { request in try await app.basketPage(request) }
        routes.appendRoute("GET /handouts/:slug") { (request: HTTPRequest, slug: String) in
            slug.hasSuffix(".pdf") ? try await app.genericPDF(String(slug.dropLast(4)), request) : try await app.handoutPage(slug)
        }
        routes.appendRoute("GET /handouts/:slug/:picture") { (request: HTTPRequest, slug: String, picture: String) in
            try await app.pagePicture(slug, picture, request)
        }
        routes.appendRoute("POST /handouts/:slug/pdf") { (request: HTTPRequest, slug: String) in try await app.personalizedPDF(slug, request) }
        routes.appendRoute("POST /handouts/:slug/preview") { (request: HTTPRequest, slug: String) in try await app.personalizedPreview(slug, request) }
        routes.appendRoute("POST /booklet") { request in try await app.bookletPDF(request) }
        routes.appendRoute("POST /booklet/preview") { request in try await app.bookletPreview(request) }
        routes.appendRoute("POST /print") { request in try await app.print(request) }
        routes.appendRoute("POST /email") { request in try await app.emailDraft(request) }
        self.routes = routes
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let start = ContinuousClock.now
        var response: HTTPResponse
        do {
            try app.guardian.check(request)
            response = try await routes.handleRequest(request)
        } catch {
            response = app.refusal(error, request)
        }
        // Nothing is kept by a browser or proxy unless a route said it may be (generic pages).
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        response.headers[HTTPHeader("Content-Security-Policy")] = Self.contentSecurityPolicy
        response.headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        response.headers[HTTPHeader("Referrer-Policy")] = "same-origin"
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        app.log.record(method: request.method.rawValue, path: request.path, status: response.statusCode.code, milliseconds: milliseconds)
        return response
    }
}
