// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The matchers count bits: on x86-64 the baseline has no POPCNT instruction and Swift would
// emulate it. Nehalem (2008) and every x86-64 since have it; release builds of the pure
// engines use it.
// The identification engine is optimised in debug builds too: its tests and the demo's
// registrations compare thousands of fingerprints, which unoptimised code makes minutes.
#if arch(x86_64)
    let engineSettings: [SwiftSetting] =
        strict + [
            .unsafeFlags(["-target-cpu", "nehalem"], .when(configuration: .release)),
            .unsafeFlags(["-O"], .when(configuration: .debug)),
        ]
#else
    let engineSettings = strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]
#endif

// VaporTesting's response helpers live in a module that is not a product, so the app's test
// target cannot import it by name as MemberImportVisibility would require.
let testSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "pactum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pactum", targets: ["pactum"]),
        .executable(name: "law-benchmark", targets: ["LawBenchmark"]),
        .executable(name: "identity-benchmark", targets: ["IdentityBenchmark"]),
        .executable(name: "finger-benchmark", targets: ["FingerBenchmark"]),
        .executable(name: "finger-search-benchmark", targets: ["FingerSearchBenchmark"]),
        .executable(name: "face-benchmark", targets: ["FaceBenchmark"]),
        .executable(name: "clock-benchmark", targets: ["ClockBenchmark"]),
        .library(name: "PactumLaw", targets: ["PactumLaw"]),
        .library(name: "PactumIdentity", targets: ["PactumIdentity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.0"),
    ],
    targets: [
        .target(name: "PactumLaw", swiftSettings: strict),
        .target(name: "PactumKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        .target(
            name: "PactumIdentity", dependencies: ["PactumKernels"], resources: [.copy("Resources")],
            swiftSettings: engineSettings),
        .target(
            name: "PactumApp",
            dependencies: [
                "PactumLaw", "PactumIdentity",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pactum",
            dependencies: [
                "PactumApp", "PactumLaw", "PactumIdentity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "IdentityBenchmark", dependencies: ["PactumIdentity"], path: "Benchmarks/IdentityBenchmark",
            swiftSettings: strict),
        .executableTarget(
            name: "FaceBenchmark", dependencies: ["PactumIdentity"], path: "Benchmarks/FaceBenchmark",
            swiftSettings: strict),
        .executableTarget(
            name: "FingerBenchmark", dependencies: ["PactumIdentity"], path: "Benchmarks/FingerBenchmark",
            swiftSettings: strict),
        .executableTarget(
            name: "FingerSearchBenchmark", dependencies: ["PactumIdentity"], path: "Benchmarks/FingerSearchBenchmark",
            swiftSettings: strict),
        .executableTarget(
            name: "ClockBenchmark", dependencies: ["PactumApp", "PactumLaw"], path: "Benchmarks/ClockBenchmark",
            swiftSettings: strict),
        .executableTarget(
            name: "LawBenchmark", dependencies: ["PactumLaw"], path: "Benchmarks/LawBenchmark", swiftSettings: strict),
        .testTarget(
            name: "PactumLawTests",
            dependencies: ["PactumLaw", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "PactumIdentityTests", dependencies: ["PactumIdentity"], resources: [.copy("Fixtures")],
            swiftSettings: strict),
        .testTarget(
            name: "PactumAppTests",
            dependencies: [
                "PactumApp", "PactumLaw", "PactumIdentity",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: testSettings
        ),
    ]
)
