import Foundation
import HandoutBindings
import Testing

/// Printing through libcups, against a private printer and scheduler that each test starts itself
/// (scripts/virtual-printer): what arrives, with which options, and how each failure reads.
@Suite struct PrintingTests {
    /// A real two-page PDF made with Handout's own cairo bindings.
    static func samplePDF() throws -> [UInt8] {
        let surface = try PDFSurface(size: Size(width: 595, height: 842))
        surface.setMetadata(.title, "Printing test")
        let context = try GraphicsContext(drawingOn: surface)
        for page in 0..<2 {
            context.fill(
                Rect(x: 72, y: 72 + Double(page) * 100, width: 200, height: 50),
                color: Color(red: 0.1, green: 0.3, blue: 0.6))
            context.showPage()
        }
        try context.checkStatus()
        return try surface.finish()
    }

    static func bytes(_ file: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: file)) }

    // MARK: Straight to the printer's URI

    @Test func aPDFSentToTheURIArrivesByteForByte() async throws {
        let pdf = try Self.samplePDF()
        try await VirtualPrinter.run { printer in
            let receipt = try Cups.submit(pdf, to: printer.uri, title: "uri-bytes", copies: 1, sides: .oneSided)
            #expect(receipt.printer == printer.uri)
            #expect(receipt.jobID > 0)
            let file = try #require(
                try await printer.spooledFile(title: "uri-bytes", size: pdf.count), "no job in \(printer.spool.path)")
            #expect(try Self.bytes(file) == pdf)
            #expect(try TestSupport.pageCount(file) == 2)
        }
    }

    @Test(arguments: [(2, PrintSides.twoSidedLongEdge), (1, PrintSides.oneSided)])
    func copiesAndSidesReachThePrintersJob(copies: Int, sides: PrintSides) async throws {
        let pdf = try Self.samplePDF()
        try await VirtualPrinter.run { printer in
            let receipt = try Cups.submit(pdf, to: printer.uri, title: "uri-options", copies: copies, sides: sides)
            let job = try VirtualPrinter.jobAttributes("\(printer.uri)/\(receipt.jobID)")
            #expect(job["copies"] == String(copies))
            #expect(job["sides"] == sides.rawValue)
            #expect(job["job-name"] == "uri-options")
            #expect(job["document-format-supplied"] == "application/pdf")
        }
    }

    @Test func anUnreachablePrinterFailsPromptlyOnOneLine() throws {
        let pdf = try Self.samplePDF()
        let port = try ClosedPort()
        let uri = "ipp://127.0.0.1:\(port.number)/ipp/print"
        let started = ContinuousClock.now
        let error = try #require(throws: PrintError.self) {
            try Cups.submit(pdf, to: uri, title: "nowhere", copies: 1, sides: .oneSided)
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(error.kind == .unreachable)
        #expect(error.description.hasPrefix("cannot reach the printer at \(uri) ("))
        #expect(error.description.hasSuffix("the printer is off or the address is wrong"))
        #expect(!error.description.contains { $0.isNewline })
        withExtendedLifetime(port) {}
    }

    @Test func badRequestsAreRefusedBeforeAnythingIsSent() throws {
        let pdf = try Self.samplePDF()
        let port = try ClosedPort()  // were anything sent, the error would be .unreachable instead
        let uri = "ipp://127.0.0.1:\(port.number)/ipp/print"
        let requests: [(bytes: [UInt8], destination: String, copies: Int)] = [
            (pdf, uri, 0), (pdf, uri, 100), ([], uri, 1), (Array("hello".utf8), uri, 1),
            (pdf, "lpd://127.0.0.1/queue", 1), (pdf, "Front Desk", 1),
        ]
        for request in requests {
            let error = try #require(throws: PrintError.self) {
                try Cups.submit(request.bytes, to: request.destination, title: "bad", copies: request.copies, sides: .oneSided)
            }
            #expect(error.kind == .invalidJob, "\(request.destination), \(request.copies) copies: \(error)")
        }
        withExtendedLifetime(port) {}
    }

    // MARK: Through a CUPS scheduler's queues

    @Test func destinationsListTheQueuesWithTheirStateDefaultFirstThenByName() async throws {
        try await VirtualPrinter.run { printer in
            try printer.admin("lpadmin", ["-p", "Annex", "-v", printer.uri, "-E"])
            try printer.admin("cupsdisable", ["-r", "Out of paper", "BackOffice"])
            let destinations = try Cups.destinations(server: printer.cupsServer)
            #expect(destinations.map(\.name) == ["FrontDesk", "Annex", "BackOffice"])
            #expect(destinations.map(\.isDefault) == [true, false, false])
            #expect(destinations.map(\.state) == [.idle, .idle, .stopped])
            #expect(destinations.last?.message == "Out of paper")
            #expect(destinations.map(\.uri) == [printer.uri, printer.uri, printer.uri])
        }
    }

    @Test func aJobSentToAQueueArrivesByteForByteWithItsOptions() async throws {
        let pdf = try Self.samplePDF()
        try await VirtualPrinter.run { printer in
            let receipt = try Cups.submit(
                pdf, to: "FrontDesk", title: "queue-bytes", copies: 2, sides: .twoSidedLongEdge,
                server: printer.cupsServer)
            #expect(receipt.printer == "FrontDesk")
            let job = try VirtualPrinter.jobAttributes("ipp://\(printer.cupsServer)/jobs/\(receipt.jobID)")
            #expect(job["copies"] == "2")
            #expect(job["sides"] == "two-sided-long-edge")
            let file = try #require(
                try await printer.spooledFile(title: "queue-bytes", size: pdf.count), "no job in \(printer.spool.path)")
            #expect(try Self.bytes(file) == pdf)
        }
    }

    @Test func aStoppedQueueIsRefusedWithHowToResumeIt() async throws {
        let pdf = try Self.samplePDF()
        try await VirtualPrinter.run { printer in
            try printer.admin("cupsdisable", ["-r", "Paper jam", "FrontDesk"])
            let error = try #require(throws: PrintError.self) {
                try Cups.submit(pdf, to: "FrontDesk", title: "stopped", server: printer.cupsServer)
            }
            #expect(error.kind == .stopped)
            #expect(error.description.contains("FrontDesk is stopped (Paper jam)"))
            #expect(error.description.contains("`cupsenable FrontDesk`"))
            #expect(!error.description.contains { $0.isNewline })
            // Once resumed, the same job goes through: the refusal came from the queue's state alone.
            try printer.admin("cupsenable", ["FrontDesk"])
            let receipt = try Cups.submit(pdf, to: "FrontDesk", title: "resumed", server: printer.cupsServer)
            #expect(receipt.jobID > 0)
        }
    }

    @Test func aQueueRejectingJobsIsRefusedInCUPSOwnWords() async throws {
        let pdf = try Self.samplePDF()
        try await VirtualPrinter.run { printer in
            try printer.admin("cupsreject", ["-r", "Closed for the day", "FrontDesk"])
            let error = try #require(throws: PrintError.self) {
                try Cups.submit(pdf, to: "FrontDesk", title: "rejected", server: printer.cupsServer)
            }
            #expect(error.kind == .refused)
            #expect(error.description.contains("not accepting jobs"))  // cupsLastErrorString()
            #expect(error.description.contains("`cupsaccept FrontDesk`"))
            #expect(!error.description.contains { $0.isNewline })
        }
    }

    @Test func anUnknownQueueNameListsTheKnownOnes() async throws {
        let pdf = try Self.samplePDF()
        try await VirtualPrinter.run { printer in
            let error = try #require(throws: PrintError.self) {
                try Cups.submit(pdf, to: "Reception", title: "unknown", server: printer.cupsServer)
            }
            #expect(error.kind == .unknownQueue)
            #expect(
                error.description
                    == "there is no printer queue named Reception: use one CUPS knows (FrontDesk, BackOffice) or the printer's ipp:// address")
        }
    }

    @Test func aSchedulerThatIsNotRunningIsReportedWithTheFix() throws {
        let pdf = try Self.samplePDF()
        let port = try ClosedPort()
        let server = "127.0.0.1:\(port.number)"
        let started = ContinuousClock.now
        let listing = try #require(throws: PrintError.self) { try Cups.destinations(server: server) }
        let printing = try #require(throws: PrintError.self) {
            try Cups.submit(pdf, to: "FrontDesk", title: "no-cups", server: server)
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        for error in [listing, printing] {
            #expect(error.kind == .schedulerUnavailable)
            #expect(error.description.hasPrefix("cannot reach CUPS at \(server) ("))
            #expect(error.description.contains("CUPS is not running there"))
            #expect(!error.description.contains { $0.isNewline })
        }
        withExtendedLifetime(port) {}
    }
}
