/// Checks an email address before it goes into a header: one `@`, a plausible domain, nothing
/// that could end a header line or start another (a newline here would let text forge headers).
public enum EmailAddress {
    /// Why `text` cannot be used as an address, or nil when it can.
    public static func problem(_ text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else {
            return "is not an email address; write it as name@example.org"
        }
        let local = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".unicodeScalars)
        guard parts[0].unicodeScalars.allSatisfy(local.contains), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..") else {
            return "has characters an email address cannot hold before the @; write it as name@example.org"
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let label = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".unicodeScalars)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.unicodeScalars.allSatisfy(label.contains) && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            return "does not end in a domain such as example.org; check what follows the @"
        }
        return nil
    }
}
