import Fluent
import Foundation
import Logging
import PactumIdentity

/// The in-memory identification index of the registry (DESIGN.md, "Growing past one machine"):
/// built from the database at start, then changed on every registration, rectification,
/// restriction and erasure after its transaction commits. The database stays the record.
actor RegistryIndex {
    private var index = IdentityIndex(model: .initial)
    /// How many index records each dataset has (its names, then its names at birth and aliases).
    private var records: [UUID: Int] = [:]
    private let settings: RegistrySettings
    /// The fingerprints (EDAC Art 27), searched in their own actor so that name searches do
    /// not wait for them, and the face gallery (EDAC Art 28).
    let fingers: TenPrintIndex<UUID>
    private var faces: FaceGallery

    init(settings: RegistrySettings) {
        self.settings = settings
        fingers = TenPrintIndex(settings: settings.fingerSearch)
        faces = FaceGallery(dimension: settings.faceDimension)
    }

    /// Datasets in the index.
    var count: Int { records.count }

    /// Reads every dataset that may be compared and fits the model on them: term frequencies
    /// always, u from random pairs once there are enough records, and m from the hits experts
    /// confirmed (labelled pairs, which EM on blocked pairs can only approximate).
    func load(on db: any Database, logger: Logger = Logger(label: "pactum.registry.index")) async throws {
        index = IdentityIndex(model: .initial)
        records = [:]
        await fingers.removeAll()
        faces = FaceGallery(dimension: settings.faceDimension)
        var prepared: [String: PreparedRecord] = [:]
        for dataset in try await Dataset.query(on: db).filter(\.$restrictionReason == nil).all() {
            guard let id = dataset.id else { continue }
            insert(dataset.identityRecords, of: id)
            prepared[id.uuidString] = index.record(id: id.uuidString)
        }
        let open = Set(prepared.keys.compactMap(UUID.init(uuidString:)))
        // Images are kept for the record, never compared: they stay in the database.
        var tenPrints: [(id: UUID, record: FingerMinutiaeRecord)] = []
        for biometric in try await Biometric.query(on: db).filter(\.$kind != Biometric.Kind.image.rawValue).all()
        where open.contains(biometric.datasetID) {
            if biometric.kind == Biometric.Kind.fingerprints.rawValue {
                // Records were checked when stored: one that no longer reads is a fault to
                // report, and the dataset is then found by its names only.
                do {
                    tenPrints.append((biometric.datasetID, try FingerMinutiaeRecord(detecting: Array(biometric.data))))
                } catch {
                    logger.error(
                        "Registry index: the fingerprints of dataset \(biometric.datasetID) do not read (\(error)); it is searched without them"
                    )
                }
            } else {
                await insertBiometrics([biometric], of: biometric.datasetID)
            }
        }
        await fingers.insert(contentsOf: tenPrints)
        var model = FellegiSunterModel.initial
        let records = Array(prepared.values)
        if records.count >= settings.minimumRecordsForU {
            var rng = SeededGenerator(seed: 42)
            model.estimateU(from: Linker.randomPairs(records, count: 20_000, using: &rng))
        }
        let hits = try await Candidate.query(on: db).filter(\.$status == .confirmed).all()
        let labelled = hits.compactMap { hit in
            prepared[hit.probeID.uuidString].flatMap { a in
                prepared[hit.matchID.uuidString].map { Comparator.compare(a, $0) }
            }
        }
        if labelled.count >= settings.minimumHitsForM { model.estimateM(fromConfirmedMatches: labelled) }
        model.learnTermFrequencies(from: records)
        index.update(model: model)
    }

    /// Reads datasets again and makes the index agree with them: in the index with their
    /// records and biometric data, or out of it once erased or restricted (the change feed).
    func refresh(_ ids: Set<UUID>, on db: any Database) async throws {
        let datasets = try await Dataset.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$restrictionReason == nil)
            .all()
        let kept = Dictionary(uniqueKeysWithValues: try datasets.map { (try $0.requireID(), $0) })
        let biometrics = Dictionary(
            grouping: try await Biometric.query(on: db).filter(\.$datasetID ~~ Array(kept.keys))
                .filter(\.$kind != Biometric.Kind.image.rawValue).all(), by: \.datasetID)
        for id in ids {
            await erase(id: id)
            guard let d = kept[id] else { continue }
            insert(d.identityRecords, of: id)
            await insertBiometrics(biometrics[id] ?? [], of: id)
        }
    }

    /// Adds (or replaces) a dataset's records; its biometric data stay.
    func insert(_ datasetRecords: [IdentityRecord], of id: UUID) {
        eraseRecords(of: id)
        for record in datasetRecords { index.insert(PreparedRecord(record)) }
        records[id] = datasetRecords.count
    }

    /// Takes a dataset out of the index: its records and its biometric data.
    func erase(id: UUID) async {
        eraseRecords(of: id)
        faces.erase(id.uuidString)
        await fingers.erase(id)
    }

    private func eraseRecords(of id: UUID) {
        guard let count = records.removeValue(forKey: id) else { return }
        for n in 0..<count { index.erase(id: Dataset.indexID(id, n)) }
    }

    /// Adds a dataset's fingerprints and face (records already checked when they were stored);
    /// `fingers`, the templates where the caller has them already.
    func insertBiometrics(_ biometrics: [Biometric], of id: UUID, fingers known: [UInt8: FingerTemplate]? = nil)
        async
    {
        for b in biometrics {
            switch Biometric.Kind(rawValue: b.kind) {
            case .fingerprints:
                guard
                    let templates = known ?? (try? FingerMinutiaeRecord(detecting: Array(b.data)))?.templatesByPosition
                else { continue }
                await fingers.insert(templates, of: id)
            case .face:
                guard let t = try? FaceTemplate(model: b.format, vector: b.floats, dimension: settings.faceDimension)
                else { continue }
                faces.insert(id.uuidString, t)
            default: continue
            }
        }
    }

    /// The biographic comparison of a probe with a stored dataset: its best record (names,
    /// names at birth, aliases).
    func explain(_ probe: IdentityRecord, against id: UUID) -> MatchExplanation? {
        let prepared = PreparedRecord(probe)
        return (0..<(records[id] ?? 0)).compactMap { index.record(id: Dataset.indexID(id, $0)) }
            .map { MatchExplanation(model: index.model, a: prepared, b: $0) }.max { $0.weight < $1.weight }
    }

    /// Datasets whose face is at least `minimumSimilarity` like the probe's (EDAC Art 28).
    func searchFace(_ probe: FaceTemplate, excluding own: UUID, minimumSimilarity: Float) -> [(id: UUID, score: Float)]
    {
        faces.search(probe, k: settings.maxCandidates + 1).compactMap { found in
            guard let id = UUID(uuidString: found.id), id != own, found.score >= minimumSimilarity else { return nil }
            return (id, found.score)
        }
    }

    /// Candidates for a probe, most probable first, with the explanation of each.
    func search(_ probe: IdentityRecord, limit: Int) -> [(id: UUID, explanation: MatchExplanation)] {
        let prepared = PreparedRecord(probe)
        var best: [(id: UUID, explanation: MatchExplanation)] = []
        // A dataset found under its name and an alias counts once, with its best record.
        for found in index.search(prepared, limit: limit * 3, minimumProbability: settings.candidateThreshold) {
            guard let id = UUID(uuidString: String(found.id.prefix(36))), !best.contains(where: { $0.id == id }),
                let other = index.record(id: found.id)
            else { continue }
            best.append((id, MatchExplanation(model: index.model, a: prepared, b: other)))
        }
        return Array(best.prefix(limit))
    }
}

/// The registry's readings and limits, with their defaults (docs/IDENTITY.md).
public struct RegistrySettings: Sendable {
    /// The match probability from which a stored dataset is shown to the expert as a candidate.
    /// Low on purpose: a candidate costs an expert a look; a missed person costs a wrong
    /// responsibility decision.
    public var candidateThreshold = 0.2
    /// Candidates kept per registration or search.
    public var maxCandidates = 10
    /// u is estimated from random pairs only above this many records; below, the prior stays.
    public var minimumRecordsForU = 1_000
    /// m is learned from confirmed hits once there are this many.
    public var minimumHitsForM = 50
    /// When a biometric candidate goes to the expert: fingerprint evidence (4 is a false match
    /// rate of 1 in 10,000; 6 for a child aged 6 to 14), what biographic data may add, the face
    /// threshold (docs/BIOMETRICS.md).
    public var fusion = IdentificationFusion.Settings()
    /// The 1:N fingerprint filter, and the face templates' dimension.
    public var fingerSearch = FingerSearchSettings()
    public var faceDimension = 512
    public init() {}
}

extension Biometric {
    /// A face template's values (little-endian float32; the bytes need not be aligned).
    var floats: [Float] {
        data.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) }
        }
    }
}

extension Dataset {
    /// The alphanumeric data the matching engine compares: the names, then the family name at
    /// birth and each alias ("Family, Given", or a family name alone) with the other data.
    var identityRecords: [IdentityRecord] {
        guard let id else { return [] }
        let names: [(String, String)] =
            [(bio.givenNames, bio.familyNames)] + (bio.namesAtBirth.map { [(bio.givenNames, $0)] } ?? [])
            + (bio.otherNames ?? "").split(separator: ";").map { alias in
                let parts = alias.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return parts.count == 2 ? (parts[1], parts[0]) : (bio.givenNames, parts[0])
            }
        return names.enumerated().map { n, name in
            IdentityRecord(
                id: Self.indexID(id, n), givenNames: name.0, familyNames: name.1, dateOfBirth: bio.dateOfBirth,
                sex: bio.sex,
                nationality: bio.nationalities?.split(separator: ",").first.map(String.init),
                placeOfBirth: bio.placeOfBirth,
                documentNumber: bio.documentNumber)
        }
    }

    /// The index id of a dataset's `n`th name: the dataset id, then "#n" for the others.
    static func indexID(_ id: UUID, _ n: Int) -> String { n == 0 ? id.uuidString : "\(id.uuidString)#\(n)" }
}
