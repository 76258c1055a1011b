import FlyingFox
import Foundation
import HandoutKit

/// `POST /email`: an email draft with the patient's handout (or, from the basket, their booklet)
/// attached, to download and open in the clinic's mail client. Made in memory, never kept.
extension FrontDeskServer {
    func emailDraft(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await FormBody.read(request)
        let subject = FormSubject(chosen: try chosenHandouts(body).map(handout))
        var (form, patient) = try personalize(subject, body)
        let to = body["email_to"]?.trimmingCharacters(in: .whitespaces).nonEmpty
        let password = body["email_password"]?.nonEmpty
        if let to, let problem = EmailAddress.problem(to) { form.mark("email_to", "The patient's email \(problem).") }
        if let password, password.count > 127 { form.mark("email_password", "The password can be at most 127 characters.") }
        guard !form.hasProblems else { return try await problems(subject, form, request) }

        var draft = EmailRequest(slugs: subject.procedures.map(\.slug), patient: patient)
        draft.to = to
        draft.language = form.language
        draft.asBooklet = subject.procedures.count > 1
        draft.lock = password.map { .password($0) }
        let engine = engine, asked = draft
        do {
            let bytes = try await pool.perform { worker in
                let document = try EmailComposer(engine: engine).draft(asked, on: worker, date: try DocumentDate.messageTime())
                return try engine.writer.deliver(document, to: .memory).bytes
            }
            return Reply.bytes(bytes, type: "message/rfc822", headers: [.contentDisposition: "attachment; filename=\"email.eml\""])
        } catch let error as HandoutError {
            form.mark(error)
            return try await problems(subject, form, request)
        }
    }
}

extension String {
    /// nil for an empty string: a form's blank input means "not given".
    var nonEmpty: String? { isEmpty ? nil : self }
}
