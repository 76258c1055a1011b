import Foundation

/// An email message as a mail client reads it: RFC 5322 headers with CRLF line ends, and a
/// multipart/mixed MIME body of plain text (UTF-8, quoted-printable) and attachments (base64).
public struct MIMEMessage: Sendable {
    /// A sender or recipient: an address and, for the sender, a display name.
    public struct Mailbox: Sendable, Equatable {
        public var name: String?
        public var address: String

        public init(name: String? = nil, address: String) {
            self.name = name
            self.address = address
        }
    }

    /// A file carried with the message.
    public struct Attachment: Sendable {
        public var fileName: String
        public var contentType: String
        public var bytes: [UInt8]

        public init(fileName: String, contentType: String = "application/pdf", bytes: [UInt8]) {
            self.fileName = fileName
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    public var from: Mailbox
    public var to: Mailbox?
    public var subject: String
    /// When the message was written, in seconds since 1970 (UTC).
    public var date: Int64
    public var body: String
    public var attachments: [Attachment]
    /// `X-Unsent: 1`: mail clients open the file as a draft to check and send, not as mail received.
    public var isDraft = true

    public init(from: Mailbox, to: Mailbox?, subject: String, date: Int64, body: String, attachments: [Attachment]) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.body = body
        self.attachments = attachments
    }

    /// The message file. Its Message-ID and MIME boundary come from a digest of its contents and
    /// date, so the same draft written twice at the same time is the same bytes.
    public var bytes: [UInt8] {
        var digest = Digest.fnv1a(Array(body.utf8) + Array(subject.utf8) + Array(String(date).utf8))
        for attachment in attachments { digest = Digest.fnv1a(attachment.bytes, seed: digest) }
        let hex = String(digest, radix: 16)
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "handout.invalid"
        // "=_" never occurs in base64 or quoted-printable text, so the boundary cannot either.
        let boundary = "=_handout_\(hex)"

        var text = ""
        text += MIMEEncoding.header("From", MIMEEncoding.mailbox(name: from.name, address: from.address))
        if let to { text += MIMEEncoding.header("To", MIMEEncoding.mailbox(name: to.name, address: to.address)) }
        text += MIMEEncoding.header("Subject", MIMEEncoding.headerText(subject))
        text += MIMEEncoding.header("Date", MIMEEncoding.date(unixTime: date))
        text += MIMEEncoding.header("Message-ID", "<\(hex).\(date)@\(domain)>")
        text += MIMEEncoding.header("MIME-Version", "1.0")
        if isDraft { text += MIMEEncoding.header("X-Unsent", "1") }
        text += MIMEEncoding.header("Content-Type", "multipart/mixed; boundary=\"\(boundary)\"")
        text += "\r\n"

        text += "--\(boundary)\r\n"
        text += MIMEEncoding.header("Content-Type", "text/plain; charset=utf-8")
        text += MIMEEncoding.header("Content-Transfer-Encoding", "quoted-printable")
        text += "\r\n"
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n")
        text += MIMEEncoding.quotedPrintable(normalized.hasSuffix("\n") ? String(normalized.dropLast()) : normalized) + "\r\n"

        for attachment in attachments {
            text += "--\(boundary)\r\n"
            text += MIMEEncoding.header("Content-Type", "\(attachment.contentType); " + MIMEEncoding.parameter("name", attachment.fileName))
            text += MIMEEncoding.header("Content-Disposition", "attachment; " + MIMEEncoding.parameter("filename", attachment.fileName))
            text += MIMEEncoding.header("Content-Transfer-Encoding", "base64")
            text += "\r\n"
            text += MIMEEncoding.base64Lines(attachment.bytes) + "\r\n"
        }
        text += "--\(boundary)--\r\n"
        return Array(text.utf8)
    }
}
