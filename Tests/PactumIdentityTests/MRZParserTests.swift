import PactumIdentity
import Testing

@Suite("MRZ parser (ICAO Doc 9303)")
struct MRZParserTests {
    func parse(_ lines: String...) throws -> MachineReadableZone { try MRZParser.parse(lines, currentYear: 2026) }

    @Test("the Doc 9303 Part 4 passport specimen reads field by field")
    func td3Specimen() throws {
        let zone = try parse(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
        #expect(zone.valid && zone.format == .td3)
        #expect(zone.fields.primaryIdentifier == "ERIKSSON" && zone.fields.secondaryIdentifier == "ANNA MARIA")
        #expect(zone.fields.documentNumber == "L898902C3" && zone.fields.optionalData == "ZE184226B")
        #expect(zone.fields.birthDate(currentYear: 2026) == "1974-08-12")
        #expect(zone.fields.expiryDate(currentYear: 2026) == "2012-04-15")
        #expect(
            zone.checks.map(\.field) == ["documentNumber", "dateOfBirth", "dateOfExpiry", "optionalData", "composite"])
    }

    @Test("a wrong check digit is reported at its line and column with the expected digit")
    func checkDigitError() throws {
        let zone = try parse(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C35UTO7408122F1204159ZE184226B<<<<<10")
        #expect(!zone.valid)
        let error = try #require(zone.errors.first)
        #expect(error.line == 2 && error.column == 10 && error.field == "documentNumber")
        #expect(error.expected == "6" && error.found == "5")
        // The composite covers the document number's check digit too.
        #expect(zone.errors.map(\.field) == ["documentNumber", "composite"])
    }

    @Test("TD1 with a document number longer than 9 characters continues in the optional data")
    func longDocumentNumber() throws {
        // Doc 9303 Part 5, Appendix B: D23145890734, check digit 9 after the continuation.
        let zone = try parse(
            "I<UTOD23145890<7349<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
        #expect(zone.fields.documentNumber == "D23145890734")
        let check = try #require(zone.checks.first { $0.field == "documentNumber" })
        #expect(check.line == 1 && check.column == 19 && check.ok)
        #expect(zone.fields.optionalData == "")
    }

    @Test("visas are told from documents of the same size by their V")
    func visas() throws {
        let a = try parse(
            "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<")
        #expect(a.format == .mrvA && a.valid && a.fields.nationality == "XXX")
        let b = try parse("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<")
        #expect(b.format == .mrvB && b.valid)
    }

    @Test("special codes: D for Germany, EUE, UNO, XXA, XXB, XXC; sex X; unknown birth day")
    func specialCodes() throws {
        for code in ["D<<", "EUE", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX"] {
            let line2 = "L898902C36\(code)7408122X1204159ZE184226B<<<<<1"
            let digit = MRZParser.checkDigit(Array(("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1").utf8))
            let zone = try parse(
                "P<\(code)ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", line2 + String(UnicodeScalar(digit)))
            #expect(zone.valid, "\(code): \(zone.errors)")
            #expect(zone.fields.sex == "X")
        }
        let unknownDay = "7408<<" + String(UnicodeScalar(MRZParser.checkDigit(Array("7408<<".utf8))))
        let body = "L898902C36UTO\(unknownDay)F1204159ZE184226B<<<<<1"
        let composite = MRZParser.checkDigit(
            Array((body.prefix(10) + body.dropFirst(13).prefix(7) + body.dropFirst(21)).utf8))
        let zone = try parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", body + String(UnicodeScalar(composite)))
        #expect(zone.valid, "\(zone.errors)")
        #expect(zone.fields.birthDate(currentYear: 2026) == "1974-08-XX")
    }

    @Test("unknown codes, impossible dates and a wrong document code are errors with their place")
    func fieldErrors() throws {
        let zone = try parse(
            "I<ZZZERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7413322F1204159ZE184226B<<<<<10")
        let fields = zone.errors.map(\.field)
        #expect(fields.contains("issuingState") && fields.contains("documentCode") && fields.contains("dateOfBirth"))
        let month = try #require(zone.errors.first { $0.field == "dateOfBirth" && $0.expected == nil })
        #expect(month.line == 2 && month.column == 16 && month.message.contains("month 13"))
    }

    @Test("a name that fills its field may be truncated")
    func truncation() throws {
        let zone = try parse(
            "P<UTOMOHAMMADZADEHTABRIZI<<FATIMA<ZAHRA<MARI", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
        #expect(zone.fields.nameMayBeTruncated && zone.fields.secondaryIdentifier == "FATIMA ZAHRA MARI")
    }

    @Test("what is not a zone throws with the reason")
    func malformed() {
        #expect(throws: MRZParseError.layout(lines: [3])) { try parse("ABC") }
        #expect(throws: MRZParseError.lineLength(line: 2, length: 43, expected: 44)) {
            try parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<1")
        }
        #expect(throws: MRZParseError.character(line: 1, column: 3, found: "u")) {
            try parse("P<utoERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
        }
    }
}
