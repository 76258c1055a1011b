import FlyingFox
import Foundation
import HandoutBindings
import HandoutKit

/// `POST /print`: the patient's handouts (one, or several as their booklet) straight to a printer.
extension FrontDeskServer {
    func print(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await FormBody.read(request)
        let subject = FormSubject(chosen: try chosenHandouts(body).map(handout))
        var (form, patient) = try personalize(subject, body)
        let framed = isFramed(request)
        guard let printer = body["printer"] ?? printers.fallback, printers.allows(printer) else {
            throw RequestProblem.badRequest("Pick a printer from the list. If it is missing, start the page with --printer NAME.")
        }
        guard let copies = Int(body["copies"] ?? "1"), (1...20).contains(copies) else {
            throw RequestProblem.badRequest("Copies must be a number from 1 to 20.")
        }
        let sides = PrintSides(rawValue: body["sides"] ?? "one-sided") ?? .oneSided
        if form.hasProblems { return formProblems(form) }
        let order = PrintOrder(printer: printer, copies: copies, sides: sides)
        let documentRequest = subject.request(for: patient, language: form.language)
        let engine = engine
        do {
            let (pages, receipt) = try await pool.perform { worker in
                let document = try engine.pdf(documentRequest, on: worker)
                return (document.pages, try engine.writer.deliver(document, to: .printer(order)).receipt)
            }
            let job = receipt.map { "Job \($0.jobID)" } ?? "Job sent"
            return messagePage("Sent to the printer", [
                "\(PrinterDirectory.label(printer)): \(job).",
                "\(pages) page\(pages == 1 ? "" : "s"), \(copies) cop\(copies == 1 ? "y" : "ies"), \(sides == .oneSided ? "one side" : "both sides").",
            ], kind: "sent", framed: framed)
        } catch let error as HandoutError where error.key != nil && form.fields.contains(where: { $0.name == error.key }) {
            form.mark(error)
            return formProblems(form)
        } catch let error as PrintError {
            return problemPage("Not printed", ["\(error)"], status: .badGateway, framed: framed)
        }
    }
}
