import Foundation
import Testing

/// `handout serve` started for one test on a free port, with its own home and temp folders so
/// the test can see whether anything was left on disk; stopped when the test is done.
final class TestServer: @unchecked Sendable {
    let process = Process()
    let base: URL
    /// HOME and TMPDIR of the server: must stay empty.
    let scratch: URL
    let stdout: URL, stderr: URL
    private(set) var port = 0

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Starts the server on content `content` with extra arguments; fails the test if it does not
    /// say where it listens within 20 seconds.
    init(content: URL, _ arguments: [String] = [], environment: [String: String] = [:]) throws {
        base = try TestSupport.temporaryFolder()
        scratch = base.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        stdout = base.appendingPathComponent("stdout")
        stderr = base.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.executableURL = TestSupport.handout
        process.arguments = ["serve", "--port", "0", "--content", content.path] + arguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = scratch.path
        env["TMPDIR"] = scratch.path
        env.removeValue(forKey: "HANDOUT_TOKEN")
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            // "Front desk: http://HOST:PORT/  (Ctrl-C to stop)"
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Front desk: http://") }),
               let port = line.split(separator: ":").dropFirst(3).first.flatMap({ Int($0.prefix { $0.isNumber }) }) {
                self.port = port
                return
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        Issue.record("the server did not start: \(output) \(errors)")
        throw CancellationError()
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    var origin: String { "http://127.0.0.1:\(port)" }
    var output: String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }

    /// Files the server left in its home and temp folders.
    var leftovers: [String] {
        (FileManager.default.enumerator(atPath: scratch.path)?.allObjects as? [String]) ?? []
    }

    /// One request through curl: any method, header and body, redirects not followed.
    func request(_ path: String, method: String = "GET", headers: [String: String] = [:], form: [(String, String)]? = nil,
                 body: Data? = nil) throws -> Response {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = folder.appendingPathComponent("head"), out = folder.appendingPathComponent("body")
        var args = ["-sS", "-X", method, "-D", head.path, "-o", out.path, "--max-time", "60"]
        for (name, value) in headers { args += ["-H", "\(name): \(value)"] }
        var payload = body
        if let form {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            payload = Data(form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&").utf8)
            args += ["-H", "Content-Type: application/x-www-form-urlencoded"]
        }
        if let payload {
            let file = folder.appendingPathComponent("payload")
            try payload.write(to: file)
            args += ["--data-binary", "@" + file.path]
        }
        let result = try TestSupport.run("curl", args + [origin + path])
        #expect(result.status == 0, "curl failed: \(result.stderr)")
        let lines = (try? String(contentsOf: head, encoding: .utf8))?.components(separatedBy: "\r\n") ?? []
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: fields, body: (try? Data(contentsOf: out)) ?? Data())
    }

    /// A form POST as the server's own page sends it.
    func post(_ path: String, _ form: [(String, String)], headers: [String: String] = [:]) throws -> Response {
        try request(path, method: "POST", headers: ["Origin": origin].merging(headers) { $1 }, form: form)
    }
}
