import Foundation
import Testing

/// A patient's copy from the command line never touches the clinic's generic one: it goes to a
/// new file in Output/personal/, named without patient data, readable by its owner only.
@Suite struct PersonalCopyTests {
    let patient = ["--field", "patient_name=Maria López", "--field", "procedure_date=2026-12-03", "--field", "physician=Dr. Ana Ruiz"]

    /// A project holding a copy of the personalization fixtures.
    func project() throws -> (project: URL, content: String) {
        let project = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("Personal"), to: project.appendingPathComponent("Content"))
        return (project, project.appendingPathComponent("Content").path)
    }

    func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func mode(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! Int
    }

    @Test func personalizedRendersGoToNewFilesInPersonal() throws {
        let (project, content) = try project()
        let generic = try TestSupport.handout(["render", "plain", "--content", content])
        #expect(generic.status == 0, "\(generic.stderr)")
        let genericPDF = project.appendingPathComponent("Output/plain.pdf")
        let genericBytes = try Data(contentsOf: genericPDF)

        let first = try TestSupport.handout(["render", "plain", "--content", content] + patient)
        let second = try TestSupport.handout(["render", "plain", "--content", content, "--field", "patient_name=John Smith"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let personal = project.appendingPathComponent("Output/personal")
        #expect(files(personal) == ["plain-2.pdf", "plain.pdf"])
        #expect(try Data(contentsOf: genericPDF) == genericBytes, "the generic copy changed")
        #expect(try TestSupport.text(personal.appendingPathComponent("plain.pdf")).contains("Maria López"))
        #expect(try TestSupport.text(personal.appendingPathComponent("plain-2.pdf")).contains("John Smith"))
        #expect(try mode(personal) == 0o700)
        #expect(try mode(personal.appendingPathComponent("plain.pdf")) == 0o600)
        #expect(first.stdout.hasPrefix(personal.appendingPathComponent("plain.pdf").path), "\(first.stdout)")
        #expect(!first.stdout.contains("López") && !first.stderr.contains("López"))
    }

    @Test func outputFileWinsAndNamePatternAsInBatch() throws {
        let (project, content) = try project()
        let chosen = try TestSupport.temporaryFolder().appendingPathComponent("for-maria.pdf")
        let explicit = try TestSupport.handout(["render", "plain", "--content", content, "--output", chosen.path] + patient)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try mode(chosen) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Output").path))

        let named = try TestSupport.handout(["render", "plain", "--content", content, "--name", "{procedure}-{procedure_date}.pdf"] + patient)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(files(project.appendingPathComponent("Output/personal")) == ["plain-2026-12-03.pdf"])
    }

    @Test func previewAndBookletTakeFields() throws {
        let (project, content) = try project()
        let preview = try TestSupport.handout(["preview", "plain", "--content", content] + patient)
        #expect(preview.status == 0, "\(preview.stderr)")
        let booklet = try TestSupport.handout(["booklet", "--procedures", "plain,prep", "--content", content, "--field", "room=12", "--field", "arrival_time=7:30"] + patient)
        #expect(booklet.status == 0, "\(booklet.stderr)")
        let personal = project.appendingPathComponent("Output/personal")
        #expect(files(personal) == ["plain-p1.png", "your-procedures.pdf"])
        let png = try Data(contentsOf: personal.appendingPathComponent("plain-p1.png"))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let text = try TestSupport.text(personal.appendingPathComponent("your-procedures.pdf"))
        #expect(text.contains("Maria López") && text.contains("Please go to room 12."))
        #expect(try mode(personal.appendingPathComponent("your-procedures.pdf")) == 0o600)
        // The generic preview of the same handout differs: it has no name on it.
        let generic = try TestSupport.handout(["preview", "plain", "--content", content])
        #expect(generic.status == 0)
        #expect(try Data(contentsOf: project.appendingPathComponent("Output/plain-p1.png")) != png)
    }

    /// Bookmarks show in file listings and previews, like metadata: a heading that names the
    /// patient is bookmarked with the name left out, in the patient's copy and in the generic one.
    @Test func bookmarksNeverHoldThePatientsDetails() throws {
        let (project, content) = try project()
        try Data("---\ntitle: Headings\n---\n## Getting ready, {{patient_name}}\n\nText.\n\n## {{#physician}}Questions for {{physician}}{{/physician}} at {{clinic.phone}}\n\nMore.\n".utf8)
            .write(to: URL(fileURLWithPath: content).appendingPathComponent("procedures/headings.md"))
        let personal = try TestSupport.handout(["render", "headings", "--content", content, "--output", project.appendingPathComponent("p.pdf").path] + patient)
        let generic = try TestSupport.handout(["render", "headings", "--content", content, "--output", project.appendingPathComponent("g.pdf").path])
        #expect(personal.status == 0 && generic.status == 0, "\(personal.stderr)\(generic.stderr)")
        for name in ["p.pdf", "g.pdf"] {
            let json = try JSONSerialization.jsonObject(with: Data(try TestSupport.run("qpdf", ["--json", project.appendingPathComponent(name).path]).stdout.utf8)) as! [String: Any]
            let titles = (json["outlines"] as! [[String: Any]]).map { $0["title"] as! String }
            #expect(titles == ["Getting ready,", "at (555) 010-4400"], "\(name): \(titles)")
        }
        let text = try TestSupport.text(project.appendingPathComponent("p.pdf"))
        #expect(text.contains("Getting ready, Maria López") && text.contains("Questions for Dr. Ana Ruiz at"), "the page itself is personalized")
    }
}

/// Clinic fields in content, and the clinic's generic copy of a handout written for patients.
@Suite struct ContentFieldTests {
    func project(handout: String, clinicExtra: String = "") throws -> String {
        let project = try TestSupport.temporaryFolder()
        let content = project.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("Personal"), to: content)
        try Data(handout.utf8).write(to: content.appendingPathComponent("procedures/calls.md"))
        if !clinicExtra.isEmpty {
            let file = content.appendingPathComponent("clinic.yaml")
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "website:", with: clinicExtra + "\nwebsite:")
            try Data(text.utf8).write(to: file)
        }
        return content.path
    }

    @Test func aGenericCopyHasWriteInLinesAndLeavesOutSections() throws {
        let output = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(["render", "prep", "--content", TestSupport.fixtures.appendingPathComponent("Personal").path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try TestSupport.text(output.appendingPathComponent("prep.pdf"))
        #expect(text.contains("Dear __________, your doctor is __________."), "\(text)")
        #expect(!text.contains("{{") && !text.contains("Please go to room"))
    }

    @Test func clinicFieldsFillEveryCopy() throws {
        let content = try project(
            handout: "---\ntitle: Calls\n---\nCall {{clinic.phone}}, at night {{clinic.after_hours_phone}}. {{clinic.name}}.\n",
            clinicExtra: "after_hours_phone: (555) 010-4499")
        let output = try TestSupport.temporaryFolder()
        #expect(try TestSupport.handout(["render", "calls", "--content", content, "--output", output.path]).status == 0)
        let personal = try TestSupport.handout(["render", "calls", "--content", content, "--output", output.appendingPathComponent("p.pdf").path, "--field", "patient_name=Ann"])
        #expect(personal.status == 0, "\(personal.stderr)")
        for file in ["calls.pdf", "p.pdf"] {
            let words = TestSupport.words(try TestSupport.text(output.appendingPathComponent(file)))
            #expect(TestSupport.containsInOrder(words, TestSupport.words("Call (555) 010-4400, at night (555) 010-4499. Riverside Interventional Radiology.")), "\(file)")
        }
    }

    @Test func aMissingOrUnknownClinicFieldIsOneClearLine() throws {
        let missing = try project(handout: "---\ntitle: Calls\n---\nFirst line.\n\nAt night call {{clinic.after_hours_phone}}.\n")
        let output = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(["render", "calls", "--content", missing, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("calls.md:6: 'clinic.after_hours_phone': is used here but"), "\(result.stderr)")
        #expect(result.stderr.contains("add a line such as `after_hours_phone:"))
        let unknown = try project(handout: "---\ntitle: Calls\n---\nFax us at {{clinic.fax}}.\n")
        let other = try TestSupport.handout(["render", "calls", "--content", unknown, "--output", output.path])
        #expect(other.status == 1)
        #expect(other.stderr.contains("calls.md:4: 'clinic.fax': is not a clinic field; use one of {{clinic.address}}, {{clinic.name}}"), "\(other.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }
}
