import Foundation
import Testing
@testable import HandoutKit

/// Pictures as they really come: too big, damaged, cut off, a pipe, or outside the content
/// folder. Each becomes a warning naming the handout's line and a placeholder, never a hang, a
/// crash, a blown-up memory or a broken PDF; `--strict` refuses the document.
@Suite struct PictureTests {
    static let images = TestSupport.fixtures.appendingPathComponent("Content/images")

    /// A PNG whose header says `width` × `height`, with too little data after it to be real.
    static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let ihdr = Array("IHDR".utf8) + be(width) + be(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + ihdr + [0, 0, 0, 0] + be(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    /// A project whose one handout shows each picture on its own line, with the lines.
    func project(_ pictures: [(name: String, bytes: [UInt8]?)]) throws -> (content: URL, lines: [String: Int]) {
        let content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("procedures"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content/clinic.yaml"), to: content.appendingPathComponent("clinic.yaml"))
        var text = "---\ntitle: Pictures\nupdated: 2026-11-01\n---\nIntro.\n"
        var lines: [String: Int] = [:]
        for (name, bytes) in pictures {
            if let bytes { try Data(bytes).write(to: content.appendingPathComponent("procedures/\(name)")) }
            text += "\n![Caption for \(name)](\(name))\n"
            lines[name] = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        try Data(text.utf8).write(to: content.appendingPathComponent("procedures/pictures.md"))
        return (content, lines)
    }

    @Test func damagedHugeAndMisplacedPicturesBecomePlaceholdersWithTheirLines() throws {
        let png = [UInt8](try Data(contentsOf: Self.images.appendingPathComponent("diagram.png")))
        let jpeg = [UInt8](try Data(contentsOf: Self.images.appendingPathComponent("photo.jpg")))
        var flipped = png
        let idat = try #require(flipped.indices.first { flipped[$0..<min($0 + 4, flipped.count)].elementsEqual("IDAT".utf8) })
        flipped[idat + 10] ^= 0x5A
        var badFrame = jpeg
        let frame = try #require(badFrame.indices.dropLast().first { badFrame[$0] == 0xFF && [0xC0, 0xC2].contains(badFrame[$0 + 1]) })
        badFrame[frame + 9] = 7  // seven colour components: the frame header no longer adds up
        let outside = try TestSupport.temporaryFolder().appendingPathComponent("secret.png")
        try Data(png).write(to: outside)

        let (content, lines) = try project([
            ("good.png", png), ("good.jpg", jpeg),
            ("huge.png", Self.pngHeader(width: 20_000, height: 20_000)),
            ("cut.png", Array(png.prefix(png.count / 2))), ("flipped.png", flipped),
            ("cut.jpg", Array(jpeg.prefix(jpeg.count * 2 / 3))), ("frame.jpg", badFrame),
            ("pipe.png", nil), ("link.png", nil), ("../../secret.png", nil), (outside.path, nil),
        ])
        let procedures = content.appendingPathComponent("procedures")
        #expect(mkfifo(procedures.appendingPathComponent("pipe.png").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(at: procedures.appendingPathComponent("link.png"), withDestinationURL: outside)
        try FileManager.default.copyItem(at: outside, to: content.deletingLastPathComponent().appendingPathComponent("secret.png"))

        let out = content.deletingLastPathComponent().appendingPathComponent("out")
        let run = try TestSupport.handout(["render", "pictures", "--content", content.path, "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let expected: [(String, String)] = [
            ("huge.png", "is 20000 × 20000 pixels (400 megapixels), more than the 40 Handout takes"),
            ("cut.png", "is damaged or cut off"), ("flipped.png", "is damaged or cut off"),
            ("cut.jpg", "(the file was cut off)"), ("frame.jpg", "its frame header does not add up"),
            ("pipe.png", "is not a regular file"), ("link.png", "is not inside the content folder"),
            ("../../secret.png", "is not inside the content folder"), (outside.path, "is not inside the content folder"),
        ]
        let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        for (name, reason) in expected {
            let line = try #require(lines[name])
            let warning = warnings.first { $0.contains("pictures.md:\(line): picture '\(name)'") }
            #expect(warning?.contains(reason) == true, "\(name): \(warning ?? "no warning") ")
            #expect(warning?.contains("drew an illustration placeholder instead") == true)
        }
        #expect(warnings.count == expected.count, "\(warnings)")

        let pdf = out.appendingPathComponent("pictures.pdf")
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "\(check.stdout)")
        let images = try TestSupport.run("pdfimages", ["-list", pdf.path])
        #expect(images.stdout.split(separator: "\n").count == 2 + 2, "only the two sound pictures are embedded: \(images.stdout)")
        #expect(try TestSupport.text(pdf).components(separatedBy: "ILLUSTRATION").count - 1 == expected.count)

        let strict = try TestSupport.handout(["render", "pictures", "--strict", "--content", content.path, "--output", out.appendingPathComponent("strict").path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("pictures.md:\(lines["huge.png"]!): picture 'huge.png'") && strict.stderr.contains("(an error with --strict)"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("strict/pictures.pdf").path))
    }

    @Test func aSoundJpegIsMeasuredFromItsFrame() throws {
        let jpeg = [UInt8](try Data(contentsOf: Self.images.appendingPathComponent("photo.jpg")))
        let size = try JPEGStructure.check(jpeg).get()
        #expect(size == ImageFile.probe(Self.images.appendingPathComponent("photo.jpg"))?.pixelSize)
        #expect((try? JPEGStructure.check(Array(jpeg.prefix(200))).get()) == nil)
        #expect((try? JPEGStructure.check([0xFF, 0xD8, 0xFF, 0xD9]).get()) == nil, "an empty JPEG")
    }
}
