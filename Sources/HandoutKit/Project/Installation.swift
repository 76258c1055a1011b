import Foundation

/// Where the layouts and fonts Handout ships live, found from the executable's own location so
/// they are found whatever folder the tool is started from (a desktop shortcut, a service).
public enum Installation {
    /// `PREFIX/share/handout` for an installed copy, or the source checkout the binary was built
    /// in (`.build/release/handout` lies inside it); nil when neither is found.
    public static let sharedFolder: URL? = {
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            let installed = folder.appendingPathComponent("share/handout", isDirectory: true)
            if holdsLayouts(installed) { return installed }
            if holdsLayouts(folder), FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// The running program, with symbolic links resolved (a link in /usr/local/bin still finds
    /// the folder the binary really sits in).
    public static var executable: URL {
        let link = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) {
            return URL(fileURLWithPath: target)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
    }

    private static func holdsLayouts(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("Layouts/letter.yaml").path)
    }
}
