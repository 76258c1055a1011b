import Foundation
import HandoutKit

/// How the front-desk server is started: where it listens, who may use it, where it prints.
public struct ServerConfiguration: Sendable {
    /// An IPv4 address to listen on; 127.0.0.1 (this computer only) unless told otherwise.
    public var host = "127.0.0.1"
    public var port: UInt16 = 8080
    /// Required whenever `host` is not a loopback address: every request must then carry it.
    public var token: String?
    /// The printer offered first: a CUPS queue name or an ipp:// URI.
    public var printer: String?
    /// Rendering threads.
    public var threads = ProcessInfo.processInfo.activeProcessorCount

    public init() {}

    /// Whether only this computer can reach the server.
    public var isLoopback: Bool { host == "127.0.0.1" || host == "localhost" || host.hasPrefix("127.") }

    /// Refuses a start that would expose patient data: another host without a token, or a token
    /// too short to resist guessing.
    public func validate() throws {
        guard IPv4Address(host) != nil else {
            throw HandoutError(file: "--host", "'\(host)' is not an IPv4 address; use 127.0.0.1 (this computer only) or this computer's address on the clinic network, e.g. 192.168.1.20")
        }
        if !isLoopback {
            guard let token, !token.isEmpty else {
                throw HandoutError(file: "--host", "listening on \(host) lets other computers reach patient data; also give --token (or set HANDOUT_TOKEN) with a secret of at least 16 characters, and put a TLS proxy in front (see README)")
            }
        }
        if let token, token.count < 16 {
            throw HandoutError(file: "--token", "is shorter than 16 characters; use a long random secret, e.g. from `openssl rand -hex 16`")
        }
    }
}

/// A dotted-quad IPv4 address, checked.
struct IPv4Address {
    var octets: [UInt8]

    init?(_ text: String) {
        let text = text == "localhost" ? "127.0.0.1" : text
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part) else { return nil }
            octets.append(value)
        }
        self.octets = octets
    }

    var text: String { octets.map(String.init).joined(separator: ".") }
}
