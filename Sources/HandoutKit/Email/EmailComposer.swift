import Foundation

/// Makes email drafts a clinician opens, checks and sends from their own mail client: the PDFs
/// go through the document writer (finished, and locked when asked), the words come from the
/// clinic's email text, and nothing an inbox list shows (subject, file names) names the patient.
public struct EmailComposer: Sendable {
    public let engine: HandoutEngine

    public init(engine: HandoutEngine) { self.engine = engine }

    /// The draft for `request`, dated `date` (seconds since 1970), as an `.eml` document named
    /// "email.eml" (no patient data) for the writer to deliver.
    public func draft(_ request: EmailRequest, on worker: HandoutWorker, date: Int64) throws -> Document {
        let clinic = try engine.library.clinic()
        guard !request.slugs.isEmpty else {
            throw HandoutError(file: "the email", "names no handout; give at least one slug (see `handout list`)")
        }
        let from = try sender(request, clinic: clinic)
        if let to = request.to, let problem = EmailAddress.problem(to) { throw HandoutError(file: "the To address", problem) }
        // The words are in the attachments' language: the one asked for, else the first handout's.
        var ignored: [Warning] = []
        let language = try request.language ?? engine.library.procedure(request.slugs[0], warnings: &ignored).language
        let strings = try engine.library.strings(for: language)
        let subject = try self.subject(request, clinic: clinic, strings: strings)
        let (password, note) = try lock(request, clinic: clinic, strings: strings)

        let patient = try patientForHandouts(request)
        var attachments: [MIMEMessage.Attachment] = []
        var documents = request.asBooklet
            ? [(DocumentRequest(.booklet(request.slugs), patient: patient), "your-procedures.pdf")]
            : request.slugs.map { (DocumentRequest(.handout($0), patient: patient), "\($0).pdf") }
        for index in documents.indices {
            documents[index].0.language = request.language
            documents[index].0.fallback = request.fallback
        }
        for (documentRequest, fileName) in documents {
            var document = try engine.pdf(documentRequest, on: worker)
            document.password = password
            let delivered = try engine.writer.deliver(document, to: .memory)
            attachments.append(MIMEMessage.Attachment(fileName: fileName, bytes: delivered.bytes))
        }

        let template = try engine.library.emailTemplate(strings)
        let body = try template.body(patient: request.patient, clinic: clinic, lockNote: note.map { $0(attachments.count) })
        let message = MIMEMessage(
            from: MIMEMessage.Mailbox(name: clinic.name, address: from),
            to: request.to.map { MIMEMessage.Mailbox(address: $0) },
            subject: subject, date: date, body: body, attachments: attachments)
        let bytes = message.bytes
        guard bytes.count <= clinic.emailSizeLimit else {
            throw HandoutError(
                file: "the email draft",
                "would be \(Self.size(bytes.count)) with its attachments, over the \(Self.size(clinic.emailSizeLimit)) limit for email (most mail servers take 10 MB; clinic.yaml's email_size_limit_mb sets it); attach fewer handouts and send the rest in a second email")
        }
        return Document(
            format: .eml, bytes: bytes, pages: 0, language: language,
            structure: nil, isPersonal: true, name: "email.eml")
    }

    /// The patient as the handouts see them: without the field that only chose the password
    /// (a date of birth), unless a handout prints it, so it is neither warned about as unused
    /// nor carried further than it must be.
    private func patientForHandouts(_ request: EmailRequest) throws -> Patient? {
        guard case let .field(name) = request.lock, var patient = request.patient else { return request.patient }
        var warnings: [Warning] = []
        for slug in request.slugs where try engine.library.procedure(slug, warnings: &warnings).fieldReferences.contains(where: { $0.name == name }) {
            return patient
        }
        patient.fields[name] = nil
        return patient
    }

    /// The sender's address: the one asked for, else the clinic's.
    private func sender(_ request: EmailRequest, clinic: Clinic) throws -> String {
        guard let from = request.from ?? clinic.email else {
            throw HandoutError(file: clinic.file, key: "email", "is missing, so the draft has no sender; add a line such as `email: care@example.org`, or give --from")
        }
        if let problem = EmailAddress.problem(from) {
            throw HandoutError(file: request.from == nil ? clinic.file : "the From address", key: request.from == nil ? "email" : nil, problem)
        }
        return from
    }

    /// The subject shows in every inbox list and notification, so it never holds a patient's
    /// details; one line of at most 200 characters.
    private func subject(_ request: EmailRequest, clinic: Clinic, strings: StringCatalog) throws -> String {
        guard let subject = request.subject else { return strings.text(.emailSubject, ["clinic": clinic.name]) }
        guard !subject.contains(where: \.isNewline), (1...200).contains(subject.count) else {
            throw HandoutError(file: "the subject", "must be one line of 1 to 200 characters")
        }
        let lowered = subject.lowercased()
        if let patient = request.patient,
           let field = patient.fields.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count >= 3 && lowered.contains($0.value.lowercased()) }) {
            throw HandoutError(file: "the subject", "holds the patient's \(field.key); a subject shows in inbox lists, so keep patient details out of it")
        }
        return subject
    }

    /// The attachments' password and the sentence that tells the patient how to open them
    /// (given the number of attachments), never the password itself.
    private func lock(_ request: EmailRequest, clinic: Clinic, strings: StringCatalog) throws -> (String?, ((Int) -> String)?) {
        guard let lock = request.lock else { return (nil, nil) }
        let intro = { (count: Int) in strings.text(count == 1 ? .emailLockedOne : .emailLockedMany) }
        switch lock {
        case let .password(password):
            guard !password.isEmpty, password.count <= 127 else {
                throw HandoutError(file: "--password", "must be 1 to 127 characters")
            }
            return (password, { "\(intro($0)) \(strings.text(.emailPasswordGiven))" })
        case let .field(name):
            guard let value = request.patient?.fields[name], !value.isEmpty else {
                throw HandoutError(file: "--password-field", key: name, "is not one of the patient's fields; add --field \(name)=...")
            }
            let words = name.replacingOccurrences(of: "_", with: " ")
            // A date is read as dates are everywhere (3/7/1961 in the clinic's order, 7-Mar-1961…).
            var date: CalendarDate?
            if WrittenDate.read(value) != .unreadable {
                switch DateRules(chosen: clinic.dateOrder, setting: .clinicFile).read(value) {
                case let .success(day): date = day
                case let .failure(problem): throw HandoutError(file: "--password-field", key: name, problem.reason)
                }
            }
            if let day = date {
                // A date is typed the way patients are used to: eight digits, month first.
                let digits = zeroPadded(day.month, width: 2) + zeroPadded(day.day, width: 2) + zeroPadded(day.year, width: 4)
                // The example must never be the password itself.
                let (example, exampleDigits) = digits == "07041980"
                    ? (CalendarDate(year: 1961, month: 3, day: 7)!, "03071961") : (CalendarDate(year: 1980, month: 7, day: 4)!, "07041980")
                let sentence = strings.text(.emailPasswordDate, ["field": words, "example": strings.dates.long(example), "digits": exampleDigits])
                return (digits, { "\(intro($0)) \(sentence)" })
            }
            return (value, { "\(intro($0)) \(strings.text(.emailPasswordField, ["field": words]))" })
        }
    }

    private static func size(_ bytes: Int) -> String {
        bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
