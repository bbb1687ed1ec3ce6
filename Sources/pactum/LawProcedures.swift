import ArgumentParser
import Foundation
import PactumLaw

/// `--facts FILE [--as-of DATE]`, shared by the procedure commands.
struct FactsOptions: ParsableArguments {
    @Option(help: "JSON facts document (keys in docs/LAW.md).")
    var facts: String

    @Option(name: .customLong("as-of"), help: "The day to answer for (default: today, UTC); the facts' asOf wins.")
    var asOf: String?

    func validate() throws {
        if let asOf, CivilDate(iso: asOf) == nil {
            throw ValidationError("--as-of \(asOf) is not a date (YYYY-MM-DD).")
        }
    }

    var today: CivilDate {
        asOf.flatMap(CivilDate.init(iso:)) ?? DeadlineEngine().calculator(for: .DE).localDay(of: Date())
    }

    func read<T: Decodable>(_ type: T.Type) throws -> T { try readFacts(T.self, from: facts) }
}

extension Law {
    struct DublinCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dublin",
            abstract:
                "The chain of a take charge or take back procedure: each limit, silence as acceptance, the transfer period, who is responsible (AMMR Arts 37-46, CFM Arts 12-13; Dublin III before 1 July 2026)."
        )
        @OptionGroup var options: FactsOptions

        func run() throws {
            try printJSON(try DublinChain().follow(try options.read(DublinCaseFacts.self), asOf: options.today))
        }
    }

    struct AppealCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "appeal",
            abstract: "The appeal window and the right to remain after a decision (APR Arts 67-68, 56).")
        @OptionGroup var options: FactsOptions

        func run() throws { try printJSON(try AppealRights().answer(try options.read(DecisionFacts.self))) }
    }

    struct SubsequentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subsequent",
            abstract: "A further application: representation or subsequent, and what follows (APR Arts 55-56).")
        @OptionGroup var options: FactsOptions

        func run() throws { try printJSON(try SubsequentApplication.assess(try options.read(SubsequentFacts.self))) }
    }

    struct WithdrawalCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdrawal",
            abstract: "Implicit withdrawal: its ground, its steps and the decision (APR Art 41).")
        @OptionGroup var options: FactsOptions

        func run() throws { try printJSON(try ImplicitWithdrawal.assess(try options.read(WithdrawalFacts.self))) }
    }

    struct AdmissibilityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "admissibility", abstract: "The inadmissibility grounds a case meets (APR Art 38).")
        @OptionGroup var options: FactsOptions

        func run() throws { try printJSON(try Admissibility().assess(try options.read(AdmissibilityFacts.self))) }
    }

    struct BorderBudgetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "border-budget",
            abstract:
                "The border procedure's single 12-week budget and what follows it: entry or the return border procedure (APR Art 51(2); RBPR Art 4)."
        )
        @OptionGroup var options: FactsOptions

        func run() throws {
            try printJSON(
                try BorderProcedureBudget().assess(try options.read(BorderBudgetFacts.self), asOf: options.today))
        }
    }

    struct CrisisCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crisis",
            abstract: "Which crisis derogations apply and until when (CFM Arts 5, 10, 11(7), 13).")
        @OptionGroup var options: FactsOptions

        func run() throws { try printJSON(try CrisisMeasures().assess(try options.read(CrisisFacts.self))) }
    }

    struct RelocationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "relocation",
            abstract: "Relocation: eligibility, the limits of each state, the notice, what follows (AMMR Arts 67-68).")
        @OptionGroup var options: FactsOptions

        func run() throws {
            try printJSON(try Relocation().assess(try options.read(RelocationFacts.self), asOf: options.today))
        }
    }
}
