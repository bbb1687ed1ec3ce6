import Testing

@testable import PactumIdentity

@Suite("CSV files from outside")
struct CSVTableTests {
    @Test("a byte order mark is skipped and CRLF, LF and CR all end lines")
    func lineEnds() throws {
        for text in ["\u{FEFF}id,name\r\n1,Anna\r\n2,Ali\r\n", "id,name\n1,Anna\n2,Ali", "id,name\r1,Anna\r2,Ali\r"] {
            let table = try CSVTable(parsing: text)
            #expect(table.header == ["id", "name"])
            #expect(table.rows == [["1", "Anna"], ["2", "Ali"]])
        }
        // A line end inside quotes stays in the field.
        #expect(try CSVTable(parsing: "id,name\n1,\"An\rna\"\n").rows == [["1", "An\rna"]])
    }

    @Test("a column named twice and a NUL character are refused, with the line")
    func refused() {
        #expect(throws: CSVTable.CSVError.duplicateColumn("id")) { try CSVTable(parsing: "id,name,id\n1,a,2\n") }
        #expect(throws: CSVTable.CSVError.nulCharacter(line: 2)) { try CSVTable(parsing: "id,name\n1,A\u{0}nna\n") }
    }
}
