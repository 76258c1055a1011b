import Foundation
import Testing

/// `handout print`, `handout printers` and the page's Print button, against a virtual printer each
/// test starts: the job arrives with the patient's details and the right pages, and no file is written.
@Suite struct PrintCommandTests {
    static let secret = "Imogen Varga-Lindqvist"
    static let content = TestSupport.packageRoot.appendingPathComponent("Content")

    /// The error lines a command printed (the default handouts also warn about their placeholders).
    func errors(_ result: TestSupport.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("warning: ") }
    }

    /// Job files the printer kept, oldest first.
    func jobs(_ printer: VirtualPrinter) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: printer.spool.path).filter { $0.hasSuffix(".pdf") }
            .sorted { Int($0.prefix { $0.isNumber }) ?? 0 < Int($1.prefix { $0.isNumber }) ?? 0 }
            .map { printer.spool.appendingPathComponent($0) }
    }

    @Test func printSendsThePatientsBookletAndWritesNoFile() async throws {
        try await VirtualPrinter.run { printer in
            let project = try TestSupport.temporaryFolder()
            try FileManager.default.copyItem(at: Self.content, to: project.appendingPathComponent("Content"))
            let result = try TestSupport.handout([
                "print", "epidural-steroid-injection", "facet-joint-injection", "--content", project.appendingPathComponent("Content").path,
                "--printer", printer.uri, "--copies", "2", "--sides", "two-sided-long-edge", "--field", "patient_name=\(Self.secret)",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("job 1"), "\(result.stdout)")
            let job = try #require(try await printer.spooledFile(title: "your-procedures", size: 1))
            let text = try TestSupport.text(job)
            #expect(text.contains(Self.secret) && text.contains("Facet Joint Injection and Denervation"))
            let pages = try TestSupport.pageCount(job)
            #expect(result.stdout.contains("\(pages) pages × 2, two-sided-long-edge"), "\(result.stdout)")
            let attributes = try VirtualPrinter.jobAttributes(printer.uri + "/1")
            #expect(attributes["copies"] == "2" && attributes["sides"] == "two-sided-long-edge", "\(attributes)")
            #expect(!result.stdout.contains(Self.secret) && !result.stderr.contains(Self.secret))
            #expect(try FileManager.default.contentsOfDirectory(atPath: project.path) == ["Content"], "print wrote a file")
        }
    }

    @Test func printersListsTheQueuesAndABadPrinterIsOneLine() async throws {
        try await VirtualPrinter.run { printer in
            let listed = try TestSupport.handout(["printers"], environment: ["CUPS_SERVER": printer.cupsServer])
            #expect(listed.status == 0, "\(listed.stderr)")
            let rows = listed.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            #expect(rows.map { Array($0.prefix(3)) } == [["FrontDesk", "default", "idle"], ["BackOffice", "-", "idle"]])

            let byName = try TestSupport.handout(
                ["print", "epidural-steroid-injection", "--content", Self.content.path, "--printer", "FrontDesk"],
                environment: ["CUPS_SERVER": printer.cupsServer])
            #expect(byName.status == 0, "\(byName.stderr)")
            #expect(try await printer.spooledFile(title: "epidural-steroid-injection", size: 1) != nil)

            let unknown = try TestSupport.handout(
                ["print", "epidural-steroid-injection", "--content", Self.content.path, "--printer", "Upstairs"],
                environment: ["CUPS_SERVER": printer.cupsServer])
            #expect(unknown.status == 1)
            #expect(errors(unknown) == ["error: there is no printer queue named Upstairs: use one CUPS knows (FrontDesk, BackOffice) or the printer's ipp:// address"])
        }
        let closed = try TestSupport.handout(
            ["print", "epidural-steroid-injection", "--content", Self.content.path, "--printer", "ipp://127.0.0.1:9/ipp/print"])
        #expect(closed.status == 1)
        #expect(errors(closed).count == 1, "\(closed.stderr)")
        #expect(!closed.stderr.contains("Fatal"))
    }

    @Test func thePagesPrintButtonSendsTheJobAndSaysWhichOne() async throws {
        try await VirtualPrinter.run { printer in
            let server = try TestServer(content: Self.content, ["--printer", printer.uri])
            let patient = [("patient_name", Self.secret), ("procedure_date", "2026-12-03")]
            let page = try server.request("/handouts/radiofrequency-ablation")
            #expect(page.text.contains("<option value=\"\(printer.uri)\" selected>"))

            let sent = try server.post("/print", patient + [
                ("procedures", "radiofrequency-ablation"), ("printer", printer.uri), ("copies", "1"), ("sides", "two-sided-long-edge"),
            ])
            #expect(sent.status == 200, "\(sent.text)")
            #expect(sent.headers["cache-control"] == "no-store")
            let job = try #require(try await printer.spooledFile(title: "radiofrequency-ablation", size: 1))
            let pages = try TestSupport.pageCount(job)
            #expect(sent.text.contains("Printer at localhost: Job 1."), "\(sent.text)")
            #expect(sent.text.contains("\(pages) page\(pages == 1 ? "" : "s"), 1 copy, both sides."))
            #expect(try TestSupport.text(job).contains(Self.secret))

            // Only a printer the page offers: never an address a form makes up.
            let elsewhere = try server.post("/print", patient + [("procedures", "radiofrequency-ablation"), ("printer", "ipp://10.0.0.9/ipp/print")])
            #expect(elsewhere.status == 400 && elsewhere.text.contains("Pick a printer from the list"))
            let tooMany = try server.post("/print", patient + [("procedures", "radiofrequency-ablation"), ("copies", "500")])
            #expect(tooMany.status == 400)
            server.stop()
            #expect(!server.errors.contains(Self.secret) && server.leftovers.isEmpty)
        }
    }
}
