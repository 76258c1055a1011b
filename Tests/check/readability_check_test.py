"""`handout check --json` against the reference tool, textstat 0.7.3 (syllables through pyphen):
the seven default handouts, the part intros and generated texts from very easy to very hard.

Run by scripts/test after the Swift tests:  python readability_check_test.py HANDOUT_BINARY

Apples to apples: textstat is given the text a patient reads, one paragraph or list item a line,
each item ending with a period (a list item counts as a sentence); headings, captions, front
matter and Markdown syntax are left out. For the default handouts that text is the "text" field
of the JSON (what Handout scored, so this compares counting, not extraction); for the generated
texts the test writes the plain text itself, next to the Markdown it gives Handout.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

import textstat

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HANDOUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/handout"))
GRADE_TOLERANCE = 0.5
EASE_TOLERANCE = 5.0

EASY = ["We will see you soon.", "Come in at the front door.", "Bring a list of your pills.", "You can go home the same day.",
        "Do not eat after ten at night.", "A nurse will help you get ready.", "Rest when you get home."]
MEDIUM = ["Your doctor may suggest an injection when other treatment has not helped enough.",
          "Tell us about every medicine you take, including vitamins and herbal products.",
          "The procedure usually takes less than an hour, and most people go home the same day.",
          "Call us right away if you notice swelling, redness, or a fever after the procedure.",
          "Plan for an adult to drive you home, because the medicine may make you sleepy."]
HARD = ["Comprehensive interventional radiological evaluation necessitates meticulous consideration of contraindications.",
        "Anticoagulation therapy, concomitant medications, and hypersensitivity reactions require individualized assessment.",
        "Postprocedural neurological deterioration, particularly progressive extremity weakness, warrants immediate evaluation.",
        "Fluoroscopically guided percutaneous intervention demonstrates considerable efficacy in appropriately selected individuals."]
ITEMS = ["Stop eating at midnight", "Bring your insurance card", "Wear loose clothing",
         "Avoid strenuous physical activity for several days", "Take acetaminophen for discomfort if needed"]


def run(*arguments):
    return subprocess.run([HANDOUT, *arguments], capture_output=True, text=True)


def generated_texts():
    """(name, markdown body, the plain text textstat reads) for texts of every difficulty."""
    rng = random.Random(11)
    texts = []
    pools = {"easy": EASY, "medium": MEDIUM, "hard": HARD, "mixed": EASY + MEDIUM + HARD}
    for index in range(16):
        kind = list(pools)[index % 4]
        pool = pools[kind]
        paragraphs = [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 4))]
        items = rng.sample(ITEMS, rng.randint(0, 4))
        markdown = "## A heading nobody scores\n\n" + "\n\n".join(paragraphs)
        plain = list(paragraphs)
        if items:
            markdown += "\n\n" + "\n".join(f"- {item}" for item in items)
            plain += [item + "." for item in items]
        markdown += "\n\n![A caption nobody scores]()\n"
        texts.append((f"generated-{index:02d}-{kind}", markdown, "\n".join(plain)))
    return texts


class ReadabilityAgainstTextstat(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="handout-check-")
        content = os.path.join(cls.work, "Content")
        shutil.copytree(os.path.join(ROOT, "Content"), content)
        cls.expected = {}
        for name, markdown, plain in generated_texts():
            with open(os.path.join(content, "procedures", name + ".md"), "w") as f:
                f.write(f"---\ntitle: {name}\nupdated: 2026-11-01\n---\n{markdown}")
            cls.expected[name] = plain
        result = run("check", "--content", content, "--json")
        assert result.returncode == 0, result.stderr
        # The English versions: textstat 0.7.3 is the reference for English grades (Spanish is checked below).
        cls.results = {o["name"]: o for o in map(json.loads, result.stdout.splitlines()) if o["language"] == "en"}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def compare(self, name, text):
        ours = self.results[name]
        textstat.set_lang("en_US")
        reference = {
            "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
            "flesch_reading_ease": textstat.flesch_reading_ease(text),
            "smog_index": textstat.smog_index(text),
            "words": textstat.lexicon_count(text),
            "sentences": textstat.sentence_count(text),
            "syllables": textstat.syllable_count(text),
        }
        print(f"{name:34} FK {ours['flesch_kincaid_grade']:5} vs {reference['flesch_kincaid_grade']:5}  "
              f"FRE {ours['flesch_reading_ease']:6} vs {reference['flesch_reading_ease']:6}  "
              f"SMOG {ours['smog_index']:4} vs {reference['smog_index']:4}", file=sys.stderr)
        self.assertLessEqual(abs(ours["flesch_kincaid_grade"] - reference["flesch_kincaid_grade"]), GRADE_TOLERANCE, name)
        self.assertLessEqual(abs(ours["smog_index"] - reference["smog_index"]), GRADE_TOLERANCE, name)
        self.assertLessEqual(abs(ours["flesch_reading_ease"] - reference["flesch_reading_ease"]), EASE_TOLERANCE, name)
        # Words and sentences are counted by the same rules, so they agree exactly.
        self.assertEqual(ours["words"], reference["words"], name)
        self.assertEqual(ours["sentences"], reference["sentences"], name)

    def test_default_handouts_and_intros(self):
        names = [n for n in self.results if not n.startswith("generated-")]
        self.assertEqual(len(names), 9, names)
        for name in names:
            self.compare(name, self.results[name]["text"])

    def test_generated_texts(self):
        self.assertEqual(len(self.expected), 16)
        for name, plain in self.expected.items():
            # The extraction too: Handout scored exactly the text a reader reads.
            self.assertEqual(self.results[name]["text"], plain, name)
            self.compare(name, plain)

    def test_range_of_difficulty(self):
        grades = {n: o["flesch_kincaid_grade"] for n, o in self.results.items() if n.startswith("generated-")}
        self.assertLess(min(grades.values()), 3)
        self.assertGreater(max(grades.values()), 15)

    def test_spanish_scores(self):
        text = ("Le pondremos una inyección en la espalda para calmar el dolor. Venga con un familiar que pueda llevarle a casa.\n"
                "No coma nada después de la medianoche.\nTraiga la lista de todas sus medicinas.")
        project = os.path.join(self.work, "spanish")
        os.makedirs(os.path.join(project, "procedures"))
        shutil.copy(os.path.join(ROOT, "Content", "clinic.yaml"), project)
        with open(os.path.join(project, "procedures", "shot.md"), "w") as f:
            f.write("---\ntitle: Shot\n---\nWe give you a shot.\n")
        with open(os.path.join(project, "procedures", "shot.es.md"), "w") as f:
            f.write("---\ntitle: Inyección\nlanguage: es\n---\n" + text.split("\n")[0] + "\n\n- No coma nada después de la medianoche\n- Traiga la lista de todas sus medicinas\n")
        result = run("check", "shot", "--language", "es", "--content", project, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        ours = json.loads(result.stdout)
        self.assertEqual(ours["text"], text)
        textstat.set_lang("es")
        try:
            huerta, pazos = textstat.fernandez_huerta(text), textstat.szigriszt_pazos(text)
        finally:
            textstat.set_lang("en_US")
        print(f"spanish  Fernández-Huerta {ours['fernandez_huerta']} vs {huerta}  Szigriszt-Pazos {ours['szigriszt_pazos']} vs {pazos}",
              file=sys.stderr)
        # Debian's Spanish patterns are not pyphen's, so a few syllables differ: a few points on 100.
        self.assertLessEqual(abs(ours["fernandez_huerta"] - huerta), EASE_TOLERANCE)
        self.assertLessEqual(abs(ours["szigriszt_pazos"] - pazos), EASE_TOLERANCE)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
