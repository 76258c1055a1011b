import FlyingFox
import Foundation

/// Why a request is turned away before any page sees it.
enum Refusal: Error {
    /// 403: a cross-site form, or a host name this server does not answer to.
    case forbidden(String)
    /// 401, or a redirect to the sign-in page for a browser asking for a page.
    case signInNeeded(page: Bool)
    case notFound
}

/// The checks every request passes: the Host it was sent to, the access code when one is set,
/// and, for a POST, that it comes from this server's own page.
struct RequestGuard: Sendable {
    static let cookieName = "handout_session"

    let configuration: ServerConfiguration

    func check(_ request: HTTPRequest) throws(Refusal) {
        let host = request.headers[.host]
        if configuration.isLoopback, let host, !isLoopbackName(host) {
            // A web page cannot reach a loopback server under another name (DNS rebinding).
            throw .forbidden("This page answers only at http://127.0.0.1:\(configuration.port)/.")
        }
        if let token = configuration.token, !isPublic(request.path), !carries(token, request) {
            throw .signInNeeded(page: request.method == .GET)
        }
        if request.method != .GET && request.method != .HEAD, let origin = origin(of: request) {
            // Browsers send Origin (or Referer) with every form; another site's never matches.
            guard let host, origin == "http://\(host)" || origin == "https://\(host)" else {
                throw .forbidden("This request came from another web site, so it was refused.")
            }
        }
    }

    /// The sign-in page and its stylesheet are reachable without the code.
    private func isPublic(_ path: String) -> Bool {
        path == "/login" || path.hasPrefix("/static/")
    }

    private func carries(_ token: String, _ request: HTTPRequest) -> Bool {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer "),
           Self.equalInConstantTime(String(header.dropFirst(7)), token) { return true }
        return Self.cookie(Self.cookieName, in: request).map { Self.equalInConstantTime($0, token) } ?? false
    }

    /// Origin, or the scheme, host and port of Referer when Origin is absent; nil when neither is sent.
    private func origin(of request: HTTPRequest) -> String? {
        if let origin = request.headers[HTTPHeader("Origin")] { return origin }
        guard let referer = request.headers[HTTPHeader("Referer")] else { return nil }
        guard let url = URLComponents(string: referer), let scheme = url.scheme, let host = url.host else { return "invalid" }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    /// Whether a Host header ("localhost:8080", "[::1]:8080") names this computer.
    private func isLoopbackName(_ host: String) -> Bool {
        let name = host.hasPrefix("[")
            ? String(host.prefix { $0 != "]" }) + "]"
            : String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
        return name == "localhost" || name == "[::1]" || (name.hasPrefix("127.") && IPv4Address(name) != nil)
    }

    static func cookie(_ name: String, in request: HTTPRequest) -> String? {
        guard let header = request.headers[.cookie] else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces).removingPercentEncoding
            }
        }
        return nil
    }

    /// Compares every byte whatever the first difference, so timing reveals nothing of the code.
    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
