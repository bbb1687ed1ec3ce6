import Foundation
import PactumLaw
import Vapor

/// `/api/v1/law`: the legal engine for everyone (no personal data, no sign-in).
struct LawAPIController: RouteCollection {
    let engine: DeadlineEngine

    func boot(routes: any RoutesBuilder) throws {
        let law = routes.grouped("law")
        law.get("rules", use: rules)
        law.get("rules", ":id", use: rule)
        law.get("holidays", use: holidays)
        law.get("period", use: period)
        law.get("deadline", use: deadline)
    }

    func rules(req: Request) async throws -> [ClockRule] { ClockRule.catalogue }

    func rule(req: Request) async throws -> ClockRule {
        let id = req.parameters.get("id") ?? ""
        guard let rule = ClockRule.named(id) else {
            throw Problem.notFound("No rule \(id); GET /api/v1/law/rules lists them.")
        }
        return rule
    }

    struct HolidayQuery: Content {
        var state: String?
        var subdivision: String?
        var year: String?
    }

    func holidays(req: Request) async throws -> HolidayList {
        let query = try req.query.decode(HolidayQuery.self)
        var check = FieldValidator()
        let state = check.memberState(query.state)
        let year = query.year.flatMap(Int.init)
        check.require(
            year.map(HolidayCalendar.supportedYears.contains) == true, "year", "must be a year from 1990 to 2100")
        try check.throwIfInvalid()
        return try lawAnswer(field: "subdivision") {
            try HolidayList(state: state!, subdivision: query.subdivision, year: year!, decrees: engine.decrees)
        }
    }

    struct PeriodQuery: Content {
        var state: String?
        var subdivision: String?
        var from: String?
        var amount: String?
        var unit: String?
        var regime: String?
    }

    func period(req: Request) async throws -> PeriodAnswer {
        let query = try req.query.decode(PeriodQuery.self)
        var check = FieldValidator()
        let state = check.memberState(query.state)
        check.eventTime(query.from)
        let amount = query.amount.flatMap(Int.init)
        check.require(amount.map { $0 >= 0 } == true, "amount", "must be a whole number, 0 or more")
        let unit = query.unit.flatMap(Period.Unit.init(rawValue:))
        check.require(
            unit != nil, "unit", "must be one of: \(Period.Unit.allCases.map(\.rawValue).joined(separator: ", "))")
        let regime = query.regime.map(ComputationRegime.init(rawValue:)) ?? .general
        check.require(
            regime != nil, "regime",
            "must be one of: \(ComputationRegime.allCases.map(\.rawValue).joined(separator: ", "))")
        try check.throwIfInvalid()
        return try lawAnswer(field: "from") {
            try PeriodAnswer(
                engine: engine, state: state!, subdivision: query.subdivision, from: query.from!,
                period: Period(amount!, unit!), regime: regime!)
        }
    }

    struct DeadlineQuery: Content {
        var rule: String?
        var state: String?
        var subdivision: String?
        var from: String?
        var crisis: String?
        var `extension`: String?
        var registeredOn: String?
        var lodgedOn: String?
    }

    func deadline(req: Request) async throws -> Deadline {
        let query = try req.query.decode(DeadlineQuery.self)
        var check = FieldValidator()
        check.require(query.rule?.isEmpty == false, "rule", "is required, e.g. APR-R1")
        let state = check.memberState(query.state)
        check.eventTime(query.from)
        let crisis = check.crisisKind(query.crisis)
        let application = check.applicationDates(registered: query.registeredOn, lodged: query.lodgedOn)
        try check.throwIfInvalid()
        return try lawAnswer(field: "rule") {
            try engine.deadline(
                query.rule!, state: state!, subdivision: query.subdivision, from: query.from!, crisis: crisis,
                extension: query.extension, application: application)
        }
    }
}

/// Runs a legal-engine question and turns its refusals into 422 problems naming the field.
func lawAnswer<T>(field: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DeadlineError {
        let field: String =
            switch error {
            case .invalidFrom, .needsTime: "from"
            case .noCrisisVariant, .crisisKindExcluded, .crisisBeforeCFM: "crisis"
            case .noExtension, .ambiguousExtension, .unknownExtension: "extension"
            case .unknownRule: "rule"
            case .dublinIIIApplies, .ammrApplies: "registeredOn"
            case .directive201332: "lodgedOn"
            }
        throw InvalidInput([.init(field: field, message: error.description)])
    } catch let error as HolidayCalendar.CalendarError {
        let field = if case .yearOutOfRange = error { field } else { "subdivision" }
        throw InvalidInput([.init(field: field, message: error.description)])
    } catch let error as PeriodCalculator.PeriodError {
        throw InvalidInput([.init(field: "from", message: error.description)])
    }
}

extension FieldValidator {
    /// Parses `state`, recording a field error when it is missing or unknown.
    mutating func memberState(_ code: String?) -> MemberState? {
        let state = code.flatMap(MemberState.init(code:))
        require(
            state != nil, "state",
            "must be a Member State code: \(MemberState.allCases.map(\.code).joined(separator: ", "))")
        return state
    }

    /// Parses `crisis`: absent, empty or `false` for none, else a CFM situation.
    mutating func crisisKind(_ text: String?) -> CrisisKind? {
        guard let text, !text.isEmpty, text.lowercased() != "false" else { return nil }
        let kind = CrisisKind(rawValue: text.lowercased())
        require(kind != nil, "crisis", "must be one of: \(CrisisKind.list) (CFM Art 1(4),(5))")
        return kind
    }

    /// Parses the application's registration and lodging dates, each optional.
    mutating func applicationDates(registered: String?, lodged: String?) -> ApplicationDates {
        func day(_ text: String?, _ field: String) -> CivilDate? {
            guard let text, !text.isEmpty else { return nil }
            let day = CivilDate(iso: text)
            require(day != nil, field, "must be a date (2026-07-15)")
            return day
        }
        return ApplicationDates(registered: day(registered, "registeredOn"), lodged: day(lodged, "lodgedOn"))
    }

    /// Checks that `from` is a date (YYYY-MM-DD) or an ISO 8601 date and time.
    mutating func eventTime(_ text: String?) {
        let valid = text.map { CivilDate(iso: $0) != nil || (try? Date($0, strategy: .iso8601)) != nil } ?? false
        require(valid, "from", "must be a date (2026-12-22) or a date and time (2026-12-22T14:30:00+01:00)")
    }
}

extension ClockRule: Content {}
extension HolidayList: Content {}
extension PeriodAnswer: Content {}
extension Deadline: Content {}
