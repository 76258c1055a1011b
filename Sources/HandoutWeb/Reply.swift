import FlyingFox
import Foundation

/// A problem that stops the server from starting, one line.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Responses as the front desk sends them: the body in one write, and the type always said.
enum Reply {
    static func bytes(_ body: some Collection<UInt8>, type: String, status: HTTPStatusCode = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        let data = Data(body)
        var all = headers
        all[.contentType] = type
        // One buffer for the whole body: a response is then one or two socket writes, not dozens.
        return HTTPResponse(statusCode: status, headers: all, body: HTTPBodySequence(data: data, suggestedBufferSize: max(data.count, 1)))
    }

    static func html(_ page: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        bytes(Array(page.utf8), type: "text/html; charset=utf-8", status: status)
    }

    static func text(_ text: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        bytes(Array(text.utf8), type: "text/plain; charset=utf-8", status: status)
    }

    /// A PDF to save: `name` never holds patient data.
    static func attachment(_ pdf: [UInt8], name: String) -> HTTPResponse {
        bytes(pdf, type: "application/pdf", headers: [.contentDisposition: "attachment; filename=\"\(name)\""])
    }

    static func redirect(to location: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.location] = location
        return HTTPResponse(statusCode: .seeOther, headers: headers)
    }
}
