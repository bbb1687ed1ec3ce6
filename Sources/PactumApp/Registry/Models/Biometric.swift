import Fluent
import Foundation

/// Biometric data of a dataset as received (EDAC Art 17(1)(a),(b)): a fingerprint record
/// (ISO/IEC 19794-2 or ANSI/NIST-ITL), a face template, or an image kept as an opaque blob
/// with its format. Erased with its dataset.
final class Biometric: Model, @unchecked Sendable {
    static let schema = "registry_biometrics"

    enum Kind: String, Codable, Sendable {
        case fingerprints, face, image
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "dataset_id") var datasetID: UUID
    @Field(key: "kind") var kind: String
    /// `iso-19794-2:2005`, `ansi-nist-itl-1-2011`, `face:<model>` or an image media type.
    @Field(key: "format") var format: String
    @Field(key: "data") var data: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
