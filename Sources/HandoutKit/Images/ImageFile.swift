import Foundation
import HandoutBindings

/// A picture file a handout refers to, with its format and pixel size read from its header.
public struct ImageFile: Equatable, Sendable {
    public enum Format: String, Sendable { case png, jpeg }

    public var url: URL
    public var format: Format
    public var pixelSize: Size

    /// Reads just enough of the file to know its format and size; nil if it is neither PNG nor JPEG.
    public static func probe(_ url: URL) -> ImageFile? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1024 * 1024) else { return nil }
        let bytes = [UInt8](head)
        if let size = pngSize(bytes) { return ImageFile(url: url, format: .png, pixelSize: size) }
        if let size = jpegSize(bytes) { return ImageFile(url: url, format: .jpeg, pixelSize: size) }
        return nil
    }

    /// PNG: signature, then the IHDR chunk's big-endian width and height.
    static func pngSize(_ b: [UInt8]) -> Size? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard b.count >= 24, Array(b[0..<8]) == signature, b[12...15].elementsEqual("IHDR".utf8) else { return nil }
        let w = b[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let h = b[20..<24].reduce(0) { $0 << 8 | Int($1) }
        return w > 0 && h > 0 ? Size(width: Double(w), height: Double(h)) : nil
    }

    /// JPEG: walk the marker segments to the first start-of-frame, which holds the size.
    static func jpegSize(_ b: [UInt8]) -> Size? {
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return w > 0 && h > 0 ? Size(width: Double(w), height: Double(h)) : nil
            }
            i += 2 + length
        }
        return nil
    }
}
