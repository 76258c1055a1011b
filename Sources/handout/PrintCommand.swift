import ArgumentParser
import Foundation
import HandoutBindings
import HandoutCommandLine
import HandoutKit

/// `handout print SLUG...`: straight to a printer through CUPS; no file is written.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Print handouts through CUPS, without writing any file.",
        discussion: "One slug prints that handout; several print as one booklet (with --field, that patient's own). See `handout printers` for the printers.")

    @Argument(help: "Handout slugs.")
    var slugs: [String]

    @OptionGroup var options: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var patientOptions: PatientOptions

    @Option(name: .long, help: "A CUPS printer name (see `handout printers`) or an ipp:// address.")
    var printer: String

    @Option(name: .long, help: "Copies, 1 to 99.")
    var copies: Int = 1

    @Option(name: .long, help: "one-sided or two-sided-long-edge.")
    var sides: PrintSides = .oneSided

    func validate() throws {
        if slugs.isEmpty { throw ValidationError("name at least one handout (see `handout list`)") }
        if !(1...99).contains(copies) { throw ValidationError("--copies must be from 1 to 99") }
    }

    func run() throws {
        try Console.guarded {
            let engine = try options.engine()
            let document = try engine.pdf(languageOptions.apply(to: DocumentRequest(slugs: slugs, patient: try patientOptions.patient(for: engine))), on: try engine.makeWorker())
            let delivery = try engine.writer.deliver(document, to: .printer(PrintOrder(printer: printer, copies: copies, sides: sides)))
            let job = delivery.receipt.map { "job \($0.jobID)" } ?? "sent"
            Console.say("\(printer): \(job), \(document.pages) page\(document.pages == 1 ? "" : "s") × \(copies), \(sides.rawValue)")
        }
    }
}

extension PrintSides: ExpressibleByArgument {}

/// `handout printers`: the CUPS destinations this computer knows.
struct PrintersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "printers", abstract: "List the printers CUPS knows: name, default, state.")

    func run() throws {
        try Console.guarded {
            let printers = try Cups.destinations()
            if printers.isEmpty {
                Console.say("no printers; add one to CUPS (e.g. `lpadmin -p NAME -v ipp://ADDRESS/ipp/print -m everywhere -E`) or print to an ipp:// address with --printer")
            }
            for printer in printers {
                var columns = [printer.name, printer.isDefault ? "default" : "-", printer.state.rawValue]
                if let message = printer.message, !message.isEmpty { columns.append(message) }
                Console.say(columns.joined(separator: "\t"))
            }
        }
    }
}
