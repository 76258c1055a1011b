import FlyingFox
import Foundation

/// Signing in with the access code, when the server was started with `--token`.
extension FrontDeskServer {
    /// `GET /login`.
    func loginPage(error: String? = nil, status: HTTPStatusCode = .ok) -> HTTPResponse {
        Reply.html(page("login", ["error": error ?? false]), status: status)
    }

    /// `POST /login`: the right code sets a cookie only this site's pages send back, and opens the list.
    func signIn(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let token = configuration.token else { return Reply.redirect(to: "/") }
        let form = try await FormBody.read(request)
        guard let given = form["token"], RequestGuard.equalInConstantTime(given, token) else {
            // A pause makes guessing the code slow.
            try? await Task.sleep(for: .seconds(1))
            return loginPage(error: "That code is not right. Check it and try again.", status: .unauthorized)
        }
        var response = Reply.redirect(to: "/")
        let value = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
        response.headers[.setCookie] = "\(RequestGuard.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict"
        return response
    }
}
