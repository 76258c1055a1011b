import ArgumentParser
import Foundation
import HandoutKit

/// Writes handouts to PDF files, reporting each, carrying on past bad ones.
struct HandoutWriter {
    let engine: HandoutEngine
    let outputFolder: URL
    /// A personalized copy's file is readable by its owner only, in a folder made the same way.
    var patient: Patient? = nil

    /// Writes OUTPUT/SLUG.pdf for each slug; throws exit status 1 after the rest if any failed.
    func renderAll(_ slugs: [String]) throws {
        var failures = 0
        for slug in slugs {
            do {
                var warnings: [Warning] = []
                let procedure = try engine.library.procedure(slug, warnings: &warnings)
                let (bytes, pages) = try engine.renderPDF(procedure, patient: patient, warnings: &warnings)
                let url = outputFolder.appendingPathComponent(slug + ".pdf")
                if patient != nil {
                    try AtomicFile.write(bytes, to: url, permissions: 0o600, folderPermissions: 0o700)
                } else {
                    try AtomicFile.write(bytes, to: url)
                }
                warnings.forEach(Console.warn)
                Console.say("\(DisplayPath.of(url))  (\(pages) page\(pages == 1 ? "" : "s"), \(bytes.count / 1024) KB)")
            } catch {
                Console.fail("\(error)")
                failures += 1
            }
        }
        if failures > 0 {
            Console.fail("\(failures) of \(slugs.count) handout(s) failed; the others were written")
            throw ExitCode(1)
        }
    }
}
