"""The benchmark: communique against bare spaCy, memory, and query latency, in one run.

    .venv/bin/python benchmarks/run.py                  # 2,000 articles, 1 and 2 processes
    .venv/bin/python benchmarks/run.py --articles 500 --jobs 1 --skip-queries
    .venv/bin/python benchmarks/run.py --stages --profile   # where the time goes
    .venv/bin/python benchmarks/run.py --rounds 3       # on a shared machine: median of 3 rounds

Throughput is measured end to end on the CLI (`communique extract` and `communique
ingest`) against `nlp.pipe` of the same spaCy model over the same articles, with the
same number of processes. Memory is the peak summed RSS of the whole process tree.
Two corpora (see corpus.py): the real article texts of `../shared/eval`, read in
place when present and never copied into the project, and a synthetic one (demo
articles recombined); `--corpus` picks. This is a script, not a test: numbers
depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402
import measure  # noqa: E402

DATA = HERE / ".data"
BIN = Path(sys.executable).parent
MB = 1024 * 1024


LABELS = ("bare spaCy", "extract", "ingest")


def throughput(
    corpus: Path, n: int, jobs: int, checkpoint: int, tag: str = "", rounds: int = 1
) -> list[dict[str, measure.Run]]:
    """`rounds` rounds of bare spaCy, extract and ingest with `jobs` processes.

    The order rotates from round to round, so a slow spell of a shared machine does
    not always land on the same run; each round's ratio is taken against that
    round's bare spaCy.
    """
    results = []
    for r in range(rounds):
        runs: dict[str, measure.Run] = {}
        order = LABELS[r % 3 :] + LABELS[: r % 3]
        for label in order:
            runs[label] = _run_one(label, corpus, n, jobs, checkpoint, tag)
            run = runs[label]
            print(
                f"  done (round {r + 1}/{rounds}): {label} with {jobs} process(es): "
                f"{run.rate:.1f} articles/s, "
                f"{run.cpu:.0f} CPU s, peak {run.peak_rss / MB:.0f} MB RSS, "
                f"{run.peak_pss / MB:.0f} MB PSS",
                file=sys.stderr,
                flush=True,
            )
        results.append({label: runs[label] for label in LABELS})
    return results


def _run_one(label: str, corpus: Path, n: int, j: int, checkpoint: int, tag: str) -> measure.Run:
    if label == "bare spaCy":
        out = DATA / f"bare-j{j}{tag}.txt"
        command = [sys.executable, str(HERE / "bare.py"), str(corpus), "--jobs", str(j)]
        return measure.measure(
            f"bare j{j}", command, n, measure.lines_in(out), stdout=out, checkpoints=(checkpoint,)
        )
    if label == "extract":
        out = DATA / f"extract-j{j}{tag}.jsonl"
        command = [str(BIN / "communique"), "extract", "--format", "jsonl", "--jobs", str(j), str(corpus)]
        return measure.measure(
            f"extract j{j}", command, n, measure.lines_in(out), stdout=out, checkpoints=(checkpoint,)
        )
    db = DATA / f"ingest-j{j}{tag}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [str(BIN / "communique"), "ingest", "--db", str(db), "--jobs", str(j), "--quiet", str(corpus)]
    return measure.measure(f"ingest j{j}", command, n, measure.rows_in(db), checkpoints=(checkpoint,))


def report_throughput(results: list[dict[str, measure.Run]], jobs: int, n: int, checkpoint: int) -> None:
    print(f"\n## Throughput and memory, {jobs} process(es) ({n:,} articles)\n")
    print(
        "| round | run | wall s | articles/s | steady articles/s | ours/bare (steady) | CPU s "
        "| articles per CPU s "
        f"| ours/bare (CPU) | peak RSS MB | peak PSS MB | RSS at {checkpoint} MB | growth {checkpoint}->{n} |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r, runs in enumerate(results, 1):
        bare = runs["bare spaCy"]
        for label, run in runs.items():
            ratio = "" if run is bare else f"{run.steady_rate / bare.steady_rate:.2f}"
            cpu_ratio = "" if run is bare or not run.cpu_rate else f"{run.cpu_rate / bare.cpu_rate:.2f}"
            early = run.rss_at.get(checkpoint, 0)
            growth = f"{run.peak_rss / early:.2f}x" if early else ""
            failed = f" ({run.articles - run.done} failed)" if run.done < run.articles else ""
            print(
                f"| {r} | {label}{failed} | {run.wall:.1f} | {run.rate:.1f} "
                f"| {run.steady_rate:.1f} | {ratio} "
                f"| {run.cpu:.0f} | {run.cpu_rate:.1f} | {cpu_ratio} "
                f"| {run.peak_rss / MB:.0f} | {run.peak_pss / MB:.0f} | {early / MB:.0f} | {growth} |"
            )
    if len(results) > 1:
        print()
        for label in LABELS[1:]:
            ratios = sorted(runs[label].steady_rate / runs["bare spaCy"].steady_rate for runs in results)
            cpu = sorted(
                runs[label].cpu_rate / runs["bare spaCy"].cpu_rate for runs in results if runs[label].cpu_rate
            )
            rates = sorted(runs[label].steady_rate for runs in results)
            print(
                f"- {label}, {jobs} process(es): median ours/bare {statistics.median(ratios):.2f} "
                f"(rounds {', '.join(f'{x:.2f}' for x in ratios)}; "
                f"by CPU time {statistics.median(cpu):.2f}), "
                f"median {statistics.median(rates):.1f} articles/s"
            )


def corpora(which: str, synthetic: Path, n: int, tmp: Path) -> list[tuple[str, Path, str]]:
    """(name, JSONL path, label) of each corpus to measure; the real one only where ../shared is."""
    out = []
    if which in ("real", "both"):
        real = corpus_mod.generate_real(n, tmp / f"real-{n}.jsonl")
        if real is None:
            print(f"no {corpus_mod.SHARED_EVAL} here: the real-text corpus is skipped", file=sys.stderr)
        else:
            out.append(("real", real, corpus_mod.REAL_LABEL))
    if which in ("synthetic", "both"):
        out.append(("synthetic", synthetic, corpus_mod.LABEL))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2,000)")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[2, 1], help="process counts, in this order (default 2 1)"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="repeat each process count, rotating the order (median ratio)"
    )
    parser.add_argument(
        "--checkpoint", type=int, default=500, help="RSS is also read when this many are done"
    )
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="synthetic events for the query timings"
    )
    parser.add_argument("--tag", default="", help="suffix for output files, so two runs can share .data/")
    parser.add_argument(
        "--corpus",
        choices=("real", "synthetic", "both"),
        default="both",
        help="real eval texts (when ../shared is here), the synthetic corpus, or both (default)",
    )
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-queries", action="store_true")
    parser.add_argument("--stages", action="store_true", help="time each stage in one process")
    parser.add_argument("--profile", action="store_true", help="pyinstrument call tree of an ingest")
    parser.add_argument("--profile-articles", type=int, default=200)
    args = parser.parse_args()

    DATA.mkdir(parents=True, exist_ok=True)
    corpus = corpus_mod.generate(args.articles, DATA / f"corpus-{args.articles}.jsonl")
    load = ", ".join(f"{x:.1f}" for x in measure.psutil.getloadavg())
    print(f"# communique benchmark\n\nmachine: {platform.machine()}, {measure.psutil.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, load average at start {load}")

    if not args.skip_throughput:
        with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
            for name, path, label in corpora(args.corpus, corpus, args.articles, Path(tmp)):
                print(f"\n# Corpus: {args.articles:,} articles, {label}")
                for jobs in args.jobs:  # a table per process count, printed as soon as it is measured
                    tag = f"{args.tag}-{name}"
                    results = throughput(path, args.articles, jobs, args.checkpoint, tag, args.rounds)
                    report_throughput(results, jobs, args.articles, args.checkpoint)
                    sys.stdout.flush()

    if args.stages:
        import stages

        print("\n## Stages (one process, seconds per 1,000 articles)\n")
        print("| stage | s / 1,000 articles |\n|---|---|")
        for name, seconds in stages.breakdown(corpus, limit=min(args.articles, 300)):
            print(f"| {name} | {seconds:.2f} |")

    if args.profile:
        import stages

        html = DATA / "profile.html"
        print(f"\n## Profile (pyinstrument, ingest of {args.profile_articles} articles; HTML in {html})\n")
        print("```\n" + stages.profile(corpus, args.profile_articles, html) + "```")

    if not args.skip_queries:
        import queries

        db = DATA / f"events-{args.events}.db"
        print(f"\n## Query latency ({args.events:,} synthetic events, median of 7)\n")
        print("| query | wall ms | CPU ms | rows |\n|---|---|---|---|")
        for name, wall, cpu, rows in queries.run(db, args.events):
            print(f"| {name} | {wall:.1f} | {cpu:.1f} | {rows} |")


if __name__ == "__main__":
    main()
