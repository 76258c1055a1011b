"""Hostile and mutated inputs for Handout's Markdown and YAML readers, for a bounded time.

Each case is a content folder with one changed file: a procedure's Markdown (pathological
nesting, megabytes of markup, the cmark project's pathological patterns, or a real handout
mutated byte by byte), its front matter, clinic.yaml, booklet.yaml or a layout. Handout must
then either write a PDF that qpdf passes, or refuse in one `error:` line naming the file, exit 1
and leave no file; never a signal, a stack trace, a hang or more than 300 MB.

    python fuzz_inputs.py HANDOUT [--seconds 45] [--seed 1] [--report-only]

The fixed reproductions run first, every time; random cases (the same sequence for a seed) fill
the rest of the time. A failing input is kept under .build/fuzz-failures/ to reproduce. With
--report-only, only the fixed reproductions run and their slowest time and largest memory are
printed (scripts/bench does this with the release build): times are measured, never asserted.
"""
import argparse
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FRONT = "---\ntitle: Fuzzed\nupdated: 2026-11-01\n---\n"
MEGABYTES = 1024 * 1024
MEMORY_LIMIT_KB = 300 * 1024
HANG_SECONDS = 60


def reproductions():
    """The issue's reproductions and cmark's own pathological patterns, each (name, file, text)."""
    md = "procedures/fuzzed.md"
    four = 4 * MEGABYTES - 200

    def fill(unit, size=four):
        return FRONT + (unit * (size // len(unit) + 1))[:size]

    cases = [
        ("quotes x5000", md, FRONT + "> " * 5000 + "x\n"),
        ("dashes x10000", md, FRONT + "- " * 10000 + "x\n"),
        ("stars x100000", md, FRONT + "*" * 100000 + "a" + "*" * 100000 + "\n"),
        ("45 quotes on one line", md, FRONT + "> " * 45 + "x\n"),
        ("95 quotes on one line", md, FRONT + "> " * 95 + "x\n"),
        ("lists 1400 levels, indented", md, FRONT + "".join("  " * i + "- x\n" for i in range(1400))),
        ("8 callouts around 200 paragraphs", md, FRONT + "".join("> " * 8 + "Rest today and call us if it hurts more. " * 6 + "\n" + ">" * 8 + "\n" for _ in range(200))),
        ("4 MB of list items", md, fill("- a\n")),
        ("4 MB of emphasis", md, fill("*a* ")),
        ("4 MB of headings", md, fill("# a\n")),
        ("4 MB of quote lines", md, fill("> a\n")),
        ("4 MB of paragraphs", md, fill("Some plain words in a paragraph of a handout. " * 4 + "\n\n")),
        ("4 MB one line", md, fill("a")),
        ("4 MB of links", md, fill("[a](http://x.example/a) ")),
        ("4 MB of pictures", md, fill("![a](nowhere.png)\n\n")),
        ("4 MB code block", md, FRONT + "```\n" + ("code line\n" * (four // 10)) + "```\n"),
        ("nested brackets", md, FRONT + "[" * 50000 + "a" + "]" * 50000 + "\n"),
        ("unclosed links", md, FRONT + "[a](<b" * 30000 + "\n"),
        ("emph closers without openers", md, FRONT + "a_ " * 60000 + "\n"),
        ("emph openers without closers", md, FRONT + "_a " * 60000 + "\n"),
        ("mismatched openers and closers", md, FRONT + "*a_ " * 40000 + "\n"),
        ("openers and closers multiple of 3", md, FRONT + "a**b" + "c* " * 40000 + "\n"),
        ("link openers and emph closers", md, FRONT + "[ a_" * 40000 + "\n"),
        ("backticks", md, FRONT + "".join("e" + "`" * i for i in range(1, 3000)) + "\n"),
        ("unclosed comments", md, FRONT + "</" * 60000 + "\n"),
        ("many entities", md, FRONT + "&amp;" * 100000 + "\n"),
        ("NUL and controls", md, FRONT + "a\x00b\x01c\x7f\n"),
        ("U+10FFFF in the title", md, "---\ntitle: A\U0010FFFF\n---\nBody\n"),
        ("invalid UTF-8", md, None),
        ("YAML alias bomb", md, "---\ntitle: A\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\nBody\n"),
        ("YAML deep flow", md, "---\ntitle: A\nx: " + "[" * 10000 + "]" * 10000 + "\n---\nBody\n"),
        ("YAML deep block", md, "---\ntitle: A\n" + "".join(" " * i + "k:\n" for i in range(1500)) + "---\nBody\n"),
        ("YAML huge title", md, "---\ntitle: " + "A" * (3 * MEGABYTES) + "\n---\nBody\n"),
        ("clinic.yaml alias bomb", "clinic.yaml", "name: &n [a, a, a, a, a, a, a, a]\nphone: &p [*n, *n, *n, *n, *n, *n, *n, *n]\nwebsite: [*p, *p, *p, *p, *p, *p, *p, *p]\n"),
        ("clinic.yaml deep", "clinic.yaml", "name: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"),
        ("booklet.yaml deep parts", "booklet.yaml", "title: B\nparts:\n" + "  - procedures:\n" * 3000),
        ("layout deep", "Layouts/fuzzed.yaml", "page: " + "[" * 8000 + "]" * 8000 + "\n"),
        ("string catalog with a huge label", "Layouts/strings/es.yaml",
         open(os.path.join(ROOT, "Layouts", "strings", "es.yaml")).read().replace("important: Importante", "important: " + "Importante " * 100000)),
    ]
    return cases


class Fuzzer:
    def __init__(self, handout, seed):
        self.handout = handout
        self.random = random.Random(seed)
        self.work = tempfile.mkdtemp(prefix="handout-fuzz-")
        self.failures = []
        self.results = []  # (name, status, seconds, peak KB)
        content = os.path.join(ROOT, "Content")
        self.sources = {
            os.path.relpath(os.path.join(folder, name), content): open(os.path.join(folder, name), "rb").read()
            for folder, _, names in os.walk(content) for name in names if name.endswith((".md", ".yaml"))
        }
        self.sources.update({
            "Layouts/fuzzed.yaml": open(os.path.join(ROOT, "Layouts", name), "rb").read()
            for name in ["large-print.yaml"]
        })
        # The Spanish words, as a clinic's own copy next to its Content folder (found first).
        self.sources["Layouts/strings/es.yaml"] = open(os.path.join(ROOT, "Layouts", "strings", "es.yaml"), "rb").read()

    def project(self, relative, data):
        """A fresh copy of Content/ with `relative` replaced by `data` (bytes)."""
        folder = tempfile.mkdtemp(dir=self.work)
        content = os.path.join(folder, "Content")
        shutil.copytree(os.path.join(ROOT, "Content"), content)
        path = os.path.join(folder if relative.startswith("Layouts/") else content, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(data)
        return folder, content

    def command(self, relative, content, output):
        if relative == "booklet.yaml" or relative.startswith("parts/"):
            return [self.handout, "booklet", "--content", content, "--output", os.path.join(output, "booklet.pdf")]
        if relative.startswith("Layouts/strings/"):
            return [self.handout, "render", "epidural-steroid-injection", "--language", "es", "--field", "patient_name=Ana Ruiz",
                    "--field", "procedure_date=2026-12-03", "--field", "arrival_time=7:30", "--content", content, "--output", output]
        if relative.startswith("Layouts/"):
            layout = os.path.join(os.path.dirname(content), relative)
            return [self.handout, "render", "epidural-steroid-injection", "--layout", layout, "--content", content, "--output", output]
        if relative.startswith("procedures/"):
            slug = os.path.basename(relative)[:-3]
            # A language variant (SLUG.es.md) is made with --language, as a clinic would.
            stem, _, language = slug.rpartition(".")
            if stem and language.isalpha() and len(language) in (2, 3):
                return [self.handout, "render", stem, "--language", language, "--content", content, "--output", output]
            return [self.handout, "render", slug, "--content", content, "--output", output]
        return [self.handout, "render", "epidural-steroid-injection", "--content", content, "--output", output]

    def run_case(self, name, relative, data):
        folder, content = self.project(relative, data)
        output = os.path.join(folder, "out")
        arguments = self.command(relative, content, output)
        with open(os.path.join(folder, "stdout"), "wb") as out, open(os.path.join(folder, "stderr"), "wb") as err:
            started = time.monotonic()
            process = subprocess.Popen(arguments, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=folder)
            hung = False
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - started > HANG_SECONDS:
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    hung = True
                    break
                time.sleep(0.005)
            seconds = time.monotonic() - started
        stderr = open(os.path.join(folder, "stderr"), "rb").read().decode("utf-8", "replace")
        problems = self.check(relative, output, status, stderr, usage, hung)
        self.results.append((name, os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss))
        if problems:
            kept = os.path.join(ROOT, ".build", "fuzz-failures", f"{len(self.failures) + 1:03d}")
            shutil.rmtree(kept, ignore_errors=True)
            os.makedirs(kept)
            with open(os.path.join(kept, os.path.basename(relative)), "wb") as file:
                file.write(data)
            with open(os.path.join(kept, "README"), "w") as file:
                file.write(f"{name}\nfile: {relative}\ncommand: {' '.join(arguments)}\nproblems: {problems}\nstderr:\n{stderr}")
            self.failures.append(f"{name} ({relative}): {'; '.join(problems)} [kept in {os.path.relpath(kept, ROOT)}]")
        shutil.rmtree(folder, ignore_errors=True)

    def check(self, relative, output, status, stderr, usage, hung):
        problems = []
        if hung:
            return [f"still running after {HANG_SECONDS} s"]
        if os.WIFSIGNALED(status):
            return [f"killed by signal {signal.Signals(os.WTERMSIG(status)).name}"]
        code = os.WEXITSTATUS(status)
        if usage.ru_maxrss > MEMORY_LIMIT_KB:
            problems.append(f"peak memory {usage.ru_maxrss // 1024} MB, over 300 MB")
        lines = [line for line in stderr.splitlines() if line]
        stray = [line for line in lines if not line.startswith(("error: ", "warning: "))]
        if stray:
            problems.append(f"stderr has a line that is neither an error nor a warning: {stray[0][:160]!r}")
        written = sorted(os.listdir(output)) if os.path.isdir(output) else []
        leftovers = [name for name in written if not name.endswith(".pdf")]
        if leftovers:
            problems.append(f"left {leftovers} in the output folder")
        if code == 0:
            pdfs = [name for name in written if name.endswith(".pdf")]
            if not pdfs:
                problems.append("exit 0 but no PDF")
            for name in pdfs:
                check = subprocess.run(["qpdf", "--check", os.path.join(output, name)], capture_output=True, text=True)
                if check.returncode != 0:
                    problems.append(f"qpdf --check fails on {name}: {(check.stdout + check.stderr).strip().splitlines()[-1][:160]}")
        elif code == 1:
            errors = [line for line in lines if line.startswith("error: ")]
            if len(errors) != 1:
                problems.append(f"{len(errors)} error lines, not one")
            elif os.path.basename(relative) not in errors[0]:
                problems.append(f"the error does not name {os.path.basename(relative)}: {errors[0][:160]!r}")
            elif len(errors[0].replace(os.path.dirname(output), "")) > 500:  # a runaway message, not a long one
                problems.append(f"the error is {len(errors[0])} characters long, too long to read: {errors[0][:160]!r}")
            if any(name.endswith(".pdf") for name in written):
                problems.append(f"exit 1 but wrote {written}")
        else:
            problems.append(f"exit status {code}")
        return problems

    # Random cases: a real file mutated.

    # Markdown and YAML pieces, valid UTF-8: most cases keep the file text, so they reach the
    # parsers and the layout instead of stopping at the UTF-8 check.
    TOKENS = [b"> ", b"- ", b"* ", b"1. ", b"100. ", b"#", b"## ", b"**", b"*", b"_", b"`", b"```\n", b"[", b"]", b"(", b")",
              b"![", b"<", b">", b"\\", b"&amp;", b"&#0;", b"\n", b"\n\n", b"    ", b"\t", b"|", b"---\n", b"{{", b"}}",
              b"{{patient_name}}", b"{{clinic.phone}}", b"{{#notes}}", b"{{/notes}}", b"\xe2\x80\xae", b"\xd8\xa7\xd9\x84",
              b"\r", b"\r\n", b": ", b"&a ", b"*a ", b"!!binary ", b"'", b'"', b"%YAML 1.1\n", b"? ", b"{", b"}", b", ",
              b"[link](http://x.example/a b)", b"<http://x.example/\\>", b"![p](../../etc/passwd)", b"![p](/dev/zero)",
              b"\xc3\xa9", b"\xf0\x9f\x98\x80", b"\xe0\xa4\x95\xe0\xa5\x8d"]
    # Bytes that break the text itself, for the rest.
    RAW = [b"\x00", b"\xff", b"\xc3", b"\xf4\x8f\xbf\xbf", b"\xef\xbb\xbf", b"\x1b"]

    def mutate(self, data):
        data = bytearray(data)
        raw = self.random.random() < 0.2
        for _ in range(self.random.randint(1, 12)):
            choice = self.random.random()
            at = self.random.randint(0, len(data))
            if choice < 0.45:
                tokens = self.TOKENS + self.RAW if raw else self.TOKENS
                data[at:at] = self.random.choice(tokens) * self.random.choice([1, 1, 2, 8, 50, 400])
            elif choice < 0.6:
                end = min(len(data), at + self.random.randint(1, 200))
                del data[at:end]
            elif choice < 0.8:
                end = min(len(data), at + self.random.randint(1, 400))
                data[at:at] = data[at:end] * self.random.choice([2, 10, 100])
            elif choice < 0.85:
                data = data[:at]
            elif raw and data:
                data[min(at, len(data) - 1)] ^= 1 << self.random.randint(0, 7)
        if not raw:
            # Cuts and copies can split a character: keep the text whole, as an editor would.
            data = bytearray(bytes(data).decode("utf-8", "ignore").encode("utf-8"))
        return bytes(data[: 5 * MEGABYTES])

    def random_case(self, index):
        relative = self.random.choice(sorted(self.sources))
        return f"random #{index}", relative, self.mutate(self.sources[relative])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("handout")
    parser.add_argument("--seconds", type=float, default=45)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report-only", action="store_true")
    options = parser.parse_args()
    fuzzer = Fuzzer(os.path.abspath(options.handout), options.seed)
    started = time.monotonic()
    try:
        for name, relative, text in reproductions():
            data = b"---\ntitle: A\n---\n\xff\xfe broken\n" if text is None else text.encode("utf-8", "surrogatepass")
            fuzzer.run_case(name, relative, data)
        fixed = len(fuzzer.results)
        if not options.report_only:
            index = 0
            while time.monotonic() - started < options.seconds:
                index += 1
                fuzzer.run_case(*fuzzer.random_case(index))
    finally:
        shutil.rmtree(fuzzer.work, ignore_errors=True)

    slowest = max(fuzzer.results[:fixed], key=lambda result: result[2])
    largest = max(fuzzer.results[:fixed], key=lambda result: result[3])
    print(f"hostile inputs: slowest {slowest[2]:.2f} s ({slowest[0]}), largest {largest[3] // 1024} MB ({largest[0]}), {fixed} reproductions")
    if not options.report_only:
        refused = sum(1 for result in fuzzer.results if result[1] == 1)
        print(f"fuzz: {len(fuzzer.results)} cases in {time.monotonic() - started:.0f} s (seed {options.seed}): "
              f"{len(fuzzer.results) - refused} rendered, {refused} refused, {len(fuzzer.failures)} failed")
    for failure in fuzzer.failures:
        print("FAIL " + failure, file=sys.stderr)
    sys.exit(1 if fuzzer.failures else 0)


if __name__ == "__main__":
    main()
