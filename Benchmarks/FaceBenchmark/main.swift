import Foundation
import PactumIdentity

// Face 1:N benchmark (issue 6): reads gallery and query vectors (raw little-endian float32,
// 512 per vector) written by Benchmarks/face/face_benchmark.py, which runs FAISS on the same
// vectors in the same run. Prints insert rate, memory per million and single-query latency,
// and writes the top 10 of each query for the recall computation.
//
//   face-benchmark GALLERY.f32 QUERIES.f32 OUT.txt [dimension]

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: face-benchmark GALLERY.f32 QUERIES.f32 OUT.txt [dimension]\n".utf8))
    exit(2)
}
let dimension = arguments.count > 4 ? Int(arguments[4]) ?? 512 : 512

func vectors(_ path: String) -> [[Float]] {
    let data = FileManager.default.contents(atPath: path)!
    let floats = data.withUnsafeBytes { raw in
        (0..<(raw.count / 4)).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) }
    }
    return stride(from: 0, to: floats.count, by: dimension).map { Array(floats[$0..<($0 + dimension)]) }
}

let gallery = vectors(arguments[1])
let queries = vectors(arguments[2])
var index = FaceGallery(dimension: dimension)
let start = Date()
for (n, v) in gallery.enumerated() {
    index.insert(String(n), try FaceTemplate(model: "synthetic", vector: v, dimension: dimension))
}
let inserted = Date().timeIntervalSince(start)
print(
    String(
        format: "gallery: %d vectors of %d dimensions, %.0f inserts/s", gallery.count, dimension,
        Double(gallery.count) / inserted))
print(
    String(
        format: "memory: %.0f MB per million templates (8-bit codes, half floats, scale)",
        Double(index.bytesPerTemplate)))

let templates = try queries.map { try FaceTemplate(model: "synthetic", vector: $0, dimension: dimension) }
_ = index.search(templates[0])  // warm the caches and the threads
var latencies: [Double] = []
var lines: [String] = []
for q in templates {
    let t = Date()
    let top = index.search(q, k: 10)
    latencies.append(Date().timeIntervalSince(t) * 1000)
    lines.append(top.map(\.id).joined(separator: " "))
}
try lines.joined(separator: "\n").write(toFile: arguments[3], atomically: true, encoding: .utf8)
latencies.sort()
let mean = latencies.reduce(0, +) / Double(latencies.count)
print(
    String(
        format: "pactum single-query top-10: mean %.1f ms, p50 %.1f ms, p99 %.1f ms (%d queries, %d cores)", mean,
        latencies[latencies.count / 2], latencies[min(latencies.count - 1, latencies.count * 99 / 100)],
        latencies.count,
        ProcessInfo.processInfo.activeProcessorCount))
