import ArgumentParser
import HandoutKit

/// How an email draft is addressed and locked: shared by `handout email` and `batch --email`.
public struct EmailOptions: ParsableArguments {
    @Option(name: .long, help: "Email drafts: the sender's address (default: clinic.yaml's email).")
    public var from: String?

    @Option(name: .long, help: "Email drafts: the subject (default: \"Your procedure information from CLINIC\"); never the patient's details.")
    public var subject: String?

    @Flag(name: .long, help: "Email drafts: attach one your-procedures.pdf holding all the handouts.")
    public var booklet = false

    @Option(name: .long, help: "Email drafts: lock the attachments with this password (- reads it from standard input, out of other users' process lists).")
    public var password: String?

    @Option(name: .long, help: "Email drafts: lock the attachments with the value of this patient field, e.g. date_of_birth (a date becomes MMDDYYYY).")
    public var passwordField: String?

    public init() {}

    /// Whether any of these options was given.
    public var isEmpty: Bool { from == nil && subject == nil && !booklet && password == nil && passwordField == nil }

    public func validate() throws {
        if password != nil && passwordField != nil { throw ValidationError("give --password or --password-field, not both") }
    }

    /// The lock asked for; `--password -` reads the password from standard input now.
    public func lock() throws -> EmailRequest.Lock? {
        if let password { return .password(password == "-" ? try Console.readSecret(for: "--password -") : password) }
        return passwordField.map { .field(BatchReader.fieldName($0)) }
    }
}
