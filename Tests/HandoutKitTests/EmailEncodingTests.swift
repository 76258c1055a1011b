import Foundation
import Testing
@testable import HandoutKit

/// The MIME pieces an email draft is made of, each checked against what the RFCs allow.
@Suite struct EmailEncodingTests {
    @Test func quotedPrintableKeepsLinesShortAndSpacesVisible() {
        let long = String(repeating: "Keep taking your pain medicine as directed. ", count: 5) + "Zoë "
        let encoded = MIMEEncoding.quotedPrintable(long + "\nsecond line\t")
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().filter { $0.hasSuffix("=") }.count >= 2, "long lines get soft breaks")
        let joined = encoded.replacingOccurrences(of: "=\r\n", with: "")
        #expect(joined.contains("Zo=C3=AB=20"), "a trailing space is encoded, and so is ë")
        #expect(lines.last == "second line=09")
        #expect(!encoded.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func headerWordsOutsideAsciiAreEncodedWordsOfAtMost75Characters() {
        let text = "Información sobre su procedimiento de la Clínica del Río, Radiología Intervencionista"
        let encoded = MIMEEncoding.headerText(text)
        let words = encoded.split(separator: " ")
        #expect(words.count >= 2)
        #expect(words.allSatisfy { $0.hasPrefix("=?utf-8?b?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { word -> String in
            let base64 = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == text)
        #expect(MIMEEncoding.headerText("Your procedure information") == "Your procedure information")
    }

    @Test func displayNamesNeverPutTwoEncodedWordsSideBySide() {
        let phrase = MIMEEncoding.phrase("Clínica del Río Crónico Dolor")
        #expect(phrase.hasPrefix("=?utf-8?b?") && phrase.contains(" del "))
        #expect(!phrase.contains("?= =?"), "two encoded words side by side: \(phrase)")
        #expect(MIMEEncoding.mailbox(name: "Smith, Jones & Co.", address: "a@b.org") == "\"Smith, Jones & Co.\" <a@b.org>")
        #expect(MIMEEncoding.mailbox(name: nil, address: "a@b.org") == "a@b.org")
    }

    @Test func fileNamesOutsideAsciiUseRfc2231() {
        #expect(MIMEEncoding.parameter("filename", "epidural.pdf") == "filename=\"epidural.pdf\"")
        #expect(MIMEEncoding.parameter("filename", "información.pdf") == "filename*=utf-8''informaci%C3%B3n.pdf")
    }

    @Test func datesAreRfc5322InUtc() {
        #expect(MIMEEncoding.date(unixTime: 1_796_083_200) == "Tue, 1 Dec 2026 00:00:00 +0000")
        #expect(MIMEEncoding.date(unixTime: 0) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(MIMEEncoding.date(unixTime: 951_782_400 + 3_723) == "Tue, 29 Feb 2000 01:02:03 +0000")
    }

    @Test func addressesThatCouldForgeHeadersAreRefused() {
        #expect(EmailAddress.problem("maria.lopez+clinic@example.org") == nil)
        for bad in ["maria@example.org\r\nBcc: all@example.org", "maria", "@example.org", "maria@localhost", "maria@@example.org",
                    "ma ria@example.org", "maria@exa_mple.org", "maria.@example.org", "<maria@example.org>"] {
            #expect(EmailAddress.problem(bad) != nil, "\(bad) was accepted")
        }
    }

    @Test func aMessageIsCrlfThroughoutAndItsBoundaryIsFromItsContents() {
        let message = MIMEMessage(
            from: .init(name: "Riverside", address: "care@riverside.example"), to: .init(address: "p@example.org"),
            subject: "Your procedure information", date: 1_796_083_200, body: "Hello,\nSee the file.\n",
            attachments: [.init(fileName: "a.pdf", bytes: Array("%PDF-1.5 x".utf8))])
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("\r\nMessage-ID: <") && text.contains("@riverside.example>\r\n"))
        #expect(text.contains("Content-Type: multipart/mixed; boundary=\"=_handout_"))
        #expect(message.bytes == message.bytes)
        var other = message
        other.body = "Hello again,\n"
        #expect(other.bytes != message.bytes)
    }
}
