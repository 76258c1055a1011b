import ArgumentParser
import Foundation
import HandoutKit

/// Where content comes from and which layout to use: shared by the commands that render.
public struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "Content folder (clinic.yaml, procedures/); its parent is the project folder, which holds Layouts/, Fonts/ and Output/.")
    public var content: String?

    @Option(name: .long, help: "Layout: a name (letter, a4, large-print, half-letter, or one in the project's Layouts/) or a path to a .yaml file.")
    public var layout: String?

    public init() {}

    public func workspace(output: String? = nil) -> Workspace {
        Workspace(
            content: content.map { URL(fileURLWithPath: $0, isDirectory: true) },
            output: output.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    /// The engine for this project and layout, reporting warnings on stderr; `strict` refuses a
    /// document with any warning.
    public func engine(output: String? = nil, strict: Bool = false) throws -> HandoutEngine {
        try HandoutEngine(workspace: workspace(output: output), layout: layout, writer: DocumentWriter(strict: strict, report: Console.warn))
    }
}

/// A patient's details for a personalized copy: shared by render, preview, booklet and print.
public struct PatientOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A patient field, NAME=VALUE, for a personalized copy; repeat for each field.",
        discussion: "patient_name is required; also procedure_date (2026-12-03, 12/03/2026 in clinic.yaml's date_order, 3-Dec-2026, December 3, 2026), arrival_time (7:30 AM, 19:30, 0730), physician, notes, and any field the content uses."))
    public var field: [String] = []

    public init() {}

    public func validate() throws {
        for item in field where !item.contains("=") || item.hasPrefix("=") {
            throw ValidationError("--field takes NAME=VALUE, e.g. --field patient_name=\"Maria López\"")
        }
    }

    /// The patient, when any --field is given, with dates such as 12/03/2026 read in clinic.yaml's
    /// `date_order:` (month first when it has none). Every problem is reported, one line each;
    /// problems name the field, never its value.
    public func patient(for engine: HandoutEngine) throws -> Patient? {
        guard !field.isEmpty else { return nil }
        var fields: [String: String] = [:]
        for item in field {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields[BatchReader.fieldName(String(parts[0]))] = String(parts[1])
        }
        let rules = DateRules(chosen: try engine.library.clinic().dateOrder, setting: .clinicFile)
        do {
            return try Patient(fields: fields, dates: rules)
        } catch {
            var errors = error.all.map { HandoutError(file: "--field", key: $0.field, $0.reason) }
            let last = errors.popLast() ?? HandoutError(file: "--field", key: "patient_name", "is missing; add --field patient_name=...")
            for earlier in errors { Console.fail("\(earlier)") }
            throw last
        }
    }
}

/// Where a command's document goes: `--output` wins; a personalized copy otherwise goes to a new
/// file in `Output/personal/` (never over the clinic's generic copy, nor another patient's).
public struct OutputChoice {
    public var output: String?
    public var workspace: Workspace

    public init(output: String?, workspace: Workspace) {
        self.output = output
        self.workspace = workspace
    }

    /// `--output` naming a file (it ends in `extension`) rather than a folder.
    public var namesFile: Bool { output.map { $0.lowercased().hasSuffix(".pdf") || $0.lowercased().hasSuffix(".png") } ?? false }

    public func destination(personal: Bool, name: String? = nil) -> Destination {
        if let output, namesFile { return .file(URL(fileURLWithPath: output)) }
        let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        if personal { return .newFile(in: folder ?? workspace.personalOutput, name: name) }
        return .folder(folder ?? workspace.output)
    }
}
