import Foundation
import Testing
@testable import HandoutKit

/// Spreadsheet exports read as they are, without rendering: encodings, delimiters, dates, times,
/// procedure names, column mapping, grouped reports and file names.
@Suite struct SpreadsheetUnitTests {
    // MARK: Files as spreadsheets save them

    enum Encoding: String, CaseIterable, CustomTestStringConvertible {
        case utf8, utf8BOM, utf16LE, windows1252
        var testDescription: String { rawValue }

        func bytes(_ text: String) -> Data {
            switch self {
            case .utf8: Data(text.utf8)
            case .utf8BOM: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
            case .utf16LE: Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
            case .windows1252: text.data(using: .windowsCP1252)!
            }
        }

        var name: String { self == .utf16LE ? "UTF-16" : self == .windows1252 ? "Windows-1252" : "UTF-8" }
    }

    static let delimiters: [(String, String)] = [(",", "comma-separated"), (";", "semicolon-separated"), ("\t", "tab-separated")]

    /// A header and two patients, with a quoted cell holding the delimiter and a quote, CRLF line ends.
    static func sheet(_ delimiter: String) -> String {
        [["Procedure", "Patient Name", "Procedure Date", "Notes"],
         ["plain", "Renée Müller", "2026-12-03", "\"Bring water\(delimiter) and your \"\"list\"\"\""],
         ["plain", "Zoë Dubois", "12/04/2026", ""]]
            .map { $0.joined(separator: delimiter) }.joined(separator: "\r\n") + "\r\n"
    }

    func write(_ data: Data, name: String = "patients.csv") throws -> URL {
        let url = try TestSupport.temporaryFolder().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test(arguments: Encoding.allCases, [0, 1, 2])
    func everyEncodingAndDelimiterReadsTheSame(encoding: Encoding, delimiterIndex: Int) throws {
        let (delimiter, delimiterName) = Self.delimiters[delimiterIndex]
        let data = encoding.bytes(Self.sheet(delimiter))
        if encoding == .windows1252 { #expect(data.contains(0xE9) && data.contains(0xFC), "é and ü as single bytes") }
        let reader = try BatchReader(write(data))
        #expect(reader.format == "CSV, \(delimiterName), \(encoding.name)")
        #expect(reader.warnings.count == (encoding == .windows1252 ? 1 : 0))
        #expect(reader.columns == ["procedure", "patient_name", "procedure_date", "notes"], "a byte-order mark is not part of the first column's name")
        let first = try #require(reader.next())
        #expect(first.number == 2, "the header is row 1")
        #expect(first.fields["patient_name"] == "Renée Müller")
        #expect(first.fields["notes"] == "Bring water\(delimiter) and your \"list\"")
        #expect(first.problem == nil)
        let second = try #require(reader.next())
        #expect(second.number == 3 && second.fields["patient_name"] == "Zoë Dubois")
        #expect(reader.next() == nil)
        #expect(reader.total == 2 && reader.lastRow == 3)
    }

    @Test func theEncodingCanBeGivenAndUTF16NeedsNoMark() throws {
        let text = Self.sheet(",")
        let given = try BatchReader(write(Encoding.windows1252.bytes(text)), options: BatchReadOptions(encoding: .windows1252))
        #expect(given.warnings.isEmpty, "no guess when the user says")
        #expect(given.next()?.fields["patient_name"] == "Renée Müller")
        let unmarked = try BatchReader(write(text.data(using: .utf16LittleEndian)!))
        #expect(unmarked.format.hasSuffix("UTF-16") && unmarked.warnings.count == 1)
        #expect(unmarked.next()?.fields["patient_name"] == "Renée Müller")
        // Bytes that are not UTF-8, with UTF-8 asked for, are one line naming the line and the fix.
        #expect {
            _ = try BatchReader(write(Encoding.windows1252.bytes(text)), options: BatchReadOptions(encoding: .utf8))
        } throws: { "\($0)".contains("patients.csv:2: is not valid UTF-8") && "\($0)".contains("--encoding windows-1252") }
    }

    @Test func aWorkbookOrBinaryIsOneClearLine() throws {
        #expect {
            _ = try BatchReader(write(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), name: "patients.xlsx"))
        } throws: { "\($0)".hasSuffix("patients.xlsx: is a spreadsheet workbook (.xlsx or .xls), not CSV; save it from the spreadsheet as CSV UTF-8 and give that file") }
        #expect {
            _ = try BatchReader(write(Data([0x70, 0x00, 0x00, 0xD8, 0x41])))
        } throws: { "\($0)".contains("holds NUL bytes but is not UTF-16 text") }
    }

    @Test func rowsAreNumberedAsASpreadsheetShowsThem() throws {
        // A quoted cell spanning lines is one row; a blank row still has its number.
        let text = "procedure,patient_name,notes\nplain,A,\"line one\nline two\"\n,,\nplain,B,\n"
        let reader = try BatchReader(write(Data(text.utf8)))
        #expect(reader.next()?.number == 2)
        #expect(reader.next()?.number == 4)
        #expect(reader.total == 2 && reader.lastRow == 4)
        // Spreadsheets pad rows with empty cells past the header: not a problem; values there are.
        let padded = try BatchReader(write(Data("procedure,patient_name\nplain,A,,\nplain,B,x\n".utf8)))
        #expect(padded.next()?.problem == nil)
        #expect(padded.next()?.problem?.contains("more values than the header") == true)
    }

    // MARK: Dates and times

    static let december3: [String] = [
        "2026-12-03", "12/03/2026", "12/3/2026", "12-03-2026", "12.03.2026", "12/3/26", "3-Dec-2026", "03-DEC-26",
        "3 Dec 2026", "3 December 2026", "Dec 3, 2026", "December 3, 2026", "Dec. 3, 2026", "december 3 2026",
        "Thursday, December 3, 2026", "Thu 3 Dec 2026", "12/3/2026 0:00", "2026-12-03 00:00:00", "2026/12/03",
    ]

    @Test(arguments: december3)
    func everyDateFormReadsDecember3(text: String) throws {
        let patient = try Patient(fields: ["patient_name": "A", "procedure_date": text], dates: DateRules(chosen: .mdy, setting: .batchOption))
        #expect(patient.procedureDate?.iso == "2026-12-03")
        #expect(patient.displayValues()["procedure_date"] == "Thursday, December 3, 2026")
    }

    @Test func numbersOnlyDatesFollowTheOrder() throws {
        func read(_ text: String, _ rules: DateRules) -> Result<CalendarDate, DateProblem> { rules.read(text) }
        let mdy = DateRules(chosen: .mdy, setting: .batchOption), dmy = DateRules(chosen: .dmy, setting: .batchOption)
        let assumed = DateRules(chosen: nil, setting: .batchOption)
        #expect(try read("12/03/2026", mdy).get().iso == "2026-12-03")
        #expect(try read("12/03/2026", dmy).get().iso == "2026-03-12")
        #expect(try read("12/03/2026", assumed).get().iso == "2026-12-03", "month first unless told")
        #expect(try read("3-Dec-2026", dmy).get().iso == "2026-12-03", "a month's name needs no order")
        // A date only readable day first is refused, not guessed, when no order was given.
        guard case let .failure(dayFirst) = read("25/03/2026", assumed) else { Issue.record("25/03/2026 read month first"); return }
        #expect(dayFirst.reason == "is written day first (like 25/03/2026), which needs --date-order dmy")
        guard case let .failure(wrongOrder) = read("25/03/2026", mdy) else { Issue.record("25/03/2026 read as mdy"); return }
        #expect(wrongOrder.reason.contains("is not a month/day/year date"))
        // A file that also holds day-first dates makes 12/03/2026 a question; 03/03 and 03/25 are not.
        var undecided = assumed
        undecided.refusesAmbiguous = true
        guard case let .failure(ambiguous) = read("12/03/2026", undecided) else { Issue.record("ambiguous date guessed"); return }
        #expect(ambiguous.reason.hasPrefix("written like 12/03/2026 needs --date-order"))
        #expect(try read("03/03/2026", undecided).get().iso == "2026-03-03")
        #expect(try read("03/25/2026", undecided).get().iso == "2026-03-25")
        // Where the clinic's order is unknown (the front-desk form), numbers-only dates are refused.
        #expect(throws: Patient.Problem.self) { try Patient(fields: ["patient_name": "A", "procedure_date": "12/03/2026"]) }
        #expect(try Patient(fields: ["patient_name": "A", "procedure_date": "Dec 3, 2026"]).procedureDate?.iso == "2026-12-03")
        // From --field, the fix is clinic.yaml's.
        guard case let .failure(field) = read("25/03/2026", DateRules(chosen: nil, setting: .clinicFile)) else { return }
        #expect(field.reason.contains("`date_order: dmy` in clinic.yaml"))
    }

    @Test(arguments: ["31/31/2026", "2026-02-30", "13/13/13", "next week", "Friday, December 3, 2026", "Smarch 3, 2026", "12/31"])
    func badDatesNameTheFieldNotTheValue(text: String) {
        #expect {
            _ = try Patient(fields: ["patient_name": "A", "procedure_date": text], dates: DateRules(chosen: nil, setting: .batchOption))
        } throws: { error in
            let description = "\(error)"
            return description.hasPrefix("procedure_date ") && !description.contains(text)
        }
    }

    static let times: [(String, String)] = [
        ("7:30", "7:30 AM"), ("7:30 am", "7:30 AM"), ("07:30 AM", "7:30 AM"), ("7:30AM", "7:30 AM"), ("7:30 a.m.", "7:30 AM"),
        ("19:30", "7:30 PM"), ("0730", "7:30 AM"), ("1930", "7:30 PM"), ("730", "7:30 AM"), ("7:30:00 PM", "7:30 PM"),
        ("7 pm", "7:00 PM"), ("12:00 am", "12:00 AM"), ("0:15", "12:15 AM"), ("7.30", "7:30 AM"),
    ]

    @Test(arguments: times)
    func everyTimeForm(text: String, expected: String) {
        #expect(Patient.clockTime(text) == expected)
    }

    @Test(arguments: ["25:00", "7:60", "13:00 pm", "2400", "soon", "7:3", "12345"])
    func badTimes(text: String) {
        #expect(Patient.clockTime(text) == nil)
    }

    @Test func everyProblemOfAPatientIsReported() {
        #expect {
            _ = try Patient(fields: ["procedure_date": "someday", "arrival_time": "soon", "physician": String(repeating: "x", count: 101)], dates: DateRules())
        } throws: { error in
            guard let problems = error as? Patient.Problems else { return false }
            return problems.all.map(\.field) == ["patient_name", "physician", "procedure_date", "arrival_time"]
        }
    }

    // MARK: Names

    @Test func nearestNames() {
        #expect(NearestName.suggestion(for: "arival_time", among: Patient.standardFields) == "arrival_time")
        #expect(NearestName.suggestion(for: "pateint_name", among: Patient.standardFields) == "patient_name", "a swap is one edit")
        #expect(NearestName.suggestion(for: "room_number", among: Patient.standardFields) == nil)
        #expect(NearestName.suggestion(for: "ab", among: ["an"]) == nil, "short names match nothing by accident")
    }

    @Test func procedureKeys() {
        #expect(ProcedureIndex.key("Epidural Steroid Injection") == "epidural-steroid-injection")
        #expect(ProcedureIndex.key("  EPIDURAL_steroid  injection ") == "epidural-steroid-injection")
        #expect(ProcedureIndex.key("Cirugía de Rodilla") == "cirugia-de-rodilla")
    }

    @Test func columnMappingBuildsAndConsumesColumns() throws {
        let mapping = try ColumnMapping(arguments: ["patient_name={First Name} {Middle} {LAST-NAME}", "physician=Dr. {doc}"])
        let (fields, consumed) = mapping.apply(["first_name": "Ann", "middle": "", "last_name": "Lee", "doc": "Ruiz", "procedure": "plain"])
        #expect(fields == ["patient_name": "Ann Lee", "physician": "Dr. Ruiz", "procedure": "plain"])
        #expect(consumed == ["first_name": "Ann", "middle": "", "last_name": "Lee", "doc": "Ruiz"])
        #expect(throws: HandoutError.self) { try ColumnMapping(arguments: ["patient_name"]) }
        #expect(throws: HandoutError.self) { try ColumnMapping(arguments: ["patient_name={first name"]) }
        #expect {
            try mapping.check(columns: ["first_name", "middle", "last_nam", "doc"], file: "x.csv")
        } throws: { "\($0)" == "--column: 'patient_name': {last_name} is not a column of x.csv; did you mean {last_nam}? its columns are first_name, middle, last_nam, doc" }
        // The command line wins over a profile.
        let profile = try ColumnMapping(arguments: ["physician={doctor}", "notes={memo}"])
        #expect(profile.overridden(by: mapping).names == ["notes", "patient_name", "physician"])
    }

    @Test func rowReportsGroupAProblemOver20Rows() {
        let shared = "procedure_date written like 12/03/2026 needs --date-order"
        var issues = (2...1999).map { (row: $0, reason: shared) }
        issues.append((row: 5, reason: "arrival_time is not a time"))
        let lines = RowReport.lines(issues)
        #expect(lines == ["1,998 rows: \(shared); rows 2-1999", "row 5: arrival_time is not a time"])
        let twenty = RowReport.lines((2...21).map { (row: $0, reason: "x") })
        #expect(twenty.count == 20 && twenty[0] == "row 2: x", "20 rows are still listed one by one")
        #expect(RowReport.ranges([2, 3, 4, 7, 9, 10]) == "2-4, 7, 9-10")
        #expect(RowReport.ranges(Array(stride(from: 2, through: 200, by: 2))).hasSuffix("and 70 more"))
        #expect(1_234_567.withThousands == "1,234,567")
        #expect(999.withThousands == "999")
    }

    @Test func fileNamesAvoidWindowsDeviceNames() {
        for name in ["CON", "con", "Prn", "AUX", "nul", "COM1", "com9", "LPT1", "lpt9"] {
            #expect(FileNamer.sanitize(name) == "\(name)_.pdf")
        }
        #expect(FileNamer.sanitize("con.pdf") == "con_.pdf")
        #expect(FileNamer.sanitize("nul.tar.pdf") == "nul_.tar.pdf")
        #expect(FileNamer.sanitize("CON.txt", fileExtension: "eml") == "CON_.txt.eml")
        for fine in ["COM10", "console", "LPT", "xCON", "con-2"] { #expect(FileNamer.sanitize(fine) == "\(fine).pdf") }
    }

    @Test func fileNamesTransliterate() {
        #expect(FileNamer.sanitize("Łukasz Żółć") == "Lukasz_Zolc.pdf")
        #expect(FileNamer.sanitize("Дмитрий") == "Dmitrij.pdf")
        #expect(FileNamer.sanitize("Søren Ødegård") == "Soren_Odegard.pdf")
        #expect(FileNamer.sanitize("😀") == "handout.pdf", "no Latin form: replaced, then the default name")
    }

    @Test func rowNumbersAreZeroPaddedToTheLastRow() {
        #expect(FileNamer.rowWidth(lastRow: 9) == 1 && FileNamer.rowWidth(lastRow: 10) == 2 && FileNamer.rowWidth(lastRow: 2001) == 4)
        var namer = FileNamer(pattern: "{row}-{procedure}.pdf", rowWidth: 4)
        #expect(namer.name(row: 2, procedure: "plain", fields: [:]) == "0002-plain.pdf")
        #expect(namer.name(row: 2001, procedure: "plain", fields: [:]) == "2001-plain.pdf")
    }

    @Test func unknownPlaceholders() {
        let columns = ["procedure", "patient_name", "label"]
        #expect(FileNamer.unknownPlaceholders(in: "{row}-{procedure}-{label}.pdf", columns: columns).isEmpty)
        #expect(FileNamer.unknownPlaceholders(in: "{lable}-{Patient Name}.pdf", columns: columns) == ["lable", "Patient Name"])
    }
}
