import Foundation
import Synchronization
import Testing
@testable import HandoutKit

/// The one writing path: finishing steps in order, destinations, atomic files with their modes.
@Suite struct WriterTests {
    /// Appends its mark, so the order the writer ran the steps in shows in the bytes.
    struct Mark: PDFStep {
        var mark: String
        func apply(to pdf: [UInt8], of document: Document) throws -> [UInt8] { pdf + Array(mark.utf8) }
    }

    /// The writer without finishing steps: these tests write stand-in bytes, not real PDFs.
    let plain = DocumentWriter(steps: [])

    func document(_ text: String = "%PDF-", personal: Bool = false, name: String = "x.pdf") -> Document {
        Document(format: .pdf, bytes: Array(text.utf8), pages: 1, language: "en", structure: nil, isPersonal: personal, name: name)
    }

    func mode(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! Int
    }

    @Test func stepsRunInOrderForEveryDestination() throws {
        let writer = DocumentWriter(steps: [Mark(mark: "A"), Mark(mark: "B")])
        #expect(String(decoding: try writer.deliver(document(), to: .memory).bytes, as: UTF8.self) == "%PDF-AB")
        let folder = try TestSupport.temporaryFolder()
        let written = try writer.deliver(document(), to: .folder(folder))
        #expect(written.files == [folder.appendingPathComponent("x.pdf")])
        #expect(try String(contentsOf: written.files[0], encoding: .utf8) == "%PDF-AB")
    }

    @Test func companionsAreWrittenBesideTheDocument() throws {
        var main = document(name: "booklet.pdf")
        main.companions = [Document.Companion(suffix: "-imposed", document: document("%PDF-sheets", name: ""))]
        let folder = try TestSupport.temporaryFolder()
        let delivery = try DocumentWriter(steps: []).deliver(main, to: .newFile(in: folder))
        #expect(delivery.files.map(\.lastPathComponent) == ["booklet.pdf", "booklet-imposed.pdf"])
        let again = try DocumentWriter(steps: []).deliver(main, to: .newFile(in: folder))
        #expect(again.files.map(\.lastPathComponent) == ["booklet-2.pdf", "booklet-2-imposed.pdf"])
        #expect(try String(contentsOf: again.files[1], encoding: .utf8) == "%PDF-sheets")
    }

    @Test func personalFilesAreOwnerOnlyInFoldersCreatedThatWay() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("a/b/personal")
        let delivery = try plain.deliver(document(personal: true), to: .newFile(in: folder))
        #expect(try mode(delivery.files[0]) == 0o600)
        #expect(try mode(folder) == 0o700)
        #expect(try mode(folder.deletingLastPathComponent()) == 0o700)
        let shared = try TestSupport.temporaryFolder().appendingPathComponent("c/d")
        let generic = try plain.deliver(document(), to: .folder(shared))
        #expect(try mode(generic.files[0]) == 0o644)
        #expect(try mode(shared) == 0o755)
    }

    @Test func newFilesNeverReplaceOneAnother() async throws {
        let folder = try TestSupport.temporaryFolder()
        let writer = DocumentWriter(steps: [])
        let written = try await withThrowingTaskGroup(of: URL.self) { group in
            for index in 0..<24 {
                group.addTask { try writer.deliver(self.document("%PDF-\(index)", personal: true), to: .newFile(in: folder)).files[0] }
            }
            return try await group.reduce(into: [URL]()) { $0.append($1) }
        }
        #expect(Set(written).count == 24)
        let contents = try Set(written.map { try String(contentsOf: $0, encoding: .utf8) })
        #expect(contents == Set((0..<24).map { "%PDF-\($0)" }))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 24, "temp files left: \(names)")
    }

    @Test func onlyARegularFileIsReplaced() throws {
        let folder = try TestSupport.temporaryFolder()
        let fifo = folder.appendingPathComponent("pipe.pdf")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: HandoutError.self) { try plain.deliver(document(), to: .file(fifo)) }
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        let inner = folder.appendingPathComponent("folder.pdf")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)
        #expect(throws: HandoutError.self) { try plain.deliver(document(), to: .file(inner)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["folder.pdf", "pipe.pdf"])
    }

    /// Whether this run may mount a small tmpfs (root, outside a locked-down container).
    static let canMountTmpfs: Bool = {
        guard getuid() == 0, let folder = try? TestSupport.temporaryFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard (try? TestSupport.run("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", folder.path]))?.status == 0 else { return false }
        _ = try? TestSupport.run("umount", [folder.path])
        return true
    }()

    /// A full disk is named as the reason, on one line with the file, and leaves nothing behind.
    @Test(.enabled(if: canMountTmpfs)) func aFullDiskSaysSoAndLeavesNothing() throws {
        let folder = try TestSupport.temporaryFolder()
        #expect(try TestSupport.run("mount", ["-t", "tmpfs", "-o", "size=12k", "tmpfs", folder.path]).status == 0)
        defer { _ = try? TestSupport.run("umount", [folder.path]) }
        let run = try TestSupport.handout(["render", "epidural-steroid-injection", "--content", "Content", "--output", folder.path])
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1 && errors[0].contains("epidural-steroid-injection.pdf: cannot write here (No space left on device)"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// As root, `--output /dev/null` must not replace the system's device with a PDF: a device
    /// node made here (root can) is refused by name and kind, as a file or as a folder.
    @Test(.enabled(if: getuid() == 0)) func aDeviceNodeIsNeverReplaced() throws {
        let folder = try TestSupport.temporaryFolder()
        let device = folder.appendingPathComponent("null.pdf")
        #expect(mknod(device.path, S_IFCHR | 0o644, dev_t(1 << 8 | 3)) == 0)
        let asFile = try TestSupport.handout(["render", "epidural-steroid-injection", "--content", "Content", "--output", device.path])
        #expect(asFile.status == 1 && asFile.stderr.contains("null.pdf: is not a regular file"), "\(asFile.stderr)")
        let bare = folder.appendingPathComponent("null")
        #expect(mknod(bare.path, S_IFCHR | 0o644, dev_t(1 << 8 | 3)) == 0)
        let asFolder = try TestSupport.handout(["render", "epidural-steroid-injection", "--content", "Content", "--output", bare.path])
        #expect(asFolder.status == 1 && asFolder.stderr.contains("null: is a device, not a folder"), "\(asFolder.stderr)")
        var info = stat()
        #expect(lstat(device.path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(lstat(bare.path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["null", "null.pdf"])
    }

    @Test func aPatientFileInAFolderOthersCanOpenIsWarnedAbout() throws {
        let folder = try TestSupport.temporaryFolder()
        #expect(chmod(folder.path, 0o755) == 0)
        let warnings = WarningLog()
        _ = try DocumentWriter(steps: [], report: warnings.add).deliver(document(personal: true), to: .newFile(in: folder))
        #expect(warnings.lines.count == 1)
        #expect(warnings.lines.first?.contains("chmod 700") == true)
    }

    @Test func finishingMarksTheCatalogAndOnlyTaggedFilesAsMarked() throws {
        let engine = try HandoutEngine(workspace: Workspace(content: TestSupport.fixtures.appendingPathComponent("Content")))
        let worker = try engine.makeWorker()
        var request = DocumentRequest(.booklet(["kitchen-sink"]))
        request.imposed = true
        let document = try engine.pdf(request, on: worker)
        let folder = try TestSupport.temporaryFolder()
        let files = try engine.writer.deliver(document, to: .folder(folder)).files
        let main = try TestSupport.catalog(files[0]), sheets = try TestSupport.catalog(files[1])
        #expect(main["/Lang"] as? String == "u:en" && main["/MarkInfo"] != nil && main["/Metadata"] != nil)
        #expect(sheets["/Lang"] as? String == "u:en" && sheets["/MarkInfo"] == nil)
        #expect(try TestSupport.run("qpdf", ["--check", files[1].path]).status == 0)
        // The same document finished twice: the same bytes (the /ID is derived, never random).
        #expect(try engine.writer.finish(document).bytes == (try Data(contentsOf: files[0])).map { $0 })
    }
}

/// Collects warnings from any thread.
final class WarningLog: Sendable {
    private let store = Mutex<[String]>([])
    var lines: [String] { store.withLock { $0 } }
    @Sendable func add(_ warning: Warning) { store.withLock { $0.append("\(warning)") } }
}
