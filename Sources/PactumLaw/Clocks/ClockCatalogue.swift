// Every computable time limit of legal-rules.md §§1-7. A limit without a number ("without
// delay", "within a reasonable time") is not a clock and is not listed.

extension ClockRule {
    private static let transferExtensions: [Variant] = [
        .extended("imprisonment", to: .years(1), "the person is imprisoned", "AMMR Art 46(2)"),
        .extended(
            "absconding", to: .years(3),
            "the person (or a family member to be transferred) absconds, physically resists, makes themselves unfit or fails medical requirements",
            "AMMR Art 46(2)",
            trigger:
                "the day the requesting Member State informed the responsible Member State of the absconding, resistance or unfitness"
        ),
    ]

    private static let eurodacRetake: [Variant] = [
        .extended(
            "technical", to: .hours(120),
            "serious technical problems: the 72 hours may be extended by at most 48 hours",
            "EDAC Arts 15(2), 22(6), 23(5)")
    ]

    /// CFM Art 12(1): the Dublin derogations exist in a mass-arrival crisis or force majeure,
    /// not in instrumentalisation.
    private static let dublinCrisisKinds: [CrisisKind] = [.massArrival, .forceMajeure]
    private static let dublinCrisis = "mass-arrival crisis (CFM Art 1(4)(a)) or force majeure"

    /// The catalogue, in the order a case meets the limits.
    public static let catalogue: [ClockRule] =
        (screening + eurodac + asylum + responsibility + dublinIII + solidarity + returnAndCrisis + resettlement).map {
            rule in
            var rule = rule
            rule.countedIn = countedIn[rule.id]
            return rule
        }

    /// Limits that run between two states, and whose calendar counts each.
    private static let countedIn: [String: String] = {
        let requesting = "the requesting Member State (it must act)"
        let requested = "the requested Member State (it must reply)"
        var map: [String: String] = [:]
        for id in [
            "DUB-2", "DUB-3", "DUB-9", "DUB-11", "DUB-14", "DUB-17", "DUB-19-REQ", "DUB-19-TRANSFER", "D3-21", "D3-23",
            "D3-29", "D3-28-REQ", "D3-28-TRANSFER",
        ] { map[id] = requesting }
        for id in ["REL-DECISION", "REL-TRANSFER"] { map[id] = "the benefitting Member State (it must act)" }
        for id in [
            "DUB-5", "DUB-6", "DUB-7", "DUB-8", "DUB-10", "DUB-19-REPLY", "AMMR-35", "D3-22", "D3-22-URGENT", "D3-25",
            "D3-28-REPLY", "SOL-O6",
        ] { map[id] = requested }
        map["REL-CONFIRM"] = "the Member State of relocation (it must confirm)"
        return map
    }()

    /// The rule with this id (case-insensitive).
    public static func named(_ id: String) -> ClockRule? { catalogue.first { $0.id.uppercased() == id.uppercased() } }

    static let screening: [ClockRule] = [
        ClockRule(
            "SCR-T1", "Screening at the external border", act: "SCR", "Regulation (EU) 2024/1356, Art. 8(3)",
            trigger:
                "apprehension in the external border area, disembarkation, or presentation at the border crossing point",
            .days(7),
            consequence: "The screening ends even if checks are incomplete; the person is referred on (SCR Art 18(5))."),
        ClockRule(
            "SCR-T2", "Screening after more than 72 hours held at the border", act: "SCR",
            "Regulation (EU) 2024/1356, Art. 8(3), second sentence", trigger: "start of the screening", .days(4),
            consequence: "The screening ends and the person is referred on (SCR Art 18(5)).",
            note: "The article cross-refers to EDAC Art 23(1),(4); see legal-rules.md open question 1."),
        ClockRule(
            "SCR-T3", "Screening within the territory", act: "SCR", "Regulation (EU) 2024/1356, Art. 8(4)",
            trigger: "apprehension in the territory", .days(3),
            consequence: "The screening ends and the person is referred on (SCR Art 18(5))."),
    ]

    static let eurodac: [ClockRule] = [
        ClockRule(
            "EDAC-A", "Eurodac transmission: applicant (category A)", act: "EDAC",
            "Regulation (EU) 2024/1358, Art. 15(1)",
            trigger: "registration of the application (or taking of biometrics at a border crossing point)", .hours(72),
            consequence: "The obligation to transmit remains; the delay is a breach (EDAC Art 15(1), 2nd subpara).",
            extensions: eurodacRetake),
        ClockRule(
            "EDAC-B2", "Eurodac transmission: resettlement decision (category B2)", act: "EDAC",
            "Regulation (EU) 2024/1358, Art. 18(2)", trigger: "the admission decision", .hours(72),
            consequence: "The obligation to transmit remains."),
        ClockRule(
            "EDAC-C", "Eurodac transmission: national resettlement (category C)", act: "EDAC",
            "Regulation (EU) 2024/1358, Art. 20(1)", trigger: "grant of status", .hours(72),
            consequence: "The obligation to transmit remains."),
        ClockRule(
            "EDAC-D", "Eurodac transmission: irregular border crosser (category D)", act: "EDAC",
            "Regulation (EU) 2024/1358, Art. 22(2)", trigger: "apprehension", .hours(72),
            consequence:
                "The obligation to transmit remains (EDAC Art 22(5)); if held more than 72 hours, transmit before release.",
            extensions: eurodacRetake),
        ClockRule(
            "EDAC-E", "Eurodac transmission: illegally staying person (category E)", act: "EDAC",
            "Regulation (EU) 2024/1358, Art. 23(2)", trigger: "finding the person illegally staying", .hours(72),
            consequence: "The obligation to transmit remains (EDAC Art 23(4)).", extensions: eurodacRetake),
        ClockRule(
            "EDAC-F", "Eurodac transmission: disembarked after search and rescue (category F)", act: "EDAC",
            "Regulation (EU) 2024/1358, Art. 24(2)", trigger: "disembarkation", .hours(72),
            consequence: "The obligation to transmit remains (EDAC Art 24(4)).",
            extensions: [
                .extended(
                    "technical", to: .hours(120), "serious technical problems: extended by at most 48 hours",
                    "EDAC Art 24(5)"),
                .extended(
                    "influx", to: .hours(120),
                    "a sudden influx, notified to the Commission and the other Member States: at most 48 more hours, for the notified period of at most one month",
                    "EDAC Art 24(6)"),
            ]),
        ClockRule(
            "EDAC-G", "Eurodac transmission: temporary protection (category G, from 12 June 2029)", act: "EDAC",
            "Regulation (EU) 2024/1358, Art. 26(1)", trigger: "registration as a beneficiary of temporary protection",
            .days(10), consequence: "The obligation to transmit remains (EDAC Art 26(3)).",
            extensions: [
                .extended(
                    "technical", to: .days(10), then: .hours(48),
                    "serious technical problems: the end of the 10 days plus at most 48 hours", "EDAC Art 26(4)")
            ]),
        ClockRule(
            "EDAC-RETAKE", "Eurodac retransmission after a retake or after health grounds cease", act: "EDAC",
            "Regulation (EU) 2024/1358, Arts 15(2), 22(6), 23(5), 26(4)",
            trigger: "successful retake of the fingerprints, or end of the health grounds", .hours(48),
            consequence: "The obligation to transmit remains."),
        ClockRule(
            "EDAC-H4", "Eurodac comparison request", act: "EDAC", "Regulation (EU) 2024/1358, Art. 38(2)",
            trigger: "receipt of the comparison request by the central system", .hours(24),
            consequence: "The central system has not answered in time.",
            extensions: [
                .extended("urgent", to: .hours(1), "the Member State asked for an urgent answer", "EDAC Art 38(2)")
            ]),
        ClockRule(
            "EDAC-H5", "Report of a false hit to eu-LISA", act: "EDAC", "Regulation (EU) 2024/1358, Art. 38(6)",
            trigger: "finding that a hit is false", .workingDays(3), consequence: "The report is late."),
        ClockRule(
            "EDAC-NOTICE", "Eurodac notice to the states of origin (mark, flag, erasure, status update)", act: "EDAC",
            "Regulation (EU) 2024/1358, Arts 16, 17(4), 30(2), 31(1)", trigger: "the recorded change", .hours(72),
            consequence: "The central system's notice is late."),
    ]

    static let asylum: [ClockRule] = [
        ClockRule(
            "APR-R1", "Register the application", act: "APR", "Regulation (EU) 2024/1348, Art. 27(1)",
            trigger: "the application is made (for screened persons: the screening ends, APR Art 27(7))", .days(5),
            consequence: "Registration is late; the person's rights as an applicant are unaffected.",
            extensions: [
                .extended(
                    "disproportionate", to: .days(15), "a disproportionate number of simultaneous applications",
                    "APR Art 27(5)")
            ],
            crisis: .crisis(.weeks(4), "crisis or force majeure derogation", "CFM Art 10(1)")),
        ClockRule(
            "APR-R2", "Non-competent authority informs the registering authority", act: "APR",
            "Regulation (EU) 2024/1348, Art. 27(3)", trigger: "the application is made to a non-competent authority",
            .workingDays(3),
            consequence: "The information is late; registration then runs 5 days from its receipt (APR Art 27(3))."),
        ClockRule(
            "APR-L1", "Lodge the application", act: "APR", "Regulation (EU) 2024/1348, Art. 28(1)",
            trigger: "registration",
            .days(21),
            consequence:
                "Failure to lodge despite an effective opportunity may lead to implicit withdrawal (APR Art 41(1)(a)).",
            extensions: [
                .extended(
                    "disproportionate", to: .months(2), "disproportionate numbers: lodging appointment within 2 months",
                    "APR Art 28(5)")
            ]),
        ClockRule(
            "APR-L2", "Lodge after a Dublin transfer", act: "APR", "Regulation (EU) 2024/1348, Art. 28(2)",
            trigger: "the applicant reports to the responsible Member State", .days(21),
            consequence: "As APR-L1."),
        ClockRule(
            "APR-L5", "Lodge in the border procedure", act: "APR", "Regulation (EU) 2024/1348, Art. 51(1)",
            trigger: "first registration, or arrival in the relocation Member State", .days(5),
            consequence: "Missing it does not stop the border procedure."),
        ClockRule(
            "APR-U1", "Appoint a representative for an unaccompanied minor", act: "APR",
            "Regulation (EU) 2024/1348, Art. 23(2)(b)", trigger: "the application is made", .workingDays(15),
            consequence: "The minor is without a representative in breach of APR Art 23.",
            extensions: [
                .extended(
                    "disproportionate", to: .workingDays(25),
                    "disproportionate number of applications: +10 working days",
                    "APR Art 23(3)")
            ]),
        ClockRule(
            "APR-E1", "Admissibility decision", act: "APR", "Regulation (EU) 2024/1348, Art. 35(1)", trigger: "lodging",
            .months(2),
            consequence: "Missing the limit does not make the application admissible (APR Art 35(1), 3rd subpara).",
            extensions: [
                .extended(
                    "grounds", to: .months(4),
                    "disproportionate numbers, complex issues, or delay due solely to the applicant", "APR Art 35(2)")
            ]),
        ClockRule(
            "APR-E2", "Admissibility decision on a late application after a return decision", act: "APR",
            "Regulation (EU) 2024/1348, Art. 35(1), 2nd subpara", trigger: "lodging", .workingDays(10),
            consequence: "Missing the limit does not make the application admissible."),
        ClockRule(
            "APR-E4", "Accelerated examination", act: "APR", "Regulation (EU) 2024/1348, Art. 35(3)",
            trigger: "lodging",
            .months(3), consequence: "The examination may continue in the regular procedure (APR Art 42(2)).",
            note: "No crisis variant: CFM Art 14(2) derogates only from APR Art 35(4) (APR-E5)."),
        ClockRule(
            "APR-E5", "Regular examination", act: "APR", "Regulation (EU) 2024/1348, Art. 35(4)", trigger: "lodging",
            .months(6), consequence: "The decision is late; the applicant keeps the right to remain.",
            extensions: [
                .extended(
                    "grounds", to: .months(12),
                    "disproportionate numbers, complex issues, or delay due solely to the applicant", "APR Art 35(5)"),
                .extended(
                    "postponement", to: .months(21),
                    "temporarily uncertain situation in the country of origin (review every 4 months)", "APR Art 35(7)"),
                .extended(
                    "well-founded", to: .weeks(4),
                    "after a Commission recommendation (CFM Art 14(1)) the interview is omitted and the likely well-founded case prioritised: merits within 4 weeks of lodging",
                    "CFM Art 14(2)", regime: .general),
            ]),
        ClockRule(
            "APR-B5", "Asylum border procedure", act: "APR", "Regulation (EU) 2024/1348, Art. 51(2)",
            trigger: "registration", .weeks(12),
            consequence: "The person is authorised to enter the territory (unless RBPR Art 4 applies).",
            extensions: [
                .extended(
                    "relocation", to: .weeks(16), "the relocation Member State applies the border procedure",
                    "APR Art 51(2)")
            ],
            crisis: .crisis(.weeks(18), "crisis or force majeure: at most 6 more weeks", "CFM Art 11(1)")),
        ClockRule(
            "APR-A5", "Late application after a return decision (admissibility ground)", act: "APR",
            "Regulation (EU) 2024/1348, Art. 38(1)(e)", trigger: "receipt of the return decision", .workingDays(7),
            consequence: "An application made later may be declared inadmissible."),
        ClockRule(
            "APR-AP2", "Appeal window, short (accelerated and similar rejections)", act: "APR",
            "Regulation (EU) 2024/1348, Art. 67(7)(a)", trigger: "notification of the decision", .days(10),
            minimum: .days(5), consequence: "The decision becomes final.",
            note: "National law fixes the window between 5 and 10 days; see legal-rules.md open question 3."),
        ClockRule(
            "APR-AP3", "Appeal window, normal", act: "APR", "Regulation (EU) 2024/1348, Art. 67(7)(b)",
            trigger: "notification of the decision", .months(1), minimum: .weeks(2),
            consequence: "The decision becomes final.",
            note: "National law fixes the window between 2 weeks and 1 month."),
        ClockRule(
            "APR-AP8", "Request to remain pending appeal (no automatic suspensive effect)", act: "APR",
            "Regulation (EU) 2024/1348, Art. 68(5)", trigger: "notification of the decision", .days(5),
            consequence: "No removal until this deadline expires and, if asked, until the court decides.",
            note: "At least 5 days; national law may give more."),
        ClockRule(
            "APR-RET", "Retention of national asylum files", act: "APR", "Regulation (EU) 2024/1348, Art. 72",
            trigger: "the final decision", .years(10), consequence: "The data must be erased."),
    ]

    static let responsibility: [ClockRule] = [
        ClockRule(
            "DUB-2", "Take charge request", act: "AMMR", "Regulation (EU) 2024/1351, Art. 39(1)",
            trigger: "registration",
            .months(2), consequence: "The Member State of registration becomes responsible.",
            crisis: .crisis(.months(4), Self.dublinCrisis, "CFM Art 12(2)(a)", kinds: Self.dublinCrisisKinds)),
        ClockRule(
            "DUB-3", "Take charge request after a Eurodac or VIS hit", act: "AMMR",
            "Regulation (EU) 2024/1351, Art. 39(1), 2nd subpara", trigger: "receipt of the hit", .months(1),
            consequence: "The Member State of registration becomes responsible.",
            crisis: .crisis(
                .months(4), Self.dublinCrisis, "CFM Art 12(2)(a)", kinds: Self.dublinCrisisKinds,
                trigger: "registration of the application (the crisis limit replaces the one from the hit)")),
        ClockRule(
            "DUB-5", "Urgent reply requested", act: "AMMR", "Regulation (EU) 2024/1351, Art. 39(2)",
            trigger: "the request", .weeks(1),
            consequence: "The requester may set a longer deadline, never a shorter one.",
            crisis: .crisis(.months(2), Self.dublinCrisis, "CFM Art 12(2)(b)", kinds: Self.dublinCrisisKinds),
            note: "The requesting state sets the deadline, at least 1 week."),
        ClockRule(
            "DUB-6", "Reply to a take charge request", act: "AMMR", "Regulation (EU) 2024/1351, Art. 40(1)",
            trigger: "receipt of the request", .months(1),
            consequence:
                "No reply is acceptance: the requested state must take charge and arrange arrival (AMMR Art 40(8)).",
            crisis: .crisis(.months(2), Self.dublinCrisis, "CFM Art 12(2)(b)", kinds: Self.dublinCrisisKinds)),
        ClockRule(
            "DUB-7", "Reply to a take charge request based on a Eurodac or VIS hit", act: "AMMR",
            "Regulation (EU) 2024/1351, Art. 40(2)", trigger: "receipt of the request", .weeks(2),
            consequence: "No reply is acceptance (AMMR Art 40(8)).",
            crisis: .crisis(.months(2), Self.dublinCrisis, "CFM Art 12(2)(b)", kinds: Self.dublinCrisisKinds)),
        ClockRule(
            "DUB-8", "Reply to an urgent request", act: "AMMR", "Regulation (EU) 2024/1351, Art. 40(7)",
            trigger: "receipt of the request", .weeks(2),
            consequence: "No reply is acceptance (AMMR Art 40(8)).",
            crisis: .crisis(.months(2), Self.dublinCrisis, "CFM Art 12(2)(b)", kinds: Self.dublinCrisisKinds),
            note: "Or the deadline the requester set."),
        ClockRule(
            "DUB-9", "Take back notification", act: "AMMR", "Regulation (EU) 2024/1351, Art. 41(1)",
            trigger: "receipt of the Eurodac hit", .weeks(2),
            consequence: "The responsible Member State's obligation is unaffected.",
            crisis: .crisis(.months(1), Self.dublinCrisis, "CFM Art 12(2)(c)", kinds: Self.dublinCrisisKinds)),
        ClockRule(
            "DUB-10", "Confirm receipt of a take back notification", act: "AMMR",
            "Regulation (EU) 2024/1351, Art. 41(3)",
            trigger: "the notification", .weeks(2), consequence: "No reaction is confirmation (AMMR Art 41(4)).",
            crisis: .crisis(.months(1), Self.dublinCrisis, "CFM Art 12(2)(c)", kinds: Self.dublinCrisisKinds)),
        ClockRule(
            "DUB-11", "Transfer decision", act: "AMMR", "Regulation (EU) 2024/1351, Art. 42(1)",
            trigger: "acceptance or confirmation", .weeks(2), consequence: "The decision is late."),
        ClockRule(
            "DUB-12", "Appeal against a transfer decision", act: "AMMR", "Regulation (EU) 2024/1351, Art. 43(2)",
            trigger: "notification of the transfer decision", .weeks(3), minimum: .weeks(1),
            consequence: "The transfer decision becomes final.",
            note: "National law fixes the window between 1 and 3 weeks."),
        ClockRule(
            "DUB-13", "Court decision on suspension of a transfer", act: "AMMR",
            "Regulation (EU) 2024/1351, Art. 43(3)",
            trigger: "receipt of the suspension request by the court", .months(1),
            consequence: "The transfer stays suspended until the first decision."),
        ClockRule(
            "DUB-14", "Transfer", act: "AMMR", "Regulation (EU) 2024/1351, Art. 46(1)",
            trigger:
                "acceptance of the take charge, confirmation of the take back, or the final appeal decision with suspensive effect",
            .months(6),
            consequence: "Responsibility shifts to the transferring (requesting) Member State (AMMR Art 46(2)).",
            extensions: transferExtensions,
            crisis: .crisis(
                .years(1),
                "\(Self.dublinCrisis); transfers to a Member State in such a situation wait until it ends (CFM Art 12(4))",
                "CFM Art 12(2)(d)", kinds: Self.dublinCrisisKinds)),
        ClockRule(
            "DUB-17", "Transfer after the person reappears", act: "AMMR",
            "Regulation (EU) 2024/1351, Art. 46(2), 2nd subpara",
            trigger: "reappearance with less than 3 months left", .months(3),
            consequence: "Responsibility shifts to the transferring Member State."),
        ClockRule(
            "DUB-19-REQ", "Request for a detained person", act: "AMMR", "Regulation (EU) 2024/1351, Art. 45(1)",
            trigger: "registration (or the Eurodac hit)", .weeks(2),
            consequence: "Detention ends; the normal rules continue (AMMR Art 45(4)).",
            extensions: [
                .extended(
                    "detained-later", to: .weeks(1), "detained after registration: 1 week from detention",
                    "AMMR Art 45(1)", trigger: "the detention")
            ]),
        ClockRule(
            "DUB-19-REPLY", "Reply for a detained person", act: "AMMR", "Regulation (EU) 2024/1351, Art. 45(2)",
            trigger: "receipt of the request", .weeks(1),
            consequence: "No reply is acceptance; detention rules as AMMR Art 45(4)."),
        ClockRule(
            "DUB-19-TRANSFER", "Transfer of a detained person", act: "AMMR", "Regulation (EU) 2024/1351, Art. 45(3)",
            trigger: "acceptance or confirmation, or the end of suspensive effect", .weeks(5),
            consequence: "Detention ends; the normal transfer limit continues (AMMR Art 45(4))."),
        ClockRule(
            "AMMR-35", "Reply to a humanitarian-clause request", act: "AMMR", "Regulation (EU) 2024/1351, Art. 35(2)",
            trigger: "receipt of the request", .months(2), consequence: "A refusal must be reasoned."),
        ClockRule(
            "CES-2", "End of obligations after a border procedure", act: "AMMR",
            "Regulation (EU) 2024/1351, Art. 37(2)",
            trigger: "the rejection or withdrawal decision becomes final", .months(15),
            consequence: "The responsible Member State's obligations cease; a later application starts a new procedure."
        ),
        ClockRule(
            "CES-3", "End of obligations after leaving the EU", act: "AMMR", "Regulation (EU) 2024/1351, Art. 37(4)",
            trigger: "departure from the territory of the Member States", .months(9),
            consequence:
                "Obligations cease, unless the person holds a valid residence document of the responsible state."),
    ]

    static let solidarity: [ClockRule] = [
        ClockRule(
            "REL-CONFIRM", "Relocation Member State confirms", act: "AMMR", "Regulation (EU) 2024/1351, Art. 67(9)",
            trigger: "receipt of the information", .weeks(1), consequence: "No reply is confirmation.",
            extensions: [
                .extended(
                    "complex", to: .weeks(2), "exceptional complexity or high volume, notified within the first week",
                    "AMMR Art 67(9)")
            ]),
        ClockRule(
            "REL-DECISION", "Relocation transfer decision", act: "AMMR", "Regulation (EU) 2024/1351, Art. 67(10)",
            trigger: "confirmation", .weeks(1), consequence: "The decision is late."),
        ClockRule(
            "REL-TRANSFER", "Relocation transfer", act: "AMMR", "Regulation (EU) 2024/1351, Art. 67(11)",
            trigger: "confirmation, or a final appeal decision with suspensive effect", .weeks(4),
            consequence: "The transfer is late."),
        ClockRule(
            "SOL-O6", "Reply to a responsibility-offset request", act: "AMMR", "Regulation (EU) 2024/1351, Art. 69",
            trigger: "receipt of the request", .days(30), consequence: "The reply is late."),
        ClockRule(
            "SOL-D1", "Commission assessment of a deduction request", act: "AMMR",
            "Regulation (EU) 2024/1351, Arts 61-62",
            trigger: "the deduction request", .weeks(4), consequence: "The assessment is late."),
    ]

    static let returnAndCrisis: [ClockRule] = [
        ClockRule(
            "RBP-2", "Return border procedure", act: "RBPR", "Regulation (EU) 2024/1349, Art. 4(2)",
            trigger: "the person no longer has a right and is not allowed to remain", .weeks(12),
            consequence:
                "Return continues under the Return Directive (RBPR Art 4(4)); detention under RBPR Art 5 ends.",
            crisis: .crisis(.weeks(18), "crisis: at most 6 more weeks", "RBPR Art 6(1)")),
        ClockRule(
            "RBP-5", "Voluntary departure in the return border procedure", act: "RBPR",
            "Regulation (EU) 2024/1349, Art. 4(5)",
            trigger: "grant of the period for voluntary departure", .days(15),
            consequence: "The return decision is enforced.", note: "At most 15 days, and only on request."),
        ClockRule(
            "CFM-3", "Commission decision on a crisis request", act: "CFM", "Regulation (EU) 2024/1359, Art. 3(8)",
            trigger: "the Member State's reasoned request", .weeks(2), consequence: "The decision is late."),
        ClockRule(
            "CFM-4", "Council decision on the Commission's crisis proposal", act: "CFM",
            "Regulation (EU) 2024/1359, Art. 4(5)",
            trigger: "the Commission proposal", .weeks(2), consequence: "The decision is late."),
        ClockRule(
            "CFM-5", "Duration of the crisis derogations", act: "CFM", "Regulation (EU) 2024/1359, Art. 5(1)",
            trigger: "the Council implementing decision", .months(3),
            consequence: "The derogations lapse unless extended.",
            extensions: [.extended("extended", to: .months(6), "one extension of 3 months", "CFM Art 5(1)")],
            note: "All decisions together: at most 12 months (CFM Art 5(3), CFM-TOTAL)."),
        ClockRule(
            "CFM-TOTAL", "All crisis measures together", act: "CFM", "Regulation (EU) 2024/1359, Art. 5(3)",
            trigger: "the first Council implementing decision", .months(12),
            consequence: "Arts 10 to 13 may no longer be applied, whatever the later decisions say."),
        ClockRule(
            "CFM-10-6", "Registration derogation applied before the Council authorises it", act: "CFM",
            "Regulation (EU) 2024/1359, Art. 10(6)", trigger: "the day the reasoned request was submitted", .days(10),
            consequence:
                "The derogation ends unless the Council implementing decision authorises the state to continue.",
            note:
                "The Italian text reads 'superiore a 10 giorni'; read as at most 10 days from the day after the request (legal-rules.md open question 4)."
        ),
    ]

    static let resettlement: [ClockRule] = [
        ClockRule(
            "URF-9", "Conclusion on admission", act: "URF", "Regulation (EU) 2024/1350, Art. 9(9)",
            trigger: "registration",
            .months(7), consequence: "The conclusion is late.",
            extensions: [.extended("complex", to: .months(10), "complex cases: 3 more months", "URF Art 9(9)")]),
        ClockRule(
            "URF-10", "Conclusion on emergency admission", act: "URF", "Regulation (EU) 2024/1350, Art. 9(10)",
            trigger: "registration", .months(1), consequence: "The conclusion is late (the rule is to endeavour)."),
        ClockRule(
            "URF-12", "Entry after a positive conclusion", act: "URF", "Regulation (EU) 2024/1350, Art. 9(20)",
            trigger: "the positive conclusion", .months(12), consequence: "Entry is late (every effort must be made)."),
    ]
}
