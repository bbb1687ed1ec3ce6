// Public holidays of the 27 Member States and IS, LI, NO, CH, from national law. The tables
// were transcribed rule by rule and are checked, year by year from 2024 to 2035, against the
// fixture generated from the PyPI package `holidays` (Tests/PactumLawTests/Fixtures);
// docs/LAW.md lists every deliberate difference.

extension HolidayRule {
    fileprivate static let maundyThursday = easter("Maundy Thursday", -3)

    fileprivate static func observedNextWorkingDay(_ name: String, _ month: Int, _ day: Int) -> HolidayRule {
        fixed(name, month, day, observed: .weekendToNextWorkingDay)
    }

    /// The weekday on or after a day of a month.
    fileprivate static func weekday(_ name: String, _ weekday: Weekday, onOrAfter month: Int, _ day: Int) -> HolidayRule
    {
        HolidayRule(name, .weekdayOnOrAfter(weekday, month: month, day: day))
    }

    /// A fixed day that is a holiday only when it falls on one of `weekdays`.
    fileprivate static func fixed(
        _ name: String, _ month: Int, _ day: Int, onlyOn weekdays: Set<Weekday>, in subs: Set<String>
    ) -> HolidayRule {
        HolidayRule(
            name,
            .rule { year in
                let date = CivilDate(year: year, month: month, day: day)!
                return weekdays.contains(date.weekday) ? [date] : []
            }, in: subs)
    }

    fileprivate static func nth(_ name: String, _ weekday: Weekday, _ n: Int, of month: Int) -> HolidayRule {
        HolidayRule(name, .nthWeekday(weekday, n: n, month: month))
    }
}

extension MemberState {
    /// The public holidays of the state, national and regional.
    public var holidayRules: [HolidayRule] {
        switch self {
        case .AT:
            [
                .newYear, .epiphany, .easterMonday, .fixed("National Holiday (Staatsfeiertag)", 5, 1), .ascension,
                .whitMonday, .corpusChristi, .assumption, .fixed("National Day", 10, 26), .allSaints,
                .immaculateConception, .christmas, .stStephen,
            ]
        case .BE:
            [
                .newYear, .easterSunday, .easterMonday, .labourDay, .ascension, .whitSunday, .whitMonday,
                .fixed("National Day", 7, 21), .assumption, .allSaints, .fixed("Armistice Day", 11, 11), .christmas,
            ]
        case .BG:
            // Labour Code Art 154: a holiday on a weekend is also kept on the next working day
            // (not the Easter days). Observed-day rules apply from 2017.
            [
                .observedNextWorkingDay("New Year's Day", 1, 1), .observedNextWorkingDay("Liberation Day", 3, 3),
                .orthodox("Good Friday", -2), .orthodox("Holy Saturday", -1), .orthodox("Easter", 0),
                .orthodox("Easter Monday", 1), .observedNextWorkingDay("Labour Day", 5, 1),
                .observedNextWorkingDay("St George's Day", 5, 6),
                .observedNextWorkingDay("Day of Slavonic Alphabet", 5, 24),
                .observedNextWorkingDay("Unification Day", 9, 6), .observedNextWorkingDay("Independence Day", 9, 22),
                .observedNextWorkingDay("Christmas Eve", 12, 24), .observedNextWorkingDay("Christmas Day", 12, 25),
                .observedNextWorkingDay("Christmas Day (second day)", 12, 26),
                .decreed("Non-working day (decree)", "2025-12-31", "2026-01-02"),
            ]
        case .HR:
            [
                .newYear, .epiphany, .easterSunday, .easterMonday, .labourDay, .fixed("Statehood Day", 5, 30),
                .corpusChristi, .fixed("Anti-Fascist Struggle Day", 6, 22), .fixed("Victory Day", 8, 5),
                .assumption, .allSaints, .fixed("Remembrance Day", 11, 18), .christmas, .stStephen,
            ]
        case .CY:
            [
                .newYear, .epiphany, .orthodox("Green Monday", -48), .fixed("Greek Independence Day", 3, 25),
                .fixed("Cyprus National Day", 4, 1), .orthodox("Good Friday", -2), .orthodox("Easter Sunday", 0),
                .orthodox("Easter Monday", 1), .labourDay, .orthodox("Whit Monday (Kataklysmos)", 50),
                .fixed("Dormition of the Mother of God", 8, 15), .fixed("Independence Day", 10, 1),
                .fixed("Ohi Day", 10, 28), .christmas, .fixed("Day after Christmas", 12, 26),
            ]
        case .CZ:
            [
                .newYear, .goodFriday, .easterMonday, .labourDay, .fixed("Victory Day", 5, 8),
                .fixed("Saints Cyril and Methodius Day", 7, 5), .fixed("Jan Hus Day", 7, 6),
                .fixed("Statehood Day", 9, 28), .fixed("Independent Czechoslovak State Day", 10, 28),
                .fixed("Struggle for Freedom and Democracy Day", 11, 17), .christmasEve, .christmas, .stStephen,
            ]
        case .DK:
            [
                .newYear, .maundyThursday, .goodFriday, .easterSunday, .easterMonday, .ascension, .whitSunday,
                .whitMonday, .christmas, .stStephen,
            ]
        case .EE:
            [
                .newYear, .fixed("Independence Day", 2, 24), .goodFriday, .easterSunday, .labourDay, .whitSunday,
                .fixed("Victory Day", 6, 23), .fixed("Midsummer Day", 6, 24),
                .fixed("Independence Restoration Day", 8, 20), .christmasEve, .christmas, .stStephen,
            ]
        case .FI:
            [
                .newYear, .epiphany, .goodFriday, .easterSunday, .easterMonday, .labourDay, .ascension, .whitSunday,
                .weekday("Midsummer Eve", .friday, onOrAfter: 6, 19),
                .weekday("Midsummer Day", .saturday, onOrAfter: 6, 20),
                .weekday("All Saints' Day", .saturday, onOrAfter: 10, 31), .fixed("Independence Day", 12, 6),
                .christmasEve, .christmas, .stStephen,
            ]
        case .FR:
            [
                .newYear, .easterMonday, .labourDay, .fixed("Victory Day", 5, 8), .ascension, .whitMonday,
                .fixed("National Day", 7, 14), .assumption, .allSaints, .fixed("Armistice Day", 11, 11), .christmas,
            ]
        case .DE:
            germany
        case .GR:
            [
                .newYear, .epiphany, .orthodox("Clean Monday", -48), .fixed("Independence Day", 3, 25),
                .orthodox("Good Friday", -2), .orthodox("Easter Monday", 1),
                // A Labour Day on a weekend or on Easter Monday is moved to the next working
                // day; in 2024 it was moved by decree to 7 May.
                HolidayRule(
                    "Labour Day", .fixed(month: 5, day: 1), observed: .weekendOrHolidayToNextWorkingDay,
                    onlyIn: { $0 != 2024 }),
                .decreed("Labour Day (moved by decree)", "2024-05-07"), .orthodox("Whit Monday", 50),
                .fixed("Dormition of the Mother of God", 8, 15), .fixed("Ohi Day", 10, 28), .christmas,
                .fixed("Synaxis of the Mother of God", 12, 26),
            ]
        case .HU:
            [
                .newYear, .fixed("National Day", 3, 15), .goodFriday, .easterSunday, .easterMonday, .labourDay,
                .whitSunday, .whitMonday, .fixed("State Foundation Day", 8, 20), .fixed("National Day", 10, 23),
                .allSaints, .fixed("Christmas Eve", 12, 24, years: 2026...2200), .christmas, .stStephen,
                // Bridge days decreed each year by the minister (worked on a Saturday instead).
                .decreed(
                    "Bridge day (decree)", "2024-08-19", "2024-12-24", "2024-12-27", "2025-05-02", "2025-10-24",
                    "2025-12-24", "2026-01-02", "2026-08-21"),
            ]
        case .IE:
            [
                .newYear,
                // St Brigid's Day (from 2023): the first Monday of February, or 1 February
                // when that is a Friday.
                HolidayRule(
                    "St Brigid's Day",
                    .rule { year in
                        let first = CivilDate(year: year, month: 2, day: 1)!
                        return first.weekday == .friday
                            ? [first] : HolidayDate.nthWeekday(.monday, n: 1, month: 2).dates(in: year)
                    }, years: 2023...2200),
                .fixed("St Patrick's Day", 3, 17), .easterMonday, .nth("May Bank Holiday", .monday, 1, of: 5),
                .nth("June Bank Holiday", .monday, 1, of: 6), .nth("August Bank Holiday", .monday, 1, of: 8),
                .nth("October Bank Holiday", .monday, -1, of: 10), .christmas, .stStephen,
            ]
        case .IT:
            [
                .newYear, .epiphany, .easterSunday, .easterMonday, .fixed("Liberation Day", 4, 25), .labourDay,
                .fixed("Republic Day", 6, 2), .assumption,
                .fixed("St Francis of Assisi, Patron Saint of Italy", 10, 4, years: 2026...2200), .allSaints,
                .nth("National Unity Day", .sunday, 1, of: 11),
                .immaculateConception, .christmas, .stStephen,
            ]
        case .LV:
            [
                .newYear, .goodFriday, .easterSunday, .easterMonday, .labourDay,
                .fixed("Restoration of Independence Day", 5, 4, observed: .weekendToMonday),
                .nth("Mother's Day", .sunday, 2, of: 5), .whitSunday, .fixed("Midsummer Eve", 6, 23),
                .fixed("Midsummer Day", 6, 24), .fixed("Proclamation Day", 11, 18, observed: .weekendToMonday),
                .christmasEve, .christmas, .stStephen, .fixed("New Year's Eve", 12, 31),
                .decreed(
                    "Bridge day (decree)", "2024-12-23", "2024-12-30", "2025-05-02", "2025-11-17", "2026-01-02",
                    "2026-06-22"),
            ]
        case .LT:
            [
                .newYear, .fixed("Day of Restoration of the State", 2, 16),
                .fixed("Day of Restoration of Independence", 3, 11), .easterSunday, .easterMonday, .labourDay,
                .nth("Mother's Day", .sunday, 1, of: 5), .nth("Father's Day", .sunday, 1, of: 6),
                .fixed("St John's Day", 6, 24), .fixed("Statehood Day", 7, 6), .assumption, .allSaints,
                .fixed("All Souls' Day", 11, 2), .christmasEve, .christmas, .stStephen,
            ]
        case .LU:
            [
                .newYear, .easterMonday, .labourDay, .fixed("Europe Day", 5, 9), .ascension, .whitMonday,
                .fixed("National Day", 6, 23), .assumption, .allSaints, .christmas, .stStephen,
            ]
        case .MT:
            [
                .newYear, .fixed("St Paul's Shipwreck", 2, 10), .fixed("St Joseph", 3, 19),
                .fixed("Freedom Day", 3, 31), .goodFriday, .labourDay, .fixed("Sette Giugno", 6, 7),
                .fixed("St Peter and St Paul", 6, 29), .assumption, .fixed("Our Lady of Victories", 9, 8),
                .fixed("Independence Day", 9, 21), .immaculateConception, .fixed("Republic Day", 12, 13), .christmas,
            ]
        case .NL:
            [
                .newYear, .goodFriday, .easterSunday, .easterMonday,
                // King's Day is 27 April, or the 26th when the 27th is a Sunday.
                HolidayRule(
                    "King's Day",
                    .rule { year in
                        let day = CivilDate(year: year, month: 4, day: 27)!
                        return [day.weekday == .sunday ? day.adding(days: -1) : day]
                    }),
                // Liberation Day is a public holiday every fifth year.
                HolidayRule("Liberation Day", .fixed(month: 5, day: 5), onlyIn: { $0 % 5 == 0 }), .ascension,
                .whitSunday, .whitMonday, .christmas, .stStephen,
            ]
        case .PL:
            [
                .newYear, .epiphany, .easterSunday, .easterMonday, .labourDay, .fixed("Constitution Day", 5, 3),
                .whitSunday, .corpusChristi, .assumption, .allSaints, .fixed("Independence Day", 11, 11),
                .fixed("Christmas Eve", 12, 24, years: 2025...2200), .christmas, .stStephen,
            ]
        case .PT:
            [
                .newYear, .goodFriday, .easterSunday, .fixed("Freedom Day", 4, 25), .labourDay, .corpusChristi,
                .fixed("Portugal Day", 6, 10), .assumption, .fixed("Republic Day", 10, 5), .allSaints,
                .fixed("Restoration of Independence", 12, 1), .immaculateConception, .christmas,
            ]
        case .RO:
            [
                .newYear, .fixed("New Year (second day)", 1, 2), .fixed("Epiphany", 1, 6, years: 2024...2200),
                .fixed("St John the Baptist", 1, 7, years: 2024...2200), .fixed("Unification Day", 1, 24),
                .orthodox("Good Friday", -2), .orthodox("Easter", 0), .orthodox("Easter Monday", 1), .labourDay,
                .fixed("Children's Day", 6, 1), .orthodox("Pentecost", 49), .orthodox("Whit Monday", 50),
                .fixed("Dormition of the Mother of God", 8, 15), .fixed("St Andrew's Day", 11, 30),
                .fixed("National Day", 12, 1), .christmas, .stStephen,
            ]
        case .SK:
            // 8 May and 15 September were not holidays in 2026 (consolidation act); 17 November
            // was a holiday until 2024.
            [
                .newYear, .epiphany, .goodFriday, .easterMonday, .labourDay,
                HolidayRule("Victory over Fascism", .fixed(month: 5, day: 8), onlyIn: { $0 != 2026 }),
                .fixed("Saints Cyril and Methodius", 7, 5), .fixed("Slovak National Uprising", 8, 29),
                HolidayRule("Our Lady of Seven Sorrows", .fixed(month: 9, day: 15), onlyIn: { $0 != 2026 }), .allSaints,
                .fixed("Struggle for Freedom and Democracy Day", 11, 17, years: 1900...2024), .christmasEve,
                .christmas, .stStephen,
            ]
        case .SI:
            [
                .newYear, .fixed("New Year (second day)", 1, 2), .fixed("Prešeren Day", 2, 8), .easterSunday,
                .easterMonday, .fixed("Day of Uprising Against Occupation", 4, 27), .labourDay,
                .fixed("Labour Day (second day)", 5, 2), .whitSunday, .fixed("Statehood Day", 6, 25), .assumption,
                .fixed("Reformation Day", 10, 31), .allSaints, .christmas, .fixed("Independence and Unity Day", 12, 26),
            ]
        case .ES:
            // National holidays; one on a Sunday is moved (or not) by each region, so it is not
            // common to the state. Regional calendars are decreed yearly and are not included.
            [HolidayRule.goodFriday]
                + [
                    HolidayRule.newYear, .epiphany, .labourDay, .assumption, .fixed("National Day", 10, 12), .allSaints,
                    .fixed("Constitution Day", 12, 6), .immaculateConception, .christmas,
                ].map { rule in
                    var rule = rule
                    rule.observance = .notOnSunday
                    return rule
                }
        case .SE:
            [
                .newYear, .epiphany, .goodFriday, .easterSunday, .easterMonday, .labourDay, .ascension, .whitSunday,
                .fixed("National Day", 6, 6), .weekday("Midsummer Day", .saturday, onOrAfter: 6, 20),
                .weekday("All Saints' Day", .saturday, onOrAfter: 10, 31), .christmas, .stStephen,
            ]
        case .IS:
            [
                .newYear, .maundyThursday, .goodFriday, .easterSunday, .easterMonday,
                .weekday("First Day of Summer", .thursday, onOrAfter: 4, 19), .labourDay, .ascension, .whitSunday,
                .whitMonday, .fixed("National Day", 6, 17), .nth("Commerce Day", .monday, 1, of: 8), .christmas,
                .stStephen,
            ]
        case .LI:
            [
                .newYear, .epiphany, .fixed("Candlemas", 2, 2), .fixed("St Joseph's Day", 3, 19), .easterSunday,
                .easterMonday, .labourDay, .ascension, .whitSunday, .whitMonday, .corpusChristi,
                .fixed("National Day", 8, 15), .fixed("Nativity of Mary", 9, 8), .allSaints, .immaculateConception,
                .christmas, .stStephen,
            ]
        case .NO:
            [
                .newYear, .maundyThursday, .goodFriday, .easterSunday, .easterMonday, .labourDay,
                .fixed("Constitution Day", 5, 17), .ascension, .whitSunday, .whitMonday, .christmas, .stStephen,
            ]
        case .CH:
            switzerland
        }
    }

    /// Subdivisions (ISO 3166-2 without the country prefix) whose own holidays are known.
    public var subdivisionCodes: [String] {
        switch self {
        case .DE: ["BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH"]
        case .AT: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        case .CH:
            [
                "AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE", "NW", "OW", "SG", "SH",
                "SO", "SZ", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH",
            ]
        default: []
        }
    }

    private var germany: [HolidayRule] {
        let reformation = HolidayRule.fixed("Reformation Day", 10, 31)
        return [
            .newYear, .goodFriday, .easterMonday, .labourDay, .ascension, .whitMonday,
            .fixed("German Unity Day", 10, 3), .christmas, .stStephen,
            HolidayRule.epiphany.only(["BW", "BY", "ST"]),
            HolidayRule.corpusChristi.only(["BW", "BY", "HE", "NW", "RP", "SL"]),
            HolidayRule.allSaints.only(["BW", "BY", "NW", "RP", "SL"]), HolidayRule.assumption.only(["SL"]),
            HolidayRule.easterSunday.only(["BB"]), HolidayRule.whitSunday.only(["BB"]),
            reformation.only(["BB", "MV", "SN", "ST", "TH"]),
            .fixed("Reformation Day", 10, 31, years: 2018...2200, in: ["HB", "HH", "NI", "SH"]),
            .fixed("International Women's Day", 3, 8, years: 2019...2200, in: ["BE"]),
            .fixed("International Women's Day", 3, 8, years: 2023...2200, in: ["MV"]),
            .fixed("World Children's Day", 9, 20, years: 2019...2200, in: ["TH"]),
            // Wednesday before 23 November.
            HolidayRule("Day of Repentance and Prayer", .weekdayOnOrAfter(.wednesday, month: 11, day: 16), in: ["SN"]),
            HolidayRule.decreed("Anniversary holiday (state law)", "2025-05-08", "2028-06-17").only(["BE"]),
        ]
    }

    private var switzerland: [HolidayRule] {
        func cantons(_ codes: String) -> Set<String> { Set(codes.split(separator: " ").map(String.init)) }
        return [
            .newYear, .ascension, .fixed("National Day", 8, 1), .christmas,
            HolidayRule.goodFriday.only(
                cantons("AG AI AR BE BL BS FR GE GL JU LU NE NW OW SG SH SO SZ TG UR VD ZG ZH")),
            HolidayRule.easterMonday.only(cantons("AG AI AR BE BL BS GE GL GR JU LU SG SH SZ TG TI UR VD ZH")),
            HolidayRule.whitMonday.only(cantons("AG AI AR BE BL BS GE GL GR JU LU SG SH SZ TG TI UR VD ZH")),
            HolidayRule.corpusChristi.only(cantons("AG AI JU LU NE NW OW SZ TI UR VS ZG")),
            HolidayRule.assumption.only(cantons("AG AI JU LU NW OW SZ TI UR VS ZG")),
            HolidayRule.allSaints.only(cantons("AG AI GL JU LU NW OW SG SZ TI UR VS ZG")),
            HolidayRule.immaculateConception.only(cantons("AG AI LU NW OW SZ TI UR VS ZG")),
            HolidayRule.stStephen.only(cantons("AG BE BL BS GL GR LU SG SH SZ TG TI ZH")),
            // Appenzell and Uri keep St Stephen's Day unless it falls on a Tuesday or a Saturday;
            // Neuchâtel keeps it, and Berchtold's Day, only on a Monday.
            .fixed(
                "St Stephen's Day", 12, 26, onlyOn: [.monday, .wednesday, .thursday, .friday, .sunday],
                in: cantons("AI AR UR")),
            .fixed("St Stephen's Day", 12, 26, onlyOn: [.monday], in: ["NE"]),
            .fixed("Berchtold's Day", 1, 2, onlyOn: [.monday], in: ["NE"]),
            HolidayRule.fixed("Berchtold's Day", 1, 2, in: cantons("AG BE JU LU TG VD")),
            HolidayRule.epiphany.only(cantons("SZ TI UR")),
            HolidayRule.fixed("St Joseph's Day", 3, 19, in: cantons("NW SZ TI UR VS")),
            HolidayRule.labourDay.only(cantons("AG BL BS JU NE SH TG TI ZH")),
            .fixed("Republic Day", 3, 1, in: ["NE"]), .fixed("Independence Day", 6, 23, in: ["JU"]),
            .fixed("Saints Peter and Paul", 6, 29, in: ["TI"]), .fixed("St Nicholas of Flüe", 9, 25, in: ["OW"]),
            .fixed("Restoration Day", 12, 31, in: ["GE"]),
            // Näfelser Fahrt: first Thursday of April, a week later when that is Maundy Thursday.
            HolidayRule(
                "Näfelser Fahrt",
                .rule { year in
                    let first = HolidayDate.nthWeekday(.thursday, n: 1, month: 4).dates(in: year)[0]
                    return [first == Easter.western(year).adding(days: -3) ? first.adding(days: 7) : first]
                }, in: ["GL"]),
            // Jeûne genevois: the Thursday after the first Sunday of September.
            HolidayRule(
                "Genevan Fast",
                .rule { [HolidayDate.nthWeekday(.sunday, n: 1, month: 9).dates(in: $0)[0].adding(days: 4)] },
                in: ["GE"]),
            // Lundi du Jeûne: the Monday after the third Sunday of September.
            HolidayRule(
                "Prayer Monday",
                .rule { [HolidayDate.nthWeekday(.sunday, n: 3, month: 9).dates(in: $0)[0].adding(days: 1)] },
                in: ["VD"]),
        ]
    }
}
