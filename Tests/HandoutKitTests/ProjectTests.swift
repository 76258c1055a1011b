import Foundation
import Testing
@testable import HandoutKit

/// Where files are found: a project is the folder holding Content/, wherever the tool starts;
/// layouts come from the project, then the current folder, then the ones Handout ships.
@Suite struct ProjectTests {
    /// A project folder holding a copy of the fixture content and nothing else.
    func project() throws -> URL {
        let project = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("Content"), to: project.appendingPathComponent("Content"))
        return project
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func outputGoesNextToContentWhereverTheToolStarts() throws {
        let project = try project()
        let elsewhere = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(
            ["render", "kitchen-sink", "--content", project.appendingPathComponent("Content").path, "--layout", "large-print"], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = project.appendingPathComponent("Output/kitchen-sink.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        // large-print is found among the shipped layouts: the project has no Layouts/ of its own.
        let fonts = try TestSupport.run("pdffonts", [pdf.path]).stdout
        #expect(try TestSupport.pageCount(pdf) > 2, "large print takes more pages: \(fonts)")
    }

    @Test func theProjectsOwnLayoutComesFirstThenTheCurrentFolders() throws {
        let project = try project()
        let content = project.appendingPathComponent("Content").path
        let elsewhere = try TestSupport.temporaryFolder()
        try write("page:\n  size: a4\n", to: elsewhere.appendingPathComponent("Layouts/clinic.yaml"))
        let fromCurrent = try TestSupport.handout(["render", "kitchen-sink", "--content", content, "--layout", "clinic"], in: elsewhere)
        #expect(fromCurrent.status == 0, "\(fromCurrent.stderr)")
        #expect(try TestSupport.info(project.appendingPathComponent("Output/kitchen-sink.pdf"))["Page size"]?.contains("595.") == true)

        try write("page:\n  size: legal\n", to: project.appendingPathComponent("Layouts/clinic.yaml"))
        let fromProject = try TestSupport.handout(["render", "kitchen-sink", "--content", content, "--layout", "clinic"], in: elsewhere)
        #expect(fromProject.status == 0, "\(fromProject.stderr)")
        #expect(try TestSupport.info(project.appendingPathComponent("Output/kitchen-sink.pdf"))["Page size"]?.contains("612 x 1008") == true)

        // A project letter.yaml is the default over the shipped one.
        try write("page:\n  size: a4\n", to: project.appendingPathComponent("Layouts/letter.yaml"))
        #expect(try TestSupport.handout(["render", "kitchen-sink", "--content", content], in: elsewhere).status == 0)
        #expect(try TestSupport.info(project.appendingPathComponent("Output/kitchen-sink.pdf"))["Page size"]?.contains("595.") == true)
    }

    @Test func noContentFolderIsAClearError() throws {
        let empty = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(["render", "--all"], in: empty)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: Content: no content folder here"), "\(result.stderr)")
        #expect(result.stderr.contains("--content"))
    }

    @Test func anEditedHandoutIsReadAgain() throws {
        let project = try project()
        let library = ContentLibrary(workspace: Workspace(content: project.appendingPathComponent("Content")))
        var warnings: [Warning] = []
        let file = project.appendingPathComponent("Content/procedures/kitchen-sink.md")
        let first = try library.procedure("kitchen-sink", warnings: &warnings)
        #expect(try library.procedure("kitchen-sink", warnings: &warnings).contentDigest == first.contentDigest)
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "title: ", with: "title: Edited ")
        try Data(text.utf8).write(to: file)
        #expect(try library.procedure("kitchen-sink", warnings: &warnings).title.hasPrefix("Edited "))
        let clinic = project.appendingPathComponent("Content/clinic.yaml")
        let profile = try String(contentsOf: clinic, encoding: .utf8)
        let before = try library.clinic().name
        try Data(profile.replacingOccurrences(of: "name: ", with: "name: New ").utf8).write(to: clinic)
        #expect(try library.clinic().name == "New " + before)
    }

    @Test func aPoolRendersConcurrentlyAndTheBytesMatchOneThread() async throws {
        let engine = try HandoutEngine(workspace: Workspace(content: TestSupport.fixtures.appendingPathComponent("Content")))
        let patient = try Patient(fields: ["patient_name": "Ana Ruiz", "procedure_date": "2026-12-03"])
        let request = DocumentRequest(.handout("kitchen-sink"), patient: patient)
        let alone = try engine.writer.deliver(try engine.pdf(request, on: try engine.makeWorker()), to: .memory).bytes
        let pool = RenderPool(engine: engine, threads: 3)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<12 {
                group.addTask { try await pool.perform { try engine.writer.deliver(try engine.pdf(request, on: $0), to: .memory).bytes } }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { $0 == alone })
        await #expect(throws: HandoutError.self) {
            try await pool.perform { try engine.pdf(DocumentRequest(.handout("no-such-handout")), on: $0) }
        }
    }
}
