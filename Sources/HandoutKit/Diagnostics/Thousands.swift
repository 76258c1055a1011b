extension Int {
    /// "1,998": counts in messages read at a glance, the same on every machine (the locale's
    /// formatter would write "1.998" on a German one).
    public var withThousands: String {
        let digits = Array(String(self.magnitude))
        var out = self < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
