// swift-tools-version: 6.3
import PackageDescription

let package = Package(
  name: "survey",
  products: [
    .executable(name: "survey", targets: ["survey"])
  ],
  targets: [
    .target(name: "SurveyCore"),
    .target(name: "SurveyDSL", dependencies: ["SurveyCore"]),
    .target(name: "SurveyIngest", dependencies: ["SurveyCore"]),
    .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    .target(name: "SurveyStore", dependencies: ["SurveyCore", "SurveyIngest", "CSQLite"]),
    .target(name: "SurveySimulation", dependencies: ["SurveyCore", "SurveyIngest"]),
    .target(name: "SurveyStatistics", dependencies: ["SurveyCore"]),
    .target(
      name: "SurveyEngine", dependencies: ["SurveyCore", "SurveyIngest", "SurveyStatistics"]),
    .target(
      name: "SurveyReporting", dependencies: ["SurveyCore", "SurveyStatistics"],
      resources: [.copy("Strings")]),
    .target(name: "SurveyFielding", dependencies: ["SurveyCore"]),
    .target(
      name: "SurveyCLI",
      dependencies: [
        "SurveyCore", "SurveyDSL", "SurveyIngest", "SurveySimulation", "SurveyStore",
        "SurveyStatistics",
        "SurveyEngine", "SurveyReporting", "SurveyFielding",
      ]),
    .executableTarget(name: "survey", dependencies: ["SurveyCLI"]),
    .target(name: "SurveyTestSupport", dependencies: ["SurveyCore"]),
    .testTarget(name: "SurveyCoreTests", dependencies: ["SurveyCore", "SurveyTestSupport"]),
    .testTarget(
      name: "SurveyDSLTests",
      dependencies: ["SurveyDSL", "SurveyCore", "SurveyTestSupport"],
      exclude: ["Fixtures", "Snapshots"]
    ),
    .testTarget(
      name: "SurveyCLITests",
      dependencies: [
        "SurveyCLI", "SurveyIngest", "SurveyTestSupport", "SurveyDSL", "SurveyStatistics",
        "SurveyStore",
        "SurveySimulation", "SurveyCore",
      ],
      exclude: ["References"]
    ),
    .executableTarget(name: "csvbench", dependencies: ["SurveyIngest"]),
    .target(name: "FuzzSupport"),
    .executableTarget(name: "FuzzDSL", dependencies: ["FuzzSupport", "SurveyDSL", "SurveyCore"]),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "SurveyIngest"]),
    .executableTarget(
      name: "FuzzImport",
      dependencies: ["FuzzSupport", "SurveyIngest", "SurveyEngine", "SurveyDSL", "SurveyCore"]),
    .executableTarget(
      name: "aggbench",
      dependencies: ["SurveyCLI", "SurveyDSL", "SurveyIngest", "SurveyStatistics", "SurveyCore"]),
    .testTarget(
      name: "SurveyIngestTests",
      dependencies: [
        "SurveyIngest", "SurveyCore", "SurveyDSL", "SurveySimulation", "SurveyTestSupport",
      ],
      exclude: ["CrossCheck", "FixtureTools"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "SurveyStoreTests",
      dependencies: [
        "SurveyStore", "SurveyIngest", "SurveyDSL", "SurveySimulation", "SurveyCore",
        "SurveyTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "SurveyStatisticsTests",
      dependencies: [
        "SurveyStatistics", "SurveyCore", "SurveyDSL", "SurveySimulation", "SurveyTestSupport",
      ],
      resources: [.copy("References")]
    ),
    .testTarget(
      name: "SurveyReportingTests",
      dependencies: [
        "SurveyReporting", "SurveyStatistics", "SurveyCore", "SurveyDSL", "SurveySimulation",
        "SurveyTestSupport",
      ]
    ),
    .testTarget(
      name: "SurveySimulationTests",
      dependencies: [
        "SurveySimulation", "SurveyIngest", "SurveyDSL", "SurveyCore", "SurveyTestSupport",
      ],
      exclude: ["References"]
    ),
    .testTarget(
      name: "ExamplesTests",
      dependencies: [
        "SurveyDSL", "SurveyCore", "SurveySimulation", "SurveyCLI", "SurveyTestSupport",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
