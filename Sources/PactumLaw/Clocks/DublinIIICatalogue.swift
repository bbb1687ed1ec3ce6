// The time limits of Regulation (EU) No 604/2013 (Dublin III), which still govern applications
// registered before 1 July 2026 (AMMR Art 84(2)). Counted under Dublin III Art 42: Saturdays,
// Sundays and public holidays are included, so no end is moved.

extension ClockRule {
    static let dublinIII: [ClockRule] = [
        ClockRule(
            "D3-21", "Take charge request (Dublin III)", act: "DUBLIN3", "Regulation (EU) No 604/2013, Art. 21(1)",
            trigger: "the lodging of the application (Art 20(2))", .months(3),
            consequence:
                "Responsibility lies with the Member State in which the application was lodged (Dublin III Art 21(1), 3rd subpara).",
            extensions: [
                .extended(
                    "eurodac-hit", to: .months(2), "the request is based on a Eurodac hit",
                    "Dublin III Art 21(1), 2nd subpara",
                    trigger: "receipt of the Eurodac hit")
            ]),
        ClockRule(
            "D3-22", "Reply to a take charge request (Dublin III)", act: "DUBLIN3",
            "Regulation (EU) No 604/2013, Art. 22(1)", trigger: "receipt of the request", .months(2),
            consequence:
                "No reply is acceptance, with the obligation to take charge and arrange arrival (Dublin III Art 22(7))."
        ),
        ClockRule(
            "D3-22-URGENT", "Reply to an urgent take charge request (Dublin III)", act: "DUBLIN3",
            "Regulation (EU) No 604/2013, Art. 22(6)", trigger: "receipt of the request", .months(1),
            consequence: "No reply within one month is acceptance (Dublin III Art 22(7)).",
            note:
                "The requested state replies within the deadline the requester set (at least 1 week, Art 21(2)); one month at most where the case is particularly complex."
        ),
        ClockRule(
            "D3-23", "Take back request (Dublin III)", act: "DUBLIN3", "Regulation (EU) No 604/2013, Art. 23(2)",
            trigger: "receipt of the Eurodac hit", .months(2),
            consequence:
                "Responsibility lies with the Member State in which the new application was lodged (Dublin III Art 23(3)).",
            extensions: [
                .extended(
                    "other-evidence", to: .months(3), "the request rests on evidence other than Eurodac data",
                    "Dublin III Art 23(2), 2nd subpara", trigger: "the lodging of the new application")
            ]),
        ClockRule(
            "D3-25", "Reply to a take back request (Dublin III)", act: "DUBLIN3",
            "Regulation (EU) No 604/2013, Art. 25(1)", trigger: "receipt of the request", .months(1),
            consequence: "No reply is acceptance, with the obligation to take the person back (Dublin III Art 25(2)).",
            extensions: [
                .extended(
                    "eurodac-hit", to: .weeks(2), "the request rests on Eurodac data", "Dublin III Art 25(1)")
            ]),
        ClockRule(
            "D3-29", "Transfer (Dublin III)", act: "DUBLIN3", "Regulation (EU) No 604/2013, Art. 29(1)",
            trigger:
                "acceptance of the take charge or take back request, or the final decision on an appeal or review with suspensive effect",
            .months(6),
            consequence:
                "The responsible state is relieved of its obligations; responsibility passes to the requesting state (Dublin III Art 29(2)).",
            extensions: [
                .extended(
                    "imprisonment", to: .years(1), "the transfer could not be carried out due to imprisonment",
                    "Dublin III Art 29(2)"),
                .extended("absconding", to: .months(18), "the person absconds", "Dublin III Art 29(2)"),
            ]),
        ClockRule(
            "D3-28-REQ", "Request for a detained person (Dublin III)", act: "DUBLIN3",
            "Regulation (EU) No 604/2013, Art. 28(3)", trigger: "the lodging of the application", .months(1),
            consequence:
                "The person is no longer detained; Arts 21, 23, 24 and 29 continue to apply (Dublin III Art 28(3))."),
        ClockRule(
            "D3-28-REPLY", "Reply for a detained person (Dublin III)", act: "DUBLIN3",
            "Regulation (EU) No 604/2013, Art. 28(3), 2nd subpara", trigger: "receipt of the request", .weeks(2),
            consequence: "No reply is acceptance, with the obligation to take charge or back (Dublin III Art 28(3))."),
        ClockRule(
            "D3-28-TRANSFER", "Transfer of a detained person (Dublin III)", act: "DUBLIN3",
            "Regulation (EU) No 604/2013, Art. 28(3), 3rd subpara",
            trigger: "acceptance, or the end of suspensive effect of an appeal", .weeks(6),
            consequence:
                "The person is no longer detained; Arts 21, 23, 24 and 29 continue to apply (Dublin III Art 28(3))."),
    ]

    /// The Dublin III limit that an AMMR limit replaced, for applications registered before
    /// 1 July 2026 (AMMR Art 84(2)).
    public static let dublinIIIEquivalent: [String: String] = [
        "DUB-2": "D3-21", "DUB-3": "D3-21 --extension eurodac-hit", "DUB-5": "D3-22-URGENT", "DUB-6": "D3-22",
        "DUB-7": "D3-22", "DUB-8": "D3-22-URGENT", "DUB-9": "D3-23", "DUB-10": "D3-25", "DUB-14": "D3-29",
        "DUB-17": "D3-29", "DUB-19-REQ": "D3-28-REQ", "DUB-19-REPLY": "D3-28-REPLY",
        "DUB-19-TRANSFER": "D3-28-TRANSFER",
    ]
}
