import ArgumentParser
import Foundation
import HandoutKit

/// Prints results to stdout and problems to stderr, one line each, and turns failures into exit codes.
enum Console {
    static func say(_ line: String) {
        print(line)
    }

    static func warn(_ warning: Warning) {
        FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// Runs `body`, reporting any error as one line and exiting with status 1: never a stack trace.
    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            fail("\(error)")
            throw ExitCode(1)
        }
    }
}
