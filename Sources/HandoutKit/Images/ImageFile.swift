import Foundation
import HandoutBindings

/// A picture file a handout refers to, with its format and pixel size read from its header.
public struct ImageFile: Equatable, Sendable {
    public enum Format: String, Sendable { case png, jpeg }

    /// Why a picture cannot be used, worded to follow "picture 'NAME' ", with the fix.
    public struct Problem: Error, Equatable, Sendable {
        public var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    public var url: URL
    public var format: Format
    public var pixelSize: Size

    /// More pixels than any printed page needs (about 2,500 × 3,300 at 300 dpi is a full Letter
    /// page); decoding a bigger picture takes seconds and gigabytes.
    public static let maximumPixels = 40_000_000
    /// Bigger files are refused before they are read.
    public static let maximumBytes = 64 * 1_048_576

    /// Reads just enough of the file to know its format and size; nil if it is neither PNG nor JPEG.
    public static func probe(_ url: URL) -> ImageFile? {
        guard let head = try? FileHandle(forReadingFrom: url).read(upToCount: 1024 * 1024) else { return nil }
        let bytes = [UInt8](head)
        if let size = pngSize(bytes) { return ImageFile(url: url, format: .png, pixelSize: size) }
        if let size = jpegSize(bytes) { return ImageFile(url: url, format: .jpeg, pixelSize: size) }
        return nil
    }

    /// The picture at `url`, checked whole before anything is drawn: a regular file (never a
    /// pipe, device or folder, which would hang or mislead the reader), PNG or JPEG, at most
    /// `maximumPixels` (measured from the header, before decoding), and sound from start to end.
    public static func load(_ url: URL) throws(Problem) -> ImageFile {
        let bytes = try readRegularFile(url)
        let format: Format, size: Size
        if let header = pngSize(bytes) {
            (format, size) = (.png, header)
        } else if bytes.count > 2, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            switch JPEGStructure.check(bytes) {
            case let .success(frame): (format, size) = (.jpeg, frame)
            case let .failure(problem): throw problem
            }
        } else {
            throw Problem("is not a PNG or JPEG file; save it as PNG or JPEG")
        }
        let pixels = Int(size.width) * Int(size.height)
        guard pixels <= maximumPixels else {
            throw Problem("is \(Int(size.width)) × \(Int(size.height)) pixels (\(pixels / 1_000_000) megapixels), more than the \(maximumPixels / 1_000_000) Handout takes; scale it down (a full page needs about 2,500 × 3,300)")
        }
        if format == .png, let reason = PNGCheck.problem(in: bytes) {
            throw Problem("is damaged or cut off (\(reason)); save it again as PNG")
        }
        return ImageFile(url: url, format: format, pixelSize: size)
    }

    /// The whole file, opened without blocking (a FIFO would wait forever for a writer) and
    /// refused unless it is a regular file of a sensible size.
    private static func readRegularFile(_ url: URL) throws(Problem) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Problem("cannot be opened (\(String(cString: strerror(errno)))); check its permissions") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Problem("is not a regular file (a folder, device or pipe); give the path of a PNG or JPEG file")
        }
        guard info.st_size <= maximumBytes else {
            throw Problem("is \(Int(info.st_size) / 1_048_576) MB, more than the \(maximumBytes / 1_048_576) MB Handout reads; save a smaller copy")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Problem("could not be read to the end; check the disk and copy it again") }
            done += count
        }
        return bytes
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
