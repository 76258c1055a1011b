import Foundation
import Testing
@testable import HandoutKit

/// Personalized copies and batches: exact text, privacy, safe names, bad rows, and nothing lost.
@Suite struct PersonalTests {
    static let content = TestSupport.fixtures.appendingPathComponent("Personal")

    /// Names that must print exactly as given.
    static let hardNames = [
        "Maria López", "<b>Bold</b> & **x** [a](https://evil.example) {{physician}}", "مريم الحسن", "Zoë Ødegård 😀",
    ]

    /// Removes the bidi controls pdftotext puts around right-to-left runs.
    func plain(_ text: String) -> String {
        String(text.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value) })
    }

    func render(_ slug: String, fields: [String: String], content: URL = content) throws -> (TestSupport.Result, URL) {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("out")
        var args = ["render", slug, "--content", content.path, "--output", output.path]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { args += ["--field", "\(key)=\(value)"] }
        return (try TestSupport.handout(args), output.appendingPathComponent(slug + ".pdf"))
    }

    @Test(arguments: hardNames)
    func namesPrintExactlyAndStayOutOfMetadataAndLogs(name: String) throws {
        let (result, pdf) = try render("prep", fields: [
            "patient_name": name, "physician": "Dr. Ana Ruiz", "arrival_time": "14:30", "procedure_date": "2026-12-03",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // Whitespace collapsed: a long name may wrap in the body.
        let text = plain(try TestSupport.text(pdf)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // In the Prepared-for box, in the body's {{patient_name}} and in the clinic's disclaimer.
        #expect(text.components(separatedBy: name).count - 1 >= 3, "\(name) not printed exactly:\n\(text)")
        #expect(text.contains("Come at 2:30 PM on Thursday, December 3, 2026."))
        #expect(text.contains("your doctor is Dr. Ana Ruiz"))
        for value in try TestSupport.info(pdf).values { #expect(!value.contains(name)) }
        #expect(!result.stderr.contains(name) && !result.stdout.contains(name))
        // A value is never a link, nor Markdown, nor a template.
        let json = try TestSupport.run("qpdf", ["--json", pdf.path]).stdout
        #expect(!json.contains("evil.example"))
        let mode = try FileManager.default.attributesOfItem(atPath: pdf.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func optionalSectionsAndMissingFields() throws {
        let (with, withPDF) = try render("prep", fields: ["patient_name": "A", "physician": "B", "arrival_time": "7:00", "procedure_date": "2026-01-05", "room": "12"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(try TestSupport.text(withPDF).contains("Please go to room 12."))
        let (without, withoutPDF) = try render("prep", fields: ["patient_name": "A", "physician": "B", "arrival_time": "7:00", "procedure_date": "2026-01-05"])
        #expect(without.status == 0)
        #expect(!(try TestSupport.text(withoutPDF)).contains("Please go to room"))
        // {{physician}} is used on line 6 of prep.md; leaving it out names file, line and field.
        let (missing, missingPDF) = try render("prep", fields: ["patient_name": "Secret Name", "arrival_time": "7:00", "procedure_date": "2026-01-05"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("prep.md:6: 'physician'"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("Secret Name"))
        #expect(!FileManager.default.fileExists(atPath: missingPDF.path))
    }

    @Test func badFieldsNameTheFieldNotTheValue() throws {
        let (date, _) = try render("plain", fields: ["patient_name": "Private Person", "procedure_date": "31/13/2026"])
        #expect(date.status != 0)
        #expect(date.stderr.contains("procedure_date") && date.stderr.contains("YYYY-MM-DD"))
        #expect(!date.stderr.contains("31/13/2026") && !date.stderr.contains("Private Person"))
        let (name, _) = try render("plain", fields: ["physician": "Dr. X"])
        #expect(name.stderr.contains("patient_name"))
    }

    // MARK: Batch

    func writeCSV(_ rows: [[String]], header: [String] = ["procedure", "patient_name", "procedure_date", "arrival_time", "physician", "notes", "label"]) throws -> URL {
        func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let text = ([header] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let url = try TestSupport.temporaryFolder().appendingPathComponent("patients.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    func batch(_ file: URL, _ extra: [String] = [], output: URL? = nil) throws -> (TestSupport.Result, URL) {
        let out = try output ?? TestSupport.temporaryFolder().appendingPathComponent("batch")
        let result = try TestSupport.handout(["batch", file.path, "--content", Self.content.path, "--output", out.path] + extra)
        return (result, out)
    }

    func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func badRowsAreReportedByNumberAndTheRestWritten() throws {
        let csv = try writeCSV([
            ["plain", "Alice Good", "2026-12-03", "8:00", "Dr. A", "", ""],
            ["nope", "Bob Unknown", "2026-12-03", "", "", "", ""],
            ["plain", "", "2026-12-03", "", "", "", ""],
            ["plain", "Carol Date", "2026-13-40", "", "", "", ""],
            ["plain", String(repeating: "L", count: 101), "", "", "", "", ""],
            ["prep", "Dave Nodoc", "2026-12-03", "9:00", "", "", ""],
            ["prep;plain", "Erin Booklet", "2026-12-03", "9:00", "Dr. B", "Bring your list.\nNo food after midnight.", ""],
        ])
        let (result, out) = try batch(csv)
        #expect(result.status != 0)
        // Rows as a spreadsheet numbers them: the header is row 1.
        #expect(files(out) == ["2-plain.pdf", "8-prep_plain.pdf"])
        let errors = result.stderr
        #expect(errors.contains("row 3: unknown procedure 'nope'"))
        #expect(errors.contains("row 4: patient_name is missing"))
        #expect(errors.contains("row 5: procedure_date is not a date"))
        #expect(errors.contains("row 6: patient_name is longer than 100 characters"))
        #expect(errors.contains("row 7: ") && errors.contains("prep.md:6: 'physician'"))
        for secret in ["Alice Good", "Bob Unknown", "Carol Date", "Dave Nodoc", "Erin Booklet", "LLLLLLLLLL"] {
            #expect(!errors.contains(secret) && !result.stdout.contains(secret), "\(secret) leaked")
        }
        #expect(result.stdout.contains("written 2, failed 5"))
        let folderMode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        // Several procedures make the patient's own booklet, their details on its cover.
        let booklet = out.appendingPathComponent("8-prep_plain.pdf")
        #expect(try TestSupport.text(booklet, page: 1).contains("Erin Booklet"))
        #expect(try TestSupport.text(booklet, page: 1).contains("No food after midnight."))
        #expect(try TestSupport.info(booklet)["Title"] == "Your procedures")
    }

    @Test func hostileNamesStayInsideTheOutputFolder() throws {
        let hostile = ["../../x", "/etc/passwd", ".hidden", String(repeating: "é", count: 300), "a/../../b", "same", "SAME", "CON:*?|<>"]
        let csv = try writeCSV(hostile.enumerated().map { ["plain", "Patient \($0.offset)", "", "", "", "", $0.element] })
        let (result, out) = try batch(csv, ["--name", "{label}.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = files(out)
        #expect(names.count == hostile.count)
        for name in names {
            #expect(name.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._-]*\.pdf/) != nil, "unsafe name \(name)")
            #expect(name.count <= 100)
        }
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("x.pdf").path))
        #expect(names.allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func jobsDoNotChangeTheBytes() throws {
        let csv = try writeCSV((1...12).map { i in
            [i % 4 == 0 ? "prep;plain" : (i % 2 == 0 ? "prep" : "plain"), "Patient \(i) Ñandú", "2026-12-0\(i % 9 + 1)", "7:\(10 + i)", "Dr. \(i)", i % 3 == 0 ? "Note \(i)" : "", ""]
        })
        let (one, outOne) = try batch(csv, ["--jobs", "1"])
        let (two, outTwo) = try batch(csv, ["--jobs", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(files(outOne) == files(outTwo))
        #expect(files(outOne).count == 12)
        for name in files(outOne) {
            #expect(try Data(contentsOf: outOne.appendingPathComponent(name)) == Data(contentsOf: outTwo.appendingPathComponent(name)), "\(name) differs")
        }
    }

    @Test func jsonLinesWork() throws {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("rows.jsonl")
        try Data("""
            {"procedure": "plain", "patient_name": "Jay", "procedure_date": "2026-12-03"}
            not json
            {"procedure": "plain", "patient_name": "Kay", "extra": 42}
            """.utf8).write(to: url)
        let (result, out) = try batch(url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("row 2: is not a JSON object"), "JSON Lines rows are lines")
        #expect(files(out) == ["1-plain.pdf", "3-plain.pdf"])
    }

    @Test func aKilledBatchLeavesOnlyCompleteFilesAndTheRerunFinishes() throws {
        let csv = try writeCSV((1...600).map { ["plain", "Patient \($0)", "2026-12-03", "", "", "", ""] })
        let out = try TestSupport.temporaryFolder().appendingPathComponent("batch")
        let process = Process()
        process.executableURL = TestSupport.handout
        process.arguments = ["batch", csv.path, "--content", Self.content.path, "--output", out.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it mid-batch, once some files are out.
        let deadline = Date().addingTimeInterval(60)
        while files(out).filter({ $0.hasSuffix(".pdf") }).count < 20, process.isRunning, Date() < deadline { usleep(5_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let finals = files(out).filter { !$0.hasPrefix(".") }
        #expect(finals.count < 600, "the batch finished before it was killed")
        for name in finals {
            let bytes = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(bytes.starts(with: Data("%PDF-".utf8)) && String(decoding: bytes.suffix(8), as: UTF8.self).contains("%%EOF"), "\(name) is partial")
        }
        if let sample = finals.first {
            #expect(try TestSupport.run("qpdf", ["--check", out.appendingPathComponent(sample).path]).status == 0)
        }
        let (rerun, _) = try batch(csv, ["--skip-existing"], output: out)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("skipped \(finals.count) already done"))
        #expect(files(out).count == 600)
        #expect(files(out).allSatisfy { !$0.hasSuffix(".partial") }, "stray temp files left")
    }
}

/// File names and field checks, without rendering.
@Suite struct PersonalUnitTests {
    @Test func sanitizedNames() {
        #expect(FileNamer.sanitize("../../etc/passwd") == "etc_passwd.pdf")
        #expect(FileNamer.sanitize("María López.pdf") == "Maria_Lopez.pdf")
        #expect(FileNamer.sanitize(".hidden") == "hidden.pdf")
        #expect(FileNamer.sanitize("") == "handout.pdf")
        #expect(FileNamer.sanitize(String(repeating: "a", count: 300)).count == 100)
        #expect(FileNamer.sanitize(String(repeating: "é", count: 300)).count == 100)
        var namer = FileNamer(pattern: "{patient_name}")
        #expect(namer.name(row: 1, procedure: "p", fields: ["patient_name": "Ann"]) == "Ann.pdf")
        #expect(namer.name(row: 2, procedure: "p", fields: ["patient_name": "ann"]) == "ann-2.pdf")
    }

    @Test func patientFields() throws {
        let patient = try Patient(fields: ["patient_name": " Ann \n Lee ", "arrival_time": "19:05", "procedure_date": "2026-12-03", "notes": "a\nb"])
        #expect(patient.name == "Ann Lee")
        #expect(patient.arrivalTime == "7:05 PM")
        #expect(patient.notes == "a\nb")
        #expect(patient.displayValues()["procedure_date"] == "Thursday, December 3, 2026")
        #expect(Patient.clockTime("12:00 am") == "12:00 AM")
        #expect(Patient.clockTime("25:00") == nil)
        #expect(throws: Patient.Problem.self) { try Patient(fields: ["patient_name": "A", "arrival_time": "soon"]) }
    }
}
