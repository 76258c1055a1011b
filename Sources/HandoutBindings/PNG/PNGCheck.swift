import CPNG

/// Decodes a whole PNG with libpng to learn whether it is sound, keeping no pixels: a damaged or
/// truncated picture is then found when the handout is read, where it can be reported by line
/// and replaced by a placeholder, instead of failing the document while it is drawn.
public enum PNGCheck {
    /// libpng's reason the file does not decode, or nil when every row does.
    public static func problem(in bytes: [UInt8]) -> String? {
        var reason = [CChar](repeating: 0, count: 160)
        let capacity = reason.count
        let status = bytes.withUnsafeBufferPointer { data in
            reason.withUnsafeMutableBufferPointer { handout_png_verify(data.baseAddress, data.count, $0.baseAddress, capacity) }
        }
        guard status != 0 else { return nil }
        return String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
