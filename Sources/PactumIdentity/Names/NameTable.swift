import Foundation

/// Given names and family names of one locale, for generating synthetic people.
///
/// The tables ship as CSV resources (`kind,sex,name`) extracted from openly licensed sources;
/// `Scripts/extract-faker-names.py` rebuilds them and each file's first line names its source.
public struct NameTable: Sendable, Hashable {
    /// Sex as written in a travel document or a registry (ICAO 9303: F, M, X).
    public enum Sex: String, Sendable, Hashable, CaseIterable {
        case female = "F", male = "M"
    }

    /// The locale code, e.g. `de_DE`.
    public let locale: String
    /// Given names by sex.
    public let givenNames: [Sex: [String]]
    /// Family names.
    public let familyNames: [String]

    /// Creates a table from its parts.
    public init(locale: String, givenNames: [Sex: [String]], familyNames: [String]) {
        self.locale = locale
        self.givenNames = givenNames
        self.familyNames = familyNames
    }

    /// Errors found while reading a name table.
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case missing(locale: String)
        case malformedLine(locale: String, line: Int)
        case empty(locale: String)

        public var description: String {
            switch self {
            case .missing(let locale): "no name table for locale \(locale)"
            case .malformedLine(let locale, let line): "name table \(locale): line \(line) is not kind,sex,name"
            case .empty(let locale): "name table \(locale) has no given or no family names"
            }
        }
    }

    /// The locales shipped with Pactum.
    public static let shippedLocales = ["de_DE", "es_ES", "it_IT"]

    /// Loads a shipped table.
    public static func shipped(_ locale: String) throws -> NameTable {
        let url = Bundle.module.bundleURL.appendingPathComponent("Resources/names/\(locale).csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw LoadError.missing(locale: locale) }
        return try parse(csv: text, locale: locale)
    }

    /// Parses `kind,sex,name` rows; lines starting with `#` and the header are skipped.
    public static func parse(csv text: String, locale: String) throws -> NameTable {
        var given: [Sex: [String]] = [:]
        var family: [String] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            if line.hasPrefix("#") || line == "kind,sex,name" { continue }
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, !fields[2].isEmpty else {
                throw LoadError.malformedLine(locale: locale, line: index + 1)
            }
            let name = String(fields[2])
            switch (fields[0], Sex(rawValue: String(fields[1]))) {
            case ("given", let sex?): given[sex, default: []].append(name)
            case ("family", _): family.append(name)
            default: throw LoadError.malformedLine(locale: locale, line: index + 1)
            }
        }
        guard !given.isEmpty, !family.isEmpty else { throw LoadError.empty(locale: locale) }
        return NameTable(locale: locale, givenNames: given, familyNames: family)
    }
}
