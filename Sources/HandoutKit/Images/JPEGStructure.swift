import HandoutBindings

/// Walks a JPEG's marker segments, start to end marker, before its bytes are embedded: a PDF
/// carries a JPEG as it is (DCTDecode) and every reader decodes it again, so a cut-off or damaged
/// file would break the page in the patient's viewer rather than here.
enum JPEGStructure {
    /// The frame's size in pixels, or why the file is not a JPEG a PDF reader can show (as the end
    /// of the sentence "picture 'x.jpg' …").
    static func check(_ b: [UInt8]) -> Result<Size, ImageFile.Problem> {
        func problem(_ text: String) -> Result<Size, ImageFile.Problem> { .failure(ImageFile.Problem(text)) }
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { return problem("is not a JPEG file") }
        var size: Size?
        var tables = (quantization: false, huffman: false)
        var scans = 0
        var i = 2
        while i + 1 < b.count {
            guard b[i] == 0xFF else { return problem("is damaged (a marker is missing at byte \(i)); save it again as JPEG") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if marker == 0xD9 {
                guard let size, scans > 0 else { return problem("ends before its picture data; save it again as JPEG") }
                guard tables.quantization, tables.huffman else { return problem("has no decoding tables; save it again as JPEG") }
                return .success(size)
            }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }  // markers without a length
            guard i + 3 < b.count else { break }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { break }
            let segment = b[(i + 4)..<(i + 2 + length)]
            switch marker {
            case 0xC0, 0xC1, 0xC2:
                guard segment.count >= 6 else { return problem("is damaged (a short frame header); save it again as JPEG") }
                let start = segment.startIndex
                let height = Int(segment[start + 1]) << 8 | Int(segment[start + 2])
                let width = Int(segment[start + 3]) << 8 | Int(segment[start + 4])
                let components = Int(segment[start + 5])
                guard width > 0, height > 0, [1, 3, 4].contains(components), segment.count == 6 + 3 * components else {
                    return problem("is damaged (its frame header does not add up); save it again as JPEG")
                }
                size = Size(width: Double(width), height: Double(height))
            case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF:
                return problem("is a lossless, hierarchical or arithmetic-coded JPEG, which PDF readers do not show; save it again as a standard JPEG")
            case 0xDB: tables.quantization = true
            case 0xC4: tables.huffman = true
            case 0xDA:
                guard size != nil else { return problem("is damaged (picture data before its frame header); save it again as JPEG") }
                scans += 1
                // The entropy-coded data runs to the next marker; FF 00 is a stuffed byte, FF D0–D7 a restart.
                var j = i + 2 + length
                while j + 1 < b.count {
                    if b[j] == 0xFF, b[j + 1] != 0x00, !(0xD0...0xD7).contains(b[j + 1]), b[j + 1] != 0xFF { break }
                    j += b[j] == 0xFF ? 2 : 1
                }
                i = j
                continue
            default: break
            }
            i += 2 + length
        }
        return problem("ends before its end marker (the file was cut off); copy it again or save it again as JPEG")
    }
}
