/// A link target as the PDF's URI action carries it: 7-bit ASCII, percent-encoded.
///
/// cairo 1.16 copies a link's `uri` attribute into a PDF string without escaping it, so a `(`,
/// `)` or `\` in a target (`[a](<b)c>)`, an address ending in `\`) would end or break the string
/// and leave a damaged file. Those, and what a URI may not hold as it is (spaces, quotes, control
/// and non-ASCII characters), are percent-encoded here, before cairo sees them. The address
/// printed after a link's words is display text and stays as written.
enum LinkAddress {
    static func percentEncoded(_ url: String) -> String {
        let bytes = Array(url.utf8)
        var out = ""
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if isKept(byte) || (byte == UInt8(ascii: "%") && isEscape(bytes, at: index)) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte >> 4) + hex(byte & 0x0F)
            }
        }
        return out
    }

    /// RFC 3986's unreserved and reserved characters, but for the parentheses.
    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~:/?#[]@!$&'*+,;=".utf8.contains(byte)
        }
    }

    /// Whether the `%` at `index` already starts an escape (`%20`), which must not be encoded twice.
    private static func isEscape(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 2 < bytes.count && isHexDigit(bytes[index + 1]) && isHexDigit(bytes[index + 2])
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10))
    }
}
