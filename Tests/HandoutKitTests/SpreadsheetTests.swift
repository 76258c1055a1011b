import Foundation
import Testing

/// `handout batch` on spreadsheets as they are exported: what the user sees, what is written,
/// and that patient data stays out of every message.
@Suite struct SpreadsheetTests {
    static let content = TestSupport.fixtures.appendingPathComponent("Personal")

    func write(_ text: String, name: String = "patients.csv", in folder: URL? = nil) throws -> URL {
        try write(Data(text.utf8), name: name, in: folder)
    }

    func write(_ data: Data, name: String = "patients.csv", in folder: URL? = nil) throws -> URL {
        let url = try (folder ?? TestSupport.temporaryFolder()).appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    func batch(_ file: URL, _ extra: [String] = [], content: URL = content, environment: [String: String] = [:]) throws -> (TestSupport.Result, URL) {
        let out = try TestSupport.temporaryFolder().appendingPathComponent("batch")
        let result = try TestSupport.handout(["batch", file.path, "--content", content.path, "--output", out.path] + extra, environment: environment)
        return (result, out)
    }

    func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func errors(_ result: TestSupport.Result) -> [Substring] {
        result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
    }

    /// A content copy whose clinic.yaml has `extra` added.
    func content(adding extra: String) throws -> URL {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Self.content, to: folder)
        let clinic = folder.appendingPathComponent("clinic.yaml")
        try (String(decoding: try Data(contentsOf: clinic), as: UTF8.self) + "\n" + extra + "\n").write(to: clinic, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func anExcelStyleWindows1252FileIsReadAndTheSummaryNamesHowItWasRead() throws {
        // Excel's plain CSV on Windows in a comma-as-decimal-mark country: ; and Windows-1252.
        let text = "Procedure;Patient Name;Procedure Date;Arrival Time;Notes\r\n"
            + "Plain Handout;Renée Müller;December 3, 2026;07:30 AM;\"Bring water; and a list\"\r\n"
        let data = text.data(using: .windowsCP1252)!
        #expect(data.contains(0xE9) && data.contains(0xFC))
        let (result, out) = try batch(try write(data))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("patients.csv: is not UTF-8, so it was read as Windows-1252"))
        #expect(result.stdout.contains("written 1, failed 0") && result.stdout.contains("(CSV, semicolon-separated, Windows-1252)"), "\(result.stdout)")
        let pdf = out.appendingPathComponent("2-plain.pdf")
        let printed = try TestSupport.text(pdf)
        #expect(printed.contains("Renée Müller") && printed.contains("Thursday, December 3, 2026") && printed.contains("7:30 AM"))
        #expect(printed.contains("Bring water; and a list"))
        #expect(!result.stderr.contains("Renée") && !result.stdout.contains("Müller"))
        // Said outright, the encoding is not guessed, so not warned about.
        let (given, _) = try batch(try write(data), ["--encoding", "windows-1252"])
        #expect(given.status == 0 && !given.stderr.contains("warning"), "\(given.stderr)")
    }

    @Test func utf16WithTabsIsReadAsExcelsUnicodeText() throws {
        let text = "procedure\tpatient_name\tprocedure_date\r\nplain\tŁukasz Żółć\t2026-12-03\r\n"
        let (result, out) = try batch(try write(Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, name: "export.txt"),
                                      ["--name", "{patient_name}.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(CSV, tab-separated, UTF-16)"))
        #expect(files(out) == ["Lukasz_Zolc.pdf"], "transliterated, not _ukasz")
        #expect(try TestSupport.text(out.appendingPathComponent("Lukasz_Zolc.pdf")).contains("Łukasz Żółć"))
    }

    @Test func datesAndTimesInEveryFormAndTheDateOrder() throws {
        let csv = try write("""
            procedure,patient_name,procedure_date,arrival_time
            plain,A,2026-12-03,7:30
            plain,B,12/03/2026,7:30 am
            plain,C,3-Dec-2026,07:30 AM
            plain,D,"Dec 3, 2026",19:30
            plain,E,"December 3, 2026",0730

            """)
        let (mdy, _) = try batch(csv, ["--check"])
        #expect(mdy.status == 0, "\(mdy.stderr)")
        #expect(mdy.stdout.contains("checked 5 rows: ready 5, failed 0; nothing written"))
        #expect(mdy.stdout.contains("note: dates written like 12/03/2026 were read month first"), "an assumed order is said once")
        // --date-order dmy reads the same cell as 12 March; the others do not depend on it.
        let (dmy, out) = try batch(csv, ["--date-order", "dmy", "--name", "{row}-{patient_name}.pdf"])
        #expect(dmy.status == 0, "\(dmy.stderr)")
        #expect(!dmy.stdout.contains("note:"))
        #expect(try TestSupport.text(out.appendingPathComponent("3-B.pdf")).contains("Thursday, March 12, 2026"))
        #expect(try TestSupport.text(out.appendingPathComponent("6-E.pdf")).contains("Thursday, December 3, 2026"))
        // clinic.yaml's date_order applies to --field and to batches that do not say.
        let dayFirst = try content(adding: "date_order: dmy")
        let field = try TestSupport.handout(["render", "plain", "--content", dayFirst.path, "--output", out.appendingPathComponent("field").path,
                                             "--field", "patient_name=A", "--field", "procedure_date=12/03/2026", "--field", "arrival_time=0730"])
        #expect(field.status == 0, "\(field.stderr)")
        let fieldText = try TestSupport.text(out.appendingPathComponent("field/plain.pdf"))
        #expect(fieldText.contains("Thursday, March 12, 2026") && fieldText.contains("7:30 AM"))
        let (clinicOrder, _) = try batch(csv, ["--check"], content: dayFirst)
        #expect(clinicOrder.status == 0 && !clinicOrder.stdout.contains("note:"))
        // A day-first date without an order names the fix, not the value.
        let bad = try TestSupport.handout(["render", "plain", "--content", Self.content.path, "--output", out.appendingPathComponent("bad").path,
                                           "--field", "patient_name=A", "--field", "procedure_date=25/03/2026"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--field: 'procedure_date': is written day first (like 25/03/2026), which needs `date_order: dmy` in clinic.yaml"))
    }

    @Test func proceduresByTitleInAnyCaseWithSpacesAndSeveralPerRow() throws {
        let csv = try write("""
            procedure,patient_name,physician,procedure_date,arrival_time
            Plain Handout,A,Dr. X,2027-01-05,8:00
            PLAIN,B,Dr. X,2027-01-05,8:00
            getting ready for your procedure,C,Dr. X,2027-01-05,8:00
            prep | plain,D,Dr. X,2027-01-05,8:00
            "Prep;Plain Handout",E,Dr. X,2027-01-05,8:00
            plian,F,Dr. X,2027-01-05,8:00

            """)
        let (result, out) = try batch(csv, ["--name", "{row}-{procedure}.pdf"] + ["--check"])
        #expect(result.status == 1)
        #expect(errors(result) == ["error: row 7: unknown procedure 'plian'; did you mean `plain`? use a slug or title from `handout list`"], "\(result.stderr)")
        #expect(result.stdout.contains("ready 5, failed 1"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // In a semicolon-separated file, | separates procedures.
        let semicolons = try write("procedure;patient_name;physician;procedure_date;arrival_time\nprep|plain;A;Dr. B;2027-01-05;8:00\n")
        let (booklet, bookletOut) = try batch(semicolons)
        #expect(booklet.status == 0, "\(booklet.stderr)")
        #expect(files(bookletOut) == ["2-prep_plain.pdf"])
    }

    @Test func columnsAreMappedFromTheCommandLineAndFromAProfile() throws {
        let folder = try TestSupport.temporaryFolder()
        let csv = try write("""
            MRN,First Name,Last Name,Appt Type,Appt Date,Doctor
            1001,Ann,Lee,Plain Handout,12/03/2026,Dr. Ruiz

            """, in: folder)
        let mapping = ["--column", "patient_name={First Name} {Last Name}", "--column", "procedure={appt type}",
                       "--column", "procedure_date={Appt Date}", "--column", "physician={doctor}"]
        let (cli, cliOut) = try batch(csv, mapping + ["--name", "{last_name}-{row}.pdf"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(files(cliOut) == ["Lee-2.pdf"], "a consumed column still names files")
        #expect(try TestSupport.text(cliOut.appendingPathComponent("Lee-2.pdf")).contains("Ann Lee"))
        // Consumed columns are not "unused fields"; a column nothing consumes still is.
        #expect(cli.stderr.contains("'mrn' is not used here") && !cli.stderr.contains("first_name"), "\(cli.stderr)")

        let profile = folder.appendingPathComponent("ehr.yaml")
        try Data("""
            # Our EHR's appointment export
            columns:
              patient_name: "{First Name} {Last Name}"
              procedure: "{Appt Type}"
              procedure_date: "{Appt Date}"
              physician: "{Doctor}"
              mrn: ""
            date_order: dmy

            """.utf8).write(to: profile)
        let (fromProfile, profileOut) = try batch(csv, ["--profile", profile.path])
        #expect(fromProfile.status == 0, "\(fromProfile.stderr)")
        #expect(!fromProfile.stderr.contains("not used here"), "\(fromProfile.stderr)")
        #expect(try TestSupport.text(profileOut.appendingPathComponent("2-plain.pdf")).contains("March 12, 2026"), "the profile's date_order")
        // The command line wins over the profile.
        let (overridden, overriddenOut) = try batch(csv, ["--profile", profile.path, "--column", "physician=Dr. Someone Else"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(try TestSupport.text(overriddenOut.appendingPathComponent("2-plain.pdf")).contains("Dr. Someone Else"))

        // A column the file lacks is one line naming where it was given; nothing is written.
        let (missing, missingOut) = try batch(csv, ["--column", "patient_name={first name} {surname}"])
        #expect(missing.status == 1)
        #expect(errors(missing) == ["error: --column: 'patient_name': {surname} is not a column of \(csv.path); its columns are mrn, first_name, last_name, appt_type, appt_date, doctor"], "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missingOut.path))
        // YAML reads an unquoted { as a group: the error names the profile's line and says to quote.
        try Data("columns:\n  patient_name: {First Name}\n".utf8).write(to: profile)
        let (unquoted, _) = try batch(csv, ["--profile", profile.path])
        #expect(errors(unquoted).first?.contains("ehr.yaml:2: 'columns.patient_name': must be text in quotes") == true, "\(unquoted.stderr)")
    }

    @Test func checkReadsEveryRowAndWritesNothing() throws {
        let csv = try write("procedure,patient_name\nplain,A\nplain,B\n")
        let (good, out) = try batch(csv, ["--check"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == "checked 2 rows: ready 2, failed 0; nothing written (CSV, comma-separated, UTF-8)\n")
        #expect(!FileManager.default.fileExists(atPath: out.path), "not even the folder")
        let (email, emailOut) = try batch(try write("procedure,patient_name,email\nplain,A,a@example.org\nplain,B,nope\n"), ["--check", "--email"])
        #expect(email.status == 1)
        #expect(errors(email).count == 1 && email.stderr.contains("error: row 3: email is not an email address"), "\(email.stderr)")
        #expect(!FileManager.default.fileExists(atPath: emailOut.path))
    }

    @Test func everyProblemOfARowIsReported() throws {
        let csv = try write("procedure,patient_name,procedure_date,arrival_time,physician\nnope,,someday,soon,\nprep,Secret Person,2026-12-03,7:00,\n")
        let (result, _) = try batch(csv, ["--check"])
        #expect(result.status == 1)
        #expect(errors(result) == [
            "error: row 2: unknown procedure 'nope'; use a slug or title from `handout list`",
            "error: row 2: patient_name is missing; every row needs the patient's name",
            "error: row 2: procedure_date is not a date; write it as YYYY-MM-DD (2026-12-03), 12/03/2026, 3-Dec-2026 or December 3, 2026",
            "error: row 2: arrival_time is not a time; write it as 7:30 AM, 19:30 or 0730",
            "error: row 3: \(Self.content.appendingPathComponent("procedures/prep.md").path.replacingOccurrences(of: TestSupport.packageRoot.path + "/", with: "")):6: 'physician': is used here as {{physician}} but was not given for this patient; add it, or remove it from the file",
        ], "\(result.stderr)")
        #expect(result.stdout.contains("ready 0, failed 2"))
        #expect(!result.stderr.contains("Secret Person") && !result.stderr.contains("someday") && !result.stderr.contains("soon"))
    }

    @Test func fieldReportsEveryProblemToo() throws {
        let out = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(["render", "plain", "--content", Self.content.path, "--output", out.path,
                                              "--field", "physician=Dr. Hidden", "--field", "procedure_date=someday", "--field", "arrival_time=soon"])
        #expect(result.status == 1)
        #expect(errors(result) == [
            "error: --field: 'patient_name': is missing; every row needs the patient's name",
            "error: --field: 'procedure_date': is not a date; write it as YYYY-MM-DD (2026-12-03), 12/03/2026, 3-Dec-2026 or December 3, 2026",
            "error: --field: 'arrival_time': is not a time; write it as 7:30 AM, 19:30 or 0730",
        ], "\(result.stderr)")
        #expect(files(out).isEmpty)
    }

    @Test func aProblemOfMoreThan20RowsIsOneLine() throws {
        // 2,000 rows as a day-first spreadsheet writes them, one of which only reads day first.
        var lines = ["Procedure,Patient Name,Procedure Date,Arrival Time"]
        for row in 2...1999 { lines.append("plain,Patient \(row),12/03/2027,7:30 AM") }
        lines.append("plain,Patient 2000,25/03/2027,7:30 AM")
        lines.append("plain,Patient 2001,2027-03-25,25:00")
        let csv = try write(lines.joined(separator: "\r\n") + "\r\n")
        let (result, _) = try batch(csv, ["--check"])
        #expect(result.status == 1)
        #expect(errors(result) == [
            "error: 1,998 rows: procedure_date written like 12/03/2026 needs --date-order: the file also has dates written day first (like 25/03/2026); add --date-order dmy, or --date-order mdy if those are the mistakes; rows 2-1999",
            "error: row 2000: procedure_date is written day first (like 25/03/2026), which needs --date-order dmy",
            "error: row 2001: arrival_time is not a time; write it as 7:30 AM, 19:30 or 0730",
        ], "\(result.stderr.prefix(2000))")
        #expect(result.stdout.contains("checked 2000 rows: ready 0, failed 2000"))
        let (fixed, _) = try batch(csv, ["--check", "--date-order", "dmy"])
        #expect(errors(fixed) == ["error: row 2001: arrival_time is not a time; write it as 7:30 AM, 19:30 or 0730"])
    }

    @Test func aProcedureDateInThePastIsWarnedPerRow() throws {
        let csv = try write("procedure,patient_name,procedure_date\nplain,A,2026-12-03\nplain,B,2026-12-09\nplain,C,2026-12-10\n")
        // SOURCE_DATE_EPOCH is today when set: 2026-12-10.
        let today = ["SOURCE_DATE_EPOCH": "1796860800"]
        let (result, out) = try batch(csv, [], environment: today)
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("before today") }
        #expect(warnings == [
            "warning: \(csv.path): row 2: procedure_date is before today (2026-12-10); check the date",
            "warning: \(csv.path): row 3: procedure_date is before today (2026-12-10); check the date",
        ], "\(result.stderr)")
        #expect(files(out).count == 3, "a warning does not stop a row")
        let (strict, _) = try batch(csv, ["--strict", "--check"], environment: today)
        #expect(strict.status == 1)
        #expect(errors(strict).count == 2 && strict.stderr.contains("row 2: procedure_date is before today (2026-12-10); check the date (an error with --strict)"))
    }

    @Test func aMisspelledFieldGetsADidYouMean() throws {
        let out = try TestSupport.temporaryFolder()
        let result = try TestSupport.handout(["render", "plain", "--content", Self.content.path, "--output", out.path,
                                              "--field", "patient_name=A", "--field", "arival_time=7:30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("the patient's field 'arival_time' is not used here; did you mean `arrival_time`?"), "\(result.stderr)")
        let (batch, _) = try batch(try write("procedure,patient_name,Procedure Dat\nplain,A,2026-12-03\n"), ["--check"])
        #expect(batch.stderr.contains("'procedure_dat' is not used here; did you mean `procedure_date`?"), "\(batch.stderr)")
    }

    @Test func namesAreZeroPaddedAvoidDeviceNamesAndPlaceholdersMustBeColumns() throws {
        var rows = ["procedure,patient_name,label"]
        for row in 2...11 { rows.append("plain,Patient \(row),\(["CON", "nul.tar", "Łukasz"][row % 3])") }
        let csv = try write(rows.joined(separator: "\n") + "\n")
        let (result, out) = try batch(csv)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(out) == (2...11).map { String(format: "%02d-plain.pdf", $0) }, "rows 2 to 11 sort in order")
        let (named, namedOut) = try batch(csv, ["--name", "{label}.pdf"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(files(namedOut) == ["CON_-2.pdf", "CON_-3.pdf", "CON_.pdf", "Lukasz-2.pdf", "Lukasz-3.pdf", "Lukasz-4.pdf", "Lukasz.pdf",
                                    "nul_.tar-2.pdf", "nul_.tar-3.pdf", "nul_.tar.pdf"])
        // A placeholder that is no column is refused before anything is written.
        let (unknown, unknownOut) = try batch(csv, ["--name", "{row}-{lable}.pdf"])
        #expect(unknown.status == 1)
        #expect(errors(unknown) == ["error: --name: {lable} is not {row}, {procedure} or a column of \(csv.path); did you mean {label}? use one of {row}, {procedure}, {patient_name}, {label}"], "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: unknownOut.path))
    }
}
