import Foundation
import Testing

/// Paths and process helpers shared by the tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/HandoutKitTests/Fixtures")
    static let handout = packageRoot.appendingPathComponent(".build/debug/handout")

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion, capturing its output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable.hasPrefix("/") ? URL(fileURLWithPath: executable) : URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        env.merge(environment) { $1 }
        process.environment = env
        // Output goes to files, not pipes, so a chatty process can never block on a full pipe.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        // A program that hangs (reading a FIFO, say) fails its test instead of the whole run.
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + 120) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs the built `handout` command.
    @discardableResult
    static func handout(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(handout.path, arguments, in: directory, environment: environment)
    }

    /// A fresh empty folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handout-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the fixture content folder that a test may change.
    static func contentCopy() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("Content"), to: folder)
        return folder
    }

    /// Text of a PDF (all pages, or one), in reading order, via poppler's pdftotext.
    static func text(_ pdf: URL, page: Int? = nil, raw: Bool = false) throws -> String {
        var args = ["-enc", "UTF-8"] + (raw ? ["-raw"] : [])
        if let page { args += ["-f", "\(page)", "-l", "\(page)"] }
        let result = try run("pdftotext", args + [pdf.path, "-"])
        #expect(result.status == 0, "pdftotext failed: \(result.stderr)")
        return result.stdout
    }

    /// `pdfinfo` fields as a dictionary.
    static func info(_ pdf: URL) throws -> [String: String] {
        let result = try run("pdfinfo", [pdf.path])
        var fields: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    static func pageCount(_ pdf: URL) throws -> Int { Int(try info(pdf)["Pages"] ?? "") ?? 0 }

    /// The PDF's catalog dictionary as qpdf's JSON gives it (strings as "u:…", references as "N 0 R").
    static func catalog(_ pdf: URL) throws -> [String: Any] {
        let output = try run("qpdf", ["--json=2", "--json-key=qpdf", pdf.path]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let objects = (json?["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any]
        guard let root = trailer?["/Root"] as? String else { return [:] }
        return (objects["obj:" + root] as? [String: Any])?["value"] as? [String: Any] ?? [:]
    }

    /// Every link annotation's URI in the PDF, as qpdf reads it, in object order.
    static func linkTargets(_ pdf: URL) throws -> [String] {
        let output = try run("qpdf", ["--json=2", "--json-key=qpdf", pdf.path]).stdout
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let objects = (json?["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        // Keys read "obj:12 0 R".
        func number(_ key: String) -> Int { Int(key.dropFirst(4).prefix { $0.isNumber }) ?? 0 }
        return objects.keys.sorted { number($0) < number($1) }.compactMap { key -> String? in
            guard let annotation = (objects[key] as? [String: Any])?["value"] as? [String: Any],
                  let action = annotation["/A"] as? [String: Any], action["/S"] as? String == "/URI",
                  let uri = action["/URI"] as? String else { return nil }
            return uri.hasPrefix("u:") ? String(uri.dropFirst(2)) : uri
        }
    }

    /// Words of a text, for order checks that ignore line breaks and spacing.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// True if `needle` appears in `haystack` as a contiguous run of words.
    static func containsInOrder(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return true }
        }
        return false
    }
}
