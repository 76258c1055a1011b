import FlyingFox
import Foundation

/// The fields of a submitted form (`application/x-www-form-urlencoded`), read with a size limit.
struct FormBody: Sendable {
    /// Largest request body accepted: a form of a patient's details is a few KB.
    static let maximumBytes = 64 * 1024

    /// Values in the order given; a name may repeat (checkboxes).
    private(set) var values: [(name: String, value: String)] = []

    init(_ encoded: String) {
        // Foundation decodes percent escapes; a form also writes spaces as "+".
        var components = URLComponents()
        components.percentEncodedQuery = encoded.replacingOccurrences(of: "+", with: "%20")
        values = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    /// The request's form, or a `RequestProblem.tooLarge` past the limit, however the body is sent.
    static func read(_ request: HTTPRequest) async throws -> FormBody {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumBytes {
            throw RequestProblem.tooLarge
        }
        var data = Data()
        for try await chunk in request.bodySequence {
            data.append(chunk)
            if data.count > maximumBytes { throw RequestProblem.tooLarge }
        }
        var form = FormBody(String(decoding: data, as: UTF8.self))
        form.append(request.query)
        return form
    }

    /// Adds query parameters (`?page=2`) after the values already read.
    mutating func append(_ query: [HTTPRequest.QueryItem]) {
        values += query.map { ($0.name, $0.value) }
    }

    subscript(name: String) -> String? { values.first { $0.name == name }?.value }

    /// Every value of `name`, with comma-separated lists split ("a,b" and a=…&a=… alike).
    func list(_ name: String) -> [String] {
        values.filter { $0.name == name }.flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Why a request is refused before any handler sees it.
enum RequestProblem: Error {
    case tooLarge
    case badRequest(String)
}
