// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Handout",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "handout", targets: ["handout"]),
        .executable(name: "handout-serve", targets: ["handout-serve"]),
        .library(name: "HandoutKit", targets: ["HandoutKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries, bound through pkg-config; the only targets that see C headers.
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(
            name: "CPangoFc", pkgConfig: "pangoft2",
            providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(
            name: "CFontconfig", pkgConfig: "fontconfig",
            providers: [.apt(["libfontconfig-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        // libpng directly, for page previews: cairo's own PNG writer cannot be told to be quick.
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        // libqpdf's C API (encryption, object handles); the finishing step below uses its C++ API.
        // Linked statically by PDFFinishing, so no pkg-config here (its flags would add the .so).
        .systemLibrary(
            name: "CQPDF",
            providers: [.apt(["libqpdf-dev"])]),
        // harfbuzz's subsetter, which the finishing step uses to take the hinting out of embedded fonts.
        .systemLibrary(
            name: "CHarfBuzzSubset", pkgConfig: "harfbuzz-subset",
            providers: [.apt(["libharfbuzz-dev"])]),
        // libhyphen, for syllable counts (`handout check`); Debian ships no .pc file for it either.
        .systemLibrary(
            name: "CHyphen",
            providers: [.apt(["libhyphen-dev"])]),
        // glibc's allocator settings (malloc.h), which Swift's Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),
        // Debian's libcups2-dev ships cups-config but no .pc file; the shim opens libcups on first use.
        .systemLibrary(
            name: "CCups",
            providers: [.apt(["libcups2-dev"])]),

        // The finishing step on qpdf's C++ API (its C API has no content-stream tokenizer) and
        // harfbuzz's subsetter, behind one C function.
        // libqpdf and gnutls, its crypto provider, are linked from their static archives (in this
        // order: each archive needs the ones after it). Loading libqpdf.so, gnutls and the five
        // libraries gnutls needs cost every command about 2 ms of its start (measured A/B).
        // libunistring and p11-kit stay shared; Debian has no static archive of either, and
        // no unversioned name for libunistring.
        .target(
            name: "PDFFinishing",
            dependencies: ["CQPDF", "CHarfBuzzSubset"],
            linkerSettings: [
                .linkedLibrary(":libqpdf.a"), .linkedLibrary(":libgnutls.a"),
                .linkedLibrary(":libhogweed.a"), .linkedLibrary(":libnettle.a"), .linkedLibrary(":libgmp.a"),
                .linkedLibrary(":libtasn1.a"), .linkedLibrary(":libidn2.a"),
                .linkedLibrary(":libunistring.so.2"), .linkedLibrary("p11-kit"),
                .linkedLibrary("jpeg"), .linkedLibrary("z"),
            ]),

        // Swift owners of every C object; no unsafe pointer leaves this target.
        .target(
            name: "HandoutBindings",
            dependencies: ["CPangoCairo", "CPangoFc", "CFontconfig", "CCmark", "CCups", "CPNG", "CQPDF", "CHyphen", "CMalloc", "PDFFinishing"]),

        // Content → layout → pages → PDF.
        .target(
            name: "HandoutKit",
            dependencies: [
                "HandoutBindings",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]),

        // The front-desk web page; HandoutKit itself knows nothing of HTTP.
        .target(
            name: "HandoutWeb",
            dependencies: [
                "HandoutKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),

        // What both programs' command lines share: options, messages, where output goes.
        .target(
            name: "HandoutCommandLine",
            dependencies: ["HandoutKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // The thin command-line front end.
        .executableTarget(
            name: "handout",
            dependencies: ["HandoutKit", "HandoutBindings", "HandoutCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // `handout serve`, a program of its own so that the web server's libraries (FlyingFox pulls
        // in Foundation's networking and curl, ~8 ms of loading) never slow the other commands' start.
        .executableTarget(
            name: "handout-serve",
            dependencies: ["HandoutKit", "HandoutWeb", "HandoutCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .testTarget(
            name: "HandoutKitTests",
            dependencies: ["HandoutKit", "HandoutBindings"],
            exclude: ["Fixtures"]),
    ],
    cxxLanguageStandard: .cxx17
)
