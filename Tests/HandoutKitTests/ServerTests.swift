import Foundation
import Testing

/// The front-desk page over real HTTP: every route, its headers, what it refuses, and that a
/// patient's details are never logged, kept or written to disk.
@Suite(.serialized) struct ServerTests {
    static let secret = "Zelda Quintana-Obi"
    let patient = [("patient_name", secret), ("procedure_date", "2026-12-03"), ("arrival_time", "07:30"), ("physician", "Dr. Ana Ruiz")]

    /// A project with the default content and the personalization fixture's two handouts.
    func project() throws -> URL {
        let project = try TestSupport.temporaryFolder()
        let content = project.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content"), to: content)
        for name in ["plain", "prep"] {
            try FileManager.default.copyItem(
                at: TestSupport.fixtures.appendingPathComponent("Personal/procedures/\(name).md"),
                to: content.appendingPathComponent("procedures/\(name).md"))
        }
        return content
    }

    /// Every file under `folder`, for checking that nothing new appeared.
    func tree(_ folder: URL) -> Set<String> {
        Set((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? [])
    }

    func text(ofPDF data: Data) throws -> String {
        let file = try TestSupport.temporaryFolder().appendingPathComponent("x.pdf")
        try data.write(to: file)
        return try TestSupport.text(file)
    }

    @Test func everyPageAndPictureAnswers() throws {
        let server = try TestServer(content: try project(), ["--printer", "ipp://127.0.0.1:9/ipp/print"])
        let index = try server.request("/")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.headers["content-security-policy"]?.hasPrefix("default-src 'self'") == true)
        #expect(index.headers["x-content-type-options"] == "nosniff")
        for title in ["Epidural Steroid Injection", "Spinal Cord Stimulation", "Getting Ready for Your Procedure"] {
            #expect(index.text.contains(title))
        }
        #expect(!index.text.contains("Needs attention"))
        let searched = try server.request("/?q=cord+stim")
        #expect(searched.text.contains("Spinal Cord Stimulation") && !searched.text.contains("Epidural Steroid Injection</span>"))
        #expect(searched.text.contains("1 of 9 handouts"))

        let page = try server.request("/handouts/epidural-steroid-injection")
        #expect(page.status == 200)
        for input in ["name=\"patient_name\"", "type=\"date\"", "type=\"time\"", "name=\"physician\"", "name=\"notes\"", "formaction=\"/print\""] {
            #expect(page.text.contains(input), "\(input) missing")
        }
        // A handout that uses {{room}} asks for it.
        #expect(try server.request("/handouts/prep").text.contains("name=\"room\""))

        let pdf = try server.request("/handouts/epidural-steroid-injection.pdf")
        #expect(pdf.status == 200 && pdf.headers["content-type"] == "application/pdf")
        #expect(try text(ofPDF: pdf.body).contains("Epidural Steroid Injection"))

        let picture = try server.request("/handouts/epidural-steroid-injection/page-2.png?width=200")
        #expect(picture.status == 200 && picture.headers["content-type"] == "image/png")
        #expect(Array(picture.body.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = picture.body[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 200)
        let tag = try #require(picture.headers["etag"])
        #expect(try server.request("/handouts/epidural-steroid-injection/page-2.png?width=200", headers: ["If-None-Match": tag]).status == 304)
        #expect(try server.request("/handouts/epidural-steroid-injection/page-9.png").status == 404)
        #expect(try server.request("/handouts/epidural-steroid-injection/page-1.png?width=99999").status == 400)

        #expect(try server.request("/healthz").text == "ok\n")
        #expect(try server.request("/static/front-desk.css").headers["content-type"] == "text/css; charset=utf-8")
        let basket = try server.request("/basket?procedures=epidural-steroid-injection&procedures=facet-joint-injection")
        #expect(basket.status == 200 && basket.text.contains("2 handouts"))
        #expect(basket.text.contains("value=\"epidural-steroid-injection,facet-joint-injection\""))
    }

    @Test func personalizedDocumentsHoldTheNameAndLeaveNothingBehind() throws {
        let content = try project()
        let before = tree(content.deletingLastPathComponent())
        let server = try TestServer(content: content)
        let pdf = try server.post("/handouts/prep/pdf", patient + [("room", "12")])
        #expect(pdf.status == 200, "\(pdf.text)")
        #expect(pdf.headers["content-type"] == "application/pdf")
        #expect(pdf.headers["content-disposition"] == "attachment; filename=\"prep.pdf\"")
        #expect(pdf.headers["cache-control"] == "no-store")
        let pdfText = try text(ofPDF: pdf.body)
        #expect(pdfText.contains(Self.secret) && pdfText.contains("Please go to room 12.") && pdfText.contains("7:30 AM"))

        let preview = try server.post("/handouts/plain/preview?page=1", patient)
        #expect(preview.status == 200 && preview.headers["content-type"] == "image/png")
        #expect(preview.headers["cache-control"] == "no-store")
        let generic = try server.request("/handouts/plain/page-1.png?width=560")
        #expect(preview.body != generic.body, "the preview does not show the patient's details")

        let booklet = try server.post("/booklet", patient + [("procedures", "plain,epidural-steroid-injection")])
        #expect(booklet.status == 200)
        #expect(booklet.headers["content-disposition"] == "attachment; filename=\"your-procedures.pdf\"")
        let bookletText = try text(ofPDF: booklet.body)
        #expect(bookletText.contains(Self.secret) && bookletText.contains("Epidural Steroid Injection"))
        let bookletPreview = try server.post("/booklet/preview?page=2", patient + [("procedures", "plain,epidural-steroid-injection")])
        #expect(bookletPreview.status == 200 && bookletPreview.headers["content-type"] == "image/png")

        // An email draft to download: the handout attached, the patient nowhere an inbox shows.
        let draft = try server.post("/email", patient + [("procedures", "plain"), ("email_to", "zelda@example.org"), ("email_password", "")])
        #expect(draft.status == 200, "\(draft.text)")
        #expect(draft.headers["content-type"] == "message/rfc822")
        #expect(draft.headers["content-disposition"] == "attachment; filename=\"email.eml\"")
        #expect(draft.headers["cache-control"] == "no-store")
        let message = String(decoding: draft.body, as: UTF8.self)
        #expect(message.contains("\r\nTo: zelda@example.org\r\n") && message.contains("\r\nX-Unsent: 1\r\n"))
        let headers = message.components(separatedBy: "\r\n\r\n")[0]
        #expect(message.contains("filename=\"plain.pdf\"") && message.contains("Dear \(Self.secret),") && !headers.contains("Quintana"))
        let locked = try server.post("/email", patient + [("procedures", "plain,epidural-steroid-injection"), ("email_password", "heron-2291")])
        #expect(locked.status == 200)
        let lockedText = String(decoding: locked.body, as: UTF8.self)
        #expect(lockedText.contains("filename=\"your-procedures.pdf\"") && !lockedText.contains("heron-2291"))
        let badAddress = try server.post("/email", patient + [("procedures", "plain"), ("email_to", "zelda@@example")])
        #expect(badAddress.status == 400 && badAddress.text.contains("The patient&#39;s email is not an email address"), "\(badAddress.text.prefix(300))")

        server.stop()
        #expect(!server.output.contains(Self.secret) && !server.errors.contains(Self.secret))
        #expect(!server.output.contains("Zelda") && !server.errors.contains("Quintana"))
        #expect(server.errors.contains("POST /handouts/prep/pdf 200"), "\(server.errors)")
        #expect(!server.errors.contains("page=1"), "a query string was logged")
        #expect(server.leftovers.isEmpty, "left in HOME or TMPDIR: \(server.leftovers)")
        #expect(tree(content.deletingLastPathComponent()) == before, "files appeared in the project")
    }

    /// A handout written in two languages offers the choice on its form; the copy, its preview
    /// and its email draft come in the language picked. A basket offers only what all its handouts have.
    @Test func thePatientsLanguageIsAChoiceOnTheForm() throws {
        let content = try project()
        let server = try TestServer(content: content)
        let page = try server.request("/handouts/epidural-steroid-injection")
        #expect(page.text.contains("<select id=\"f-language\" name=\"language\"><option value=\"en\" selected>English</option><option value=\"es\">Español</option></select>"), "\(page.text)")
        // The fixture's handouts are English only: no choice to make.
        #expect(!(try server.request("/handouts/prep")).text.contains("f-language"))

        let pdf = try server.post("/handouts/epidural-steroid-injection/pdf", patient + [("language", "es")])
        #expect(pdf.status == 200, "\(pdf.text)")
        let spanish = try text(ofPDF: pdf.body)
        #expect(spanish.contains("PREPARADO PARA") && spanish.contains("jueves, 3 de diciembre de 2026") && spanish.contains("7:30 a. m."), "\(spanish)")
        #expect(spanish.contains("Inyección epidural de esteroides"))

        let english = try text(ofPDF: try server.post("/handouts/epidural-steroid-injection/pdf", patient).body)
        #expect(english.contains("PREPARED FOR") && english.contains("Thursday, December 3, 2026"))

        let refused = try server.post("/handouts/prep/pdf", patient + [("room", "12"), ("language", "es")])
        #expect(refused.status == 400)
        #expect(refused.text.contains("not written in"))
    }

    @Test func aBadFieldShowsTheFormAgainWithTheMessageBesideIt() throws {
        let server = try TestServer(content: try project())
        let bad = try server.post("/handouts/plain/pdf", [("patient_name", Self.secret), ("procedure_date", "03/12/2026")])
        #expect(bad.status == 400)
        #expect(bad.headers["content-type"] == "text/html; charset=utf-8")
        // The message sits in the date field's block, which is marked invalid and keeps what was typed.
        let block = try #require(bad.text.range(of: "<div class=\"field invalid\">").map { String(bad.text[$0.lowerBound...].prefix(900)) })
        #expect(block.contains("name=\"procedure_date\"") && block.contains("value=\"03/12/2026\"") && block.contains("aria-invalid=\"true\""))
        #expect(block.contains("is not a date. Write it as YYYY-MM-DD"))
        #expect(bad.text.contains("value=\"\(Self.secret)\""))
        #expect(bad.headers["cache-control"] == "no-store")
        let missing = try server.post("/handouts/prep/pdf", [("patient_name", "A"), ("arrival_time", "7:00"), ("procedure_date", "2026-01-05")])
        #expect(missing.status == 400)
        #expect(missing.text.contains("This handout uses this field; please fill it in."))
        let framed = try server.post("/handouts/plain/preview", [("procedure_date", "2026-01-05")], headers: ["Sec-Fetch-Dest": "iframe"])
        #expect(framed.status == 400 && framed.text.contains("Patient name: Please type the patient"))
        #expect(!framed.text.contains("<header"), "a framed answer carries no page header")
    }

    @Test func crossSiteRequestsAndOtherHostNamesAreRefused() throws {
        let server = try TestServer(content: try project())
        #expect(try server.post("/handouts/plain/pdf", patient, headers: ["Origin": "http://evil.example"]).status == 403)
        #expect(try server.post("/handouts/plain/pdf", patient, headers: ["Origin": "null"]).status == 403)
        #expect(try server.request("/handouts/plain/pdf", method: "POST", headers: ["Referer": "http://evil.example/page"], form: patient).status == 403)
        #expect(try server.request("/handouts/plain/pdf", method: "POST", headers: ["Referer": "\(server.origin)/handouts/plain"], form: patient).status == 200)
        #expect(try server.post("/print", patient + [("procedures", "plain")], headers: ["Origin": "https://evil.example"]).status == 403)
        // DNS rebinding: a page at another name that resolves here gets nothing.
        #expect(try server.request("/", headers: ["Host": "evil.example:\(server.port)"]).status == 403)
        let local = try server.request("/", headers: ["Host": "localhost:\(server.port)"])
        #expect(local.status == 200, "\(local.text)")
    }

    @Test func pathTricksUnknownPagesAndBigBodies() throws {
        let server = try TestServer(content: try project())
        for path in ["/handouts/..%2Fclinic", "/handouts/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/handouts/.hidden", "/handouts/no-such",
                     "/handouts/..%2Fclinic.pdf", "/handouts/plain/../../clinic.yaml", "/nope", "/static/../Package.swift"] {
            let response = try server.request(path)
            #expect(response.status == 404, "\(path): \(response.status)")
            #expect(!response.text.contains("Riverside Interventional Radiology\nphone"), "\(path) leaked a file")
        }
        #expect(try server.post("/handouts/no-such/pdf", patient).status == 404)
        let big = Data(("notes=" + String(repeating: "a", count: 70_000)).utf8)
        let tooBig = try server.request("/handouts/plain/pdf", method: "POST", headers: ["Origin": server.origin, "Content-Type": "application/x-www-form-urlencoded"], body: big)
        #expect(tooBig.status == 413)
        #expect(!tooBig.text.contains("Fatal") && !tooBig.text.contains("Swift/"))
    }

    @Test func aBrokenHandoutIsListedApartAndEditsShowWithoutARestart() throws {
        let content = try project()
        try Data("---\ntitle: [oops\n---\nBody\n".utf8).write(to: content.appendingPathComponent("procedures/broken.md"))
        let server = try TestServer(content: content)
        let index = try server.request("/")
        #expect(index.status == 200)
        #expect(index.text.contains("Needs attention") && index.text.contains("broken.md:2"))
        #expect(index.text.contains("Epidural Steroid Injection"))
        let file = content.appendingPathComponent("procedures/plain.md")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "title: ", with: "title: Newly Edited ")
        try Data(edited.utf8).write(to: file)
        #expect(try server.request("/").text.contains("Newly Edited"))
        #expect(try text(ofPDF: try server.request("/handouts/plain.pdf").body).contains("Newly Edited"))
    }

    @Test func anotherHostNeedsAToken() throws {
        let content = try project()
        let refused = try TestSupport.handout(["serve", "--host", "0.0.0.0", "--port", "0", "--content", content.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: --host:") && refused.stderr.contains("--token"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        let short = try TestSupport.handout(["serve", "--host", "0.0.0.0", "--port", "0", "--content", content.path], environment: ["HANDOUT_TOKEN": "short"])
        #expect(short.status == 1 && short.stderr.contains("16 characters"))

        let token = "correct-horse-battery-staple-42"
        let server = try TestServer(content: content, ["--host", "0.0.0.0"], environment: ["HANDOUT_TOKEN": token])
        #expect(try server.request("/").status == 303)
        #expect(try server.request("/handouts/plain.pdf").status == 303)
        #expect(try server.post("/handouts/plain/pdf", patient).status == 401)
        #expect(try server.request("/login").status == 200)
        #expect(try server.request("/", headers: ["Authorization": "Bearer \(token)"]).status == 200)
        #expect(try server.request("/", headers: ["Authorization": "Bearer wrong-wrong-wrong-wrong"]).status == 303)
        let wrong = try server.post("/login", [("token", "not-the-code-at-all")])
        #expect(wrong.status == 401 && wrong.headers["set-cookie"] == nil)
        let signIn = try server.post("/login", [("token", token)])
        #expect(signIn.status == 303)
        let cookie = try #require(signIn.headers["set-cookie"]?.split(separator: ";").first.map(String.init))
        #expect(signIn.headers["set-cookie"]?.contains("HttpOnly") == true && signIn.headers["set-cookie"]?.contains("SameSite=Strict") == true)
        #expect(try server.request("/", headers: ["Cookie": cookie]).status == 200)
        #expect(try server.post("/handouts/plain/pdf", patient, headers: ["Cookie": cookie]).status == 200)
        server.stop()
        #expect(!server.errors.contains(token) && !server.output.contains(token))
    }
}
