#!/usr/bin/env python3
"""Face 1:N benchmark: Pactum's 8-bit scan with exact re-ranking beside FAISS on the same vectors.

Synthetic face templates: one identity centre per gallery person (a random unit vector of 512
dimensions), the enrolled template and the probe are the centre plus independent noise, scaled
so that a genuine pair has a cosine of about 0.6 and an impostor pair about 0 (the shape of a
modern face model's score distributions). Seeded.

For every query the top 10 of FAISS IndexFlatIP (exact float32 inner product) is the truth.
Prints, for Pactum and FAISS (exact, and 8-bit scalar quantisation): single-query latency,
recall@10 against the truth, and the ratio of latencies.

    swift build -c release --product face-benchmark
    python3 Benchmarks/face/face_benchmark.py [--gallery 1000000] [--queries 200]
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def ensure(package, module):
    try:
        return __import__(module)
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", package])
        return __import__(module)


np = ensure("numpy", "numpy")
faiss = ensure("faiss-cpu", "faiss")


def unit(x):
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gallery", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--dimension", type=int, default=512)
    args = parser.parse_args()
    d = args.dimension
    rng = np.random.default_rng(512)
    noise = 0.036  # per component: genuine cosine ≈ 1 / (1 + d·noise²) ≈ 0.6
    gallery = np.empty((args.gallery, d), dtype=np.float32)
    mates = rng.choice(args.gallery, size=args.queries, replace=False)
    queries = np.empty((args.queries, d), dtype=np.float32)
    for start in range(0, args.gallery, 100_000):
        end = min(args.gallery, start + 100_000)
        centres = unit(rng.standard_normal((end - start, d)))
        gallery[start:end] = unit(centres + noise * rng.standard_normal((end - start, d)))
        for q, m in enumerate(mates):
            if start <= m < end:
                queries[q] = unit(centres[m - start][None, :] + noise * rng.standard_normal((1, d)))[0]
    print(f"vectors: {args.gallery:,} gallery, {args.queries} queries, {d} dimensions")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        gallery.tofile(tmp / "gallery.f32")
        queries.tofile(tmp / "queries.f32")
        binary = ROOT / ".build/release/face-benchmark"
        out = subprocess.run([str(binary), str(tmp / "gallery.f32"), str(tmp / "queries.f32"), str(tmp / "ours.txt"),
                              str(d)], capture_output=True, text=True, check=True)
        print(out.stdout.strip())
        ours = [list(map(int, line.split())) for line in (tmp / "ours.txt").read_text().splitlines()]
        pactum_ms = float(out.stdout.split("mean ")[1].split(" ms")[0])

    faiss.omp_set_num_threads(2)
    exact = faiss.IndexFlatIP(d)
    exact.add(gallery)

    def single_queries(index):
        times, results = [], []
        index.search(queries[:1], 10)
        for q in range(args.queries):
            t = time.perf_counter()
            _, ids = index.search(queries[q:q + 1], 10)
            times.append((time.perf_counter() - t) * 1000)
            results.append(list(ids[0]))
        return sum(times) / len(times), results

    flat_ms, truth = single_queries(exact)

    def recall(found):
        return sum(len(set(f) & set(t)) for f, t in zip(found, truth)) / (10 * len(truth))

    sq8 = faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    sq8.train(gallery[: min(len(gallery), 100_000)])
    sq8.add(gallery)
    sq8_ms, sq8_found = single_queries(sq8)
    rank1 = sum(1 for f, m in zip(ours, mates) if f and f[0] == m) / len(mates)
    print(f"pactum: {pactum_ms:.1f} ms per query, recall@10 {recall(ours):.4f} against exact float32, rank-1 mate {rank1:.3f}")
    print(f"FAISS IndexFlatIP (exact float32, 2 threads): {flat_ms:.1f} ms per query")
    print(f"FAISS IndexScalarQuantizer 8-bit: {sq8_ms:.1f} ms per query, recall@10 {recall(sq8_found):.4f}")
    print(f"ratio: pactum is {flat_ms / pactum_ms:.1f}x faster than FAISS exact, {sq8_ms / pactum_ms:.1f}x than FAISS SQ8")


if __name__ == "__main__":
    main()
