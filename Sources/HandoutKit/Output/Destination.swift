import Foundation
import HandoutBindings

/// Where the document writer sends a document.
public enum Destination: Sendable {
    /// Exactly this file, replaced atomically when it exists (`--output FILE`).
    case file(URL)
    /// The folder, under the document's own name, replacing an older copy (`Output/SLUG.pdf`).
    case folder(URL)
    /// A new file in the folder that never replaces another: the document's name, or that name
    /// with -2, -3, … when it is taken (personalized copies, one per patient); when `numbered`,
    /// always with a number, from -1 (email drafts: email-1.eml, email-2.eml, …).
    case newFile(in: URL, name: String? = nil, numbered: Bool = false)
    /// Nowhere on disk: the finished bytes come back in the delivery (the web page).
    case memory
    /// Straight to a printer through CUPS, never through a file.
    case printer(PrintOrder)
}

/// A print job as the user asked for it.
public struct PrintOrder: Sendable, Equatable {
    /// A CUPS queue name or an ipp:// URI.
    public var printer: String
    public var copies: Int
    public var sides: PrintSides

    public init(printer: String, copies: Int = 1, sides: PrintSides = .oneSided) {
        self.printer = printer
        self.copies = copies
        self.sides = sides
    }
}

/// What the writer did with a document.
public struct Delivery: Sendable {
    /// The finished bytes of the main document.
    public var bytes: [UInt8]
    /// Files written, main document first.
    public var files: [URL] = []
    /// The job a printer accepted.
    public var receipt: PrintReceipt?
}
