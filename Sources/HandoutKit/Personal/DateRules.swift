/// How dates written with numbers only are read, and where the user says so for messages.
/// Dates written any other way (2026-12-03, 3-Dec-2026, December 3, 2026) need no rules.
public struct DateRules: Sendable, Equatable {
    /// Where the order is set, so a message can name the fix.
    public enum Setting: Sendable, Equatable {
        /// `--date-order` on `handout batch` (or `date_order:` in a profile or clinic.yaml).
        case batchOption
        /// `date_order:` in clinic.yaml, for `--field` and the front-desk form.
        case clinicFile
    }

    public var order: DateOrder
    /// Whether the user chose the order. An assumed one (month first) still refuses a date that
    /// only makes sense day first, such as 25/03/2026, rather than guess.
    public var isExplicit: Bool
    /// No order chosen, and the batch file also holds dates only readable day first: then a date
    /// such as 12/03/2026 could mean either day, so it is refused instead of guessed.
    public var refusesAmbiguous = false
    public var setting: Setting
    /// False where the clinic's order is not known (the front-desk form): a date such as
    /// 12/03/2026 is then refused rather than read in an order the clinic may not use.
    public var allowsNumbersOnly = true

    /// Dates whose writing says which day they are: `2026-12-03`, `3-Dec-2026`, `December 3, 2026`.
    public static var unambiguousOnly: DateRules {
        var rules = DateRules()
        rules.allowsNumbersOnly = false
        return rules
    }

    public init(order: DateOrder = .mdy, isExplicit: Bool = false, setting: Setting = .clinicFile) {
        self.order = order
        self.isExplicit = isExplicit
        self.setting = setting
    }

    /// The order the user chose, or month first, assumed.
    public init(chosen: DateOrder?, setting: Setting) {
        self.init(order: chosen ?? .mdy, isExplicit: chosen != nil, setting: setting)
    }

    /// How to set `order`, as the user would type it.
    func fix(_ order: DateOrder) -> String {
        switch setting {
        case .batchOption: "--date-order \(order.rawValue)"
        case .clinicFile: "`date_order: \(order.rawValue)` in clinic.yaml"
        }
    }

    /// The option or key alone, for "needs --date-order".
    var settingName: String {
        switch setting {
        case .batchOption: "--date-order"
        case .clinicFile: "`date_order:` in clinic.yaml"
        }
    }

    /// The day `text` names under these rules, or why it names none. The reason never holds the
    /// value: examples show the shape instead, so rows with one problem read alike and group.
    func read(_ text: String) -> Result<CalendarDate, DateProblem> {
        switch WrittenDate.read(text) {
        case let .date(day):
            return .success(day)
        case .wrongWeekday:
            return .failure(DateProblem(reason: "names a weekday that is not that date's; check the date"))
        case .unreadable:
            return .failure(DateProblem(reason: "is not a date; write it as YYYY-MM-DD (2026-12-03), 12/03/2026, 3-Dec-2026 or December 3, 2026"))
        case .numeric where !allowsNumbersOnly:
            return .failure(DateProblem(reason: "is not a date; write it as YYYY-MM-DD (2026-12-03), 3-Dec-2026 or December 3, 2026"))
        case let .numeric(first, second, year):
            let monthFirst = CalendarDate(year: year, month: first, day: second)
            let dayFirst = CalendarDate(year: year, month: second, day: first)
            if isExplicit {
                if let day = order == .mdy ? monthFirst : dayFirst { return .success(day) }
                let other = order == .mdy ? dayFirst : monthFirst
                return .failure(DateProblem(reason: other == nil
                    ? "is not a date; write it as YYYY-MM-DD (2026-12-03), 12/03/2026, 3-Dec-2026 or December 3, 2026"
                    : "is not a \(order.words) date (the date order is \(order.rawValue)); check the date, or the order (\(settingName))"))
            }
            guard let monthFirst else {
                return .failure(DateProblem(reason: dayFirst == nil
                    ? "is not a date; write it as YYYY-MM-DD (2026-12-03), 12/03/2026, 3-Dec-2026 or December 3, 2026"
                    : "is written day first (like 25/03/2026), which needs \(fix(.dmy))"))
            }
            if refusesAmbiguous, let dayFirst, dayFirst != monthFirst {
                return .failure(DateProblem(reason:
                    "written like 12/03/2026 needs \(settingName): the file also has dates written day first (like 25/03/2026); add \(fix(.dmy)), or \(fix(.mdy)) if those are the mistakes",
                    isAmbiguous: true))
            }
            return .success(monthFirst)
        }
    }
}

/// Why a written date names no day; `reason` follows the field's name ("procedure_date is …").
struct DateProblem: Error, Equatable {
    var reason: String
    var isAmbiguous = false
}
