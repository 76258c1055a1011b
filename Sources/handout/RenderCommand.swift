import ArgumentParser
import Foundation
import HandoutKit

/// `handout render SLUG... | --all`: one PDF per handout.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render handouts to OUTPUT/SLUG.pdf.")

    @Argument(help: "Handout slugs (file names in Content/procedures without .md).")
    var slugs: [String] = []

    @Flag(name: .long, help: "Render every handout.")
    var all = false

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "Output folder.")
    var output: String = "Output"

    @Option(name: .long, help: ArgumentHelp(
        "A patient field, NAME=VALUE, for a personalized copy; repeat for each field.",
        discussion: "patient_name is required; also procedure_date (YYYY-MM-DD), arrival_time, physician, notes, and any field the content uses."))
    var field: [String] = []

    func validate() throws {
        if all && !slugs.isEmpty { throw ValidationError("give handout names or --all, not both") }
        if !all && slugs.isEmpty { throw ValidationError("name at least one handout (see `handout list`) or use --all") }
        for item in field where !item.contains("=") || item.hasPrefix("=") {
            throw ValidationError("--field takes NAME=VALUE, e.g. --field patient_name=\"Maria López\"")
        }
    }

    /// The patient, when any --field is given. Problems name the field, never its value.
    func patient() throws -> Patient? {
        guard !field.isEmpty else { return nil }
        var fields: [String: String] = [:]
        for item in field {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields[BatchReader.fieldName(String(parts[0]))] = String(parts[1])
        }
        do { return try Patient(fields: fields) } catch { throw HandoutError(file: "--field", key: error.field, error.reason) }
    }

    func run() throws {
        try Console.guarded {
            let workspace = options.workspace(output: output)
            let engine = try HandoutEngine(workspace: workspace, layout: options.layout)
            let chosen = all ? try engine.library.slugs() : slugs
            try HandoutWriter(engine: engine, outputFolder: workspace.output, patient: try patient()).renderAll(chosen)
        }
    }
}
