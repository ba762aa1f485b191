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
    .target(name: "SurveyCLI", dependencies: ["SurveyCore", "SurveyDSL"]),
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
      dependencies: ["SurveyCLI", "SurveyTestSupport"]
    ),
    .testTarget(
      name: "ExamplesTests",
      dependencies: ["SurveyDSL", "SurveyCore", "SurveyTestSupport"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
