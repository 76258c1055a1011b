"""Handout's finished PDFs read back with pikepdf: every piece of a page is tagged or an artifact,
figures are described, links say where they go, the catalog and XMP say the language and title,
qpdf finds nothing wrong, and a second run gives the same bytes.

Run by scripts/test after the Swift tests:  python pdf_structure_test.py HANDOUT_BINARY
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import pikepdf

from readability import glyph_sizes, median_line_length

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HANDOUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/handout"))
CONTENT = os.path.join(ROOT, "Content")
FIXTURES = os.path.join(ROOT, "Tests/HandoutKitTests/Fixtures")
# Operators that put marks on the page: text, path painting, XObjects, shadings, inline images.
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "INLINE IMAGE"}


def default_slugs():
    """The default handouts, without their language variants (SLUG.es.md)."""
    names = sorted(os.listdir(os.path.join(CONTENT, "procedures")))
    return [name[:-3] for name in names if name.endswith(".md") and "." not in name[:-3]]


def handout(*arguments):
    result = subprocess.run([HANDOUT, *arguments], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def structure_elements(node, found):
    """Every structure element under `node`, depth first in reading order."""
    if isinstance(node, pikepdf.Array):
        for item in node:
            structure_elements(item, found)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        found.append(node)
        if "/K" in node:
            structure_elements(node.K, found)
    return found


def element_pages(element, pages, inherited=None):
    """The page numbers an element's marked content lies on."""
    here = pages.get(element.Pg.objgen) if "/Pg" in element else inherited
    kids = element.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
    found = set()
    for kid in kids:
        if isinstance(kid, int):
            found.add(here)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            found.add(pages.get(kid.Pg.objgen) if "/Pg" in kid else here)
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found |= element_pages(kid, pages, here)
    return found


def top_level_elements(path):
    """(role, words) for each element directly under Document, through poppler's reading of the tree."""
    lines = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True, check=True).stdout.splitlines()
    found = []
    for line in lines:
        depth = len(line) - len(line.lstrip())
        if depth == 2:
            found.append((line.strip().split(" ")[0], []))
        elif depth > 2 and found and line.strip().startswith('"'):
            found[-1][1].append(line.strip().strip('"'))
    return [(role, " ".join(" ".join(words).split())) for role, words in found]


def element_texts(path, wanted):
    """The words of each element with role `wanted`, anywhere in poppler's reading of the tree."""
    lines = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True, check=True).stdout.splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.strip().split(" ")[0].rstrip(":") != wanted:
            continue
        depth = len(line) - len(line.lstrip())
        words = []
        for following in lines[index + 1:]:
            if len(following) - len(following.lstrip()) <= depth:
                break
            if following.strip().startswith('"'):
                words.append(following.strip().strip('"'))
        found.append(" ".join(" ".join(words).split()))
    return found


def embedded_truetype_fonts(pdf):
    """(font name, font subtype, decoded /FontFile2 bytes) for each font with an embedded TrueType program."""
    found = []
    for font in pdf.objects:
        if not isinstance(font, pikepdf.Dictionary) or font.get("/Type") != "/Font" or "/FontDescriptor" not in font:
            continue
        descriptor = font.FontDescriptor
        if "/FontFile2" in descriptor:
            program = descriptor.FontFile2
            if "/Length1" in program:
                assert int(program.Length1) == len(program.read_bytes()), f"{font.BaseFont}: /Length1 is not the program's length"
            found.append((str(font.BaseFont), str(font.Subtype), program.read_bytes()))
    return found


def sfnt_tables(program):
    """The tables of a TrueType font program by tag, as (offset, length), from its table directory:
    numTables at offset 4, then 16-byte records (tag, checksum, offset, length) from offset 12."""
    count = int.from_bytes(program[4:6], "big")
    tables = {}
    for record in range(12, 12 + 16 * count, 16):
        tag = program[record:record + 4].decode("latin-1")
        tables[tag] = (int.from_bytes(program[record + 8:record + 12], "big"), int.from_bytes(program[record + 12:record + 16], "big"))
    return tables


def hinted_glyphs(program, tables):
    """How many glyphs in `glyf` carry TrueType instructions."""
    number = lambda offset, size: int.from_bytes(program[offset:offset + size], "big")
    head, _ = tables["head"]
    glyphs = number(tables["maxp"][0] + 4, 2)
    long_offsets = number(head + 50, 2) == 1
    loca, _ = tables["loca"]
    glyf, _ = tables["glyf"]
    offsets = [number(loca + 4 * i, 4) if long_offsets else 2 * number(loca + 2 * i, 2) for i in range(glyphs + 1)]
    hinted = 0
    for start, end in zip(offsets, offsets[1:]):
        if end <= start:
            continue  # no outline (a space)
        glyph = glyf + start
        contours = int.from_bytes(program[glyph:glyph + 2], "big", signed=True)
        if contours >= 0:
            # A simple glyph: its header, the contours' last points, then the instructions' length.
            hinted += number(glyph + 10 + 2 * contours, 2) > 0
            continue
        # A composite: components until one without MORE_COMPONENTS; WE_HAVE_INSTRUCTIONS on any.
        component, instructions = glyph + 10, False
        while True:
            flags = number(component, 2)
            instructions |= bool(flags & 0x0100)
            component += 4 + (4 if flags & 0x0001 else 2)
            component += 8 if flags & 0x0080 else 4 if flags & 0x0040 else 2 if flags & 0x0008 else 0
            if not flags & 0x0020:
                break
        hinted += instructions
    return hinted


class FinishedPDFs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="handout-pdf-")
        out = os.path.join(cls.work, "out")
        handout("render", "--all", "--content", CONTENT, "--output", out)
        handout("booklet", "--content", CONTENT, "--output", os.path.join(out, "booklet.pdf"))
        handout("render", "kitchen-sink", "--content", os.path.join(FIXTURES, "Content"), "--output", out)
        handout("render", "prep", "--content", os.path.join(FIXTURES, "Personal"), "--output", os.path.join(out, "personal.pdf"),
                "--field", "patient_name=Ana Ruiz", "--field", "physician=Dr. Lee", "--field", "arrival_time=7:30",
                "--field", "procedure_date=2026-12-03", "--field", "notes=Bring your glasses.")
        long = cls.long_content()
        handout("render", "long", "--content", long, "--output", out)
        handout("booklet", "--procedures", "long,hola", "--content", long, "--output", os.path.join(out, "mixed.pdf"))
        cls.files = sorted(os.path.join(out, name) for name in os.listdir(out) if name.endswith(".pdf"))
        assert len(cls.files) == 12, cls.files
        large = os.path.join(cls.work, "large")
        handout("render", "--all", "--layout", "large-print", "--content", CONTENT, "--output", large)
        handout("booklet", "--layout", "large-print", "--content", CONTENT, "--output", os.path.join(large, "booklet.pdf"))
        handout("render", "prep", "--layout", "large-print", "--content", os.path.join(FIXTURES, "Personal"),
                "--output", os.path.join(large, "personal.pdf"), "--field", "patient_name=Ana Ruiz", "--field", "physician=Dr. Lee",
                "--field", "arrival_time=7:30", "--field", "procedure_date=2026-12-03", "--field", "notes=Bring your glasses.")
        cls.large_print = sorted(os.path.join(large, name) for name in os.listdir(large) if name.endswith(".pdf"))

    @classmethod
    def long_content(cls):
        """A handout whose paragraph and list are too long for one page, and a list nested in an item."""
        content = os.path.join(cls.work, "Long", "Content")
        os.makedirs(os.path.join(content, "procedures"))
        shutil.copy(os.path.join(CONTENT, "clinic.yaml"), content)
        sentences = " ".join(f"This is sentence {n} of the long paragraph." for n in range(1, 121))
        items = "\n".join(f"- Item {n} of the long list." for n in range(1, 61))
        nested = "- An item with steps inside:\n\n  1. First nested step.\n  2. Second nested step.\n"
        with open(os.path.join(content, "procedures", "long.md"), "w") as file:
            file.write(f"---\ntitle: Long Pages\nupdated: 2026-11-01\n---\n{sentences}\n\n## Steps\n\n{nested}{items}\n")
        with open(os.path.join(content, "procedures", "hola.md"), "w") as file:
            file.write("---\ntitle: Antes de su cita\nlanguage: es\n---\nTraiga una lista de sus medicinas.\n\n- Venga con un adulto.\n")
        return content

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_every_mark_on_every_page_is_tagged_or_an_artifact(self):
        for path in self.files:
            with pikepdf.open(path) as pdf:
                for number, page in enumerate(pdf.pages, 1):
                    stack, painted = [], 0
                    for operands, operator in pikepdf.parse_content_stream(page):
                        name = str(operator)
                        if name in ("BDC", "BMC"):
                            stack.append(str(operands[0]))
                        elif name == "EMC":
                            stack.pop()
                        elif name in PAINTING:
                            painted += 1
                            self.assertTrue(stack, f"{os.path.basename(path)} page {number}: {name} outside tagged content and artifacts")
                    self.assertGreater(painted, 0)

    def test_every_figure_is_described_and_holds_its_picture(self):
        seen = 0
        for path in self.files:
            with pikepdf.open(path) as pdf:
                for element in structure_elements(pdf.Root.StructTreeRoot.K, []):
                    if element.S != "/Figure":
                        continue
                    seen += 1
                    alternative = str(element.get("/Alt", ""))
                    self.assertTrue(alternative.strip(), f"{os.path.basename(path)}: a Figure without /Alt")
                    kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
                    references = [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR"]
                    if alternative.startswith("Illustration to come: "):
                        self.assertEqual(references, [], "a placeholder holds no picture")
                    else:
                        self.assertEqual(len(references), 1, f"{alternative}: the picture is not in its Figure")
                        marked = self.marked_operators(references[0].Pg, int(references[0].MCID))
                        self.assertIn("Do", marked)
        self.assertGreaterEqual(seen, 12)

    def marked_operators(self, page, mcid):
        """The operators inside the marked-content sequence with this MCID."""
        inside, depth, found = False, 0, []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "BDC" and not inside and isinstance(operands[1], pikepdf.Dictionary) and operands[1].get("/MCID") == mcid:
                inside, depth = True, 1
            elif inside and name in ("BDC", "BMC"):
                depth += 1
            elif inside and name == "EMC":
                depth -= 1
                inside = depth > 0
            elif inside:
                found.append(name)
        return found

    def test_links_say_where_they_go_and_tab_in_structure_order(self):
        links = 0
        for path in self.files:
            with pikepdf.open(path) as pdf:
                for page in pdf.pages:
                    annotations = [a for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link"]
                    if annotations:
                        self.assertEqual(page.get("/Tabs"), "/S")
                    for annotation in annotations:
                        links += 1
                        self.assertTrue(str(annotation.get("/Contents", "")).strip(), f"{os.path.basename(path)}: a link without /Contents")
        self.assertGreaterEqual(links, 10)  # the booklet's contents entries and the handouts' links

    def test_contents_entries_and_links_hold_their_words(self):
        """Read through poppler's view of the structure tree: each TOCI and each Link holds text."""
        for path in self.files:
            tree = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True, check=True).stdout
            lines = tree.splitlines()
            for index, line in enumerate(lines):
                role = line.strip().split(" ")[0]
                if role not in ("TOCI", "Link"):
                    continue
                depth = len(line) - len(line.lstrip())
                inside = []
                for following in lines[index + 1:]:
                    if len(following) - len(following.lstrip()) <= depth:
                        break
                    inside.append(following.strip())
                words = " ".join(" ".join(text.strip('"') for text in inside if text.startswith('"')).split())
                self.assertTrue(words.strip(), f"{os.path.basename(path)}: a {role} holds no text")
                if role == "TOCI":
                    self.assertRegex(words, r" \d+$", f"{os.path.basename(path)}: a contents entry without its page number: {words}")
                if role == "TOCI" and words.startswith("Epidural Steroid Injection"):
                    self.assertEqual(words, "Epidural Steroid Injection 2")

    def test_a_list_or_paragraph_that_crosses_a_page_is_one_element(self):
        path = os.path.join(self.work, "out", "long.pdf")
        self.assertGreaterEqual(int(re.search(r"Pages:\s+(\d+)", subprocess.run(
            ["pdfinfo", path], capture_output=True, text=True, check=True).stdout).group(1)), 3)
        top = top_level_elements(path)
        paragraphs = [words for role, words in top if role == "P" and "sentence 1 of" in words]
        self.assertEqual(len(paragraphs), 1)
        self.assertIn("This is sentence 120 of the long paragraph.", paragraphs[0])
        lists = [words for role, words in top if role == "L"]
        self.assertEqual(len(lists), 1, "the list was split into several L elements")
        self.assertIn("Item 1 of the long list.", lists[0])
        self.assertIn("Item 60 of the long list.", lists[0])
        with pikepdf.open(path) as pdf:
            pages = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
            document = pdf.Root.StructTreeRoot.K
            document = document[0] if isinstance(document, pikepdf.Array) else document
            spread = [element_pages(element, pages) for element in document.K if element.get("/S") in ("/P", "/L")]
            self.assertTrue(any(len(on) > 1 for on in spread), "nothing crosses a page break")

    def test_list_items_hold_a_label_and_a_body_and_nested_lists_sit_in_the_body(self):
        nested = 0
        for path in self.files:
            with pikepdf.open(path) as pdf:
                for element in structure_elements(pdf.Root.StructTreeRoot.K, []):
                    if element.S == "/LI":
                        kids = [str(kid.S) for kid in element.K if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]
                        self.assertIn(kids, (["/Lbl", "/LBody"], ["/LBody"]), f"{os.path.basename(path)}: an LI holds {kids}")
                    elif element.S == "/L" and element.P.S in ("/LBody", "/LI"):
                        self.assertEqual(element.P.S, "/LBody", f"{os.path.basename(path)}: a nested list sits under LI")
                        nested += 1
        self.assertGreaterEqual(nested, 2)

    def test_prepared_for_is_a_table_of_labels_and_values_and_the_disclaimer_has_a_heading(self):
        personal = os.path.join(self.work, "out", "personal.pdf")
        self.assertEqual(element_texts(personal, "TH"), ["PREPARED FOR", "Procedure date", "Arrival time", "Physician"])
        self.assertEqual(element_texts(personal, "TD"), ["Ana Ruiz", "Thursday, December 3, 2026", "7:30 AM", "Dr. Lee"])
        with pikepdf.open(personal) as pdf:
            headers = [e for e in structure_elements(pdf.Root.StructTreeRoot.K, []) if e.S == "/TH"]
            self.assertTrue(all(e.A.Scope == "/Row" for e in headers))
        for path in self.files:
            with pikepdf.open(path) as pdf:
                boxes = [e for e in structure_elements(pdf.Root.StructTreeRoot.K, []) if e.S == "/Div"]
                for box in boxes:
                    self.assertEqual(box.K[0].S, "/H2", f"{os.path.basename(path)}: the disclaimer's title is not its heading")
            if "booklet" not in path:
                self.assertIn("Important", element_texts(path, "H2"), os.path.basename(path))

    def test_a_part_in_another_language_says_so(self):
        with pikepdf.open(os.path.join(self.work, "out", "mixed.pdf")) as pdf:
            self.assertEqual(str(pdf.Root.Lang), "en")
            document = pdf.Root.StructTreeRoot.K
            document = document[0] if isinstance(document, pikepdf.Array) else document
            spanish = [e for e in document.K if "/Lang" in e]
            self.assertTrue(spanish, "no element says it is Spanish")
            self.assertTrue(all(str(e.Lang) == "es" for e in spanish))
            # The handout's title, text and list, and its disclaimer box (whose words come from
            # clinic.yaml, per language once handouts have language variants).
            self.assertEqual([str(e.S) for e in spanish], ["/H1", "/P", "/L", "/Div"])
        with pikepdf.open(os.path.join(self.work, "out", "long.pdf")) as pdf:
            self.assertFalse([e for e in structure_elements(pdf.Root.StructTreeRoot.K, []) if "/Lang" in e])

    def test_the_parent_tree_names_the_element_that_holds_each_mark(self):
        for path in self.files:
            with pikepdf.open(path) as pdf:
                tree = pdf.Root.StructTreeRoot
                holders = {}
                for element in structure_elements(tree.K, []):
                    kids = element.K if isinstance(element.get("/K"), pikepdf.Array) else [element.get("/K")]
                    for kid in kids:
                        if isinstance(kid, int):
                            holders[(element.Pg.objgen, kid)] = element.objgen
                        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                            page = kid.Pg if "/Pg" in kid else element.Pg
                            holders[(page.objgen, int(kid.MCID))] = element.objgen
                parents = pikepdf.NumberTree(tree.ParentTree)
                named = 0
                for number, page in enumerate(pdf.pages, 1):
                    for mcid, element in enumerate(parents[int(page.StructParents)]):
                        named += 1
                        self.assertEqual(holders.get((page.objgen, mcid)), element.objgen,
                                         f"{os.path.basename(path)} page {number}: MCID {mcid} is not held by its parent")
                self.assertEqual(named, len(holders), os.path.basename(path))

    def test_header_footer_and_part_labels_are_artifacts_not_elements(self):
        booklet = os.path.join(self.work, "out", "booklet.pdf")
        with pikepdf.open(booklet) as pdf:
            root = pdf.Root.StructTreeRoot.K
            document = root[0] if isinstance(root, pikepdf.Array) else root
            self.assertEqual(document.S, "/Document")
            top = [str(element.S) for element in document.K if isinstance(element, pikepdf.Dictionary) and "/S" in element]
        self.assertNotIn("/Span", top, "text outside any block (a header, footer or label) became an element")

    def test_catalog_and_xmp_name_the_language_and_title(self):
        for path in self.files:
            with pikepdf.open(path) as pdf:
                self.assertEqual(str(pdf.Root.Lang), "en")
                self.assertTrue(bool(pdf.Root.MarkInfo.Marked))
                self.assertTrue(bool(pdf.Root.ViewerPreferences.DisplayDocTitle))
                with pdf.open_metadata() as xmp:
                    self.assertEqual(xmp.get("dc:title"), str(pdf.docinfo.Title))
                    self.assertEqual(list(xmp.get("dc:language")), ["en"])

    def test_type_is_big_enough_to_read(self):
        for path in self.files:
            self.assertGreaterEqual(min(glyph_sizes(path)), 9, f"{os.path.basename(path)} sets type below 9 pt")
        for path in self.large_print:
            self.assertGreaterEqual(min(glyph_sizes(path)), 16, f"large print {os.path.basename(path)} sets type below 16 pt")
        for slug in default_slugs():
            path = os.path.join(self.work, "out", slug + ".pdf")
            self.assertLessEqual(median_line_length(path), 75, f"{slug}: lines too long to read easily")

    def test_embedded_fonts_carry_no_hinting(self):
        """The finisher takes TrueType hinting out of the font subsets cairo embeds (most of their
        bytes, no use in print or at screen zoom) and keeps what draws and selects the glyphs."""
        checked = 0
        for path in self.files + self.large_print:
            with pikepdf.open(path) as pdf:
                for name, subtype, program in embedded_truetype_fonts(pdf):
                    where = f"{os.path.basename(path)} {name}"
                    tables = sfnt_tables(program)
                    self.assertFalse({"cvt ", "fpgm", "prep"} & set(tables), f"{where} keeps hinting tables: {sorted(tables)}")
                    self.assertLessEqual({"glyf", "loca", "head", "hhea", "hmtx", "maxp"}, set(tables), f"{where}: {sorted(tables)}")
                    # A simple TrueType font selects glyphs through the program's cmap; cairo writes
                    # none into a CIDFontType2 program, whose CIDs are its glyph ids.
                    if subtype == "/TrueType":
                        self.assertIn("cmap", tables, where)
                    self.assertEqual(hinted_glyphs(program, tables), 0, f"{where} has glyphs with instructions")
                    checked += 1
        self.assertGreaterEqual(checked, 3 * len(self.files))

    def test_every_stream_is_compressed(self):
        """cairo stores its streams for the finisher (StoredCairoStreams.cpp), which compresses
        each one it keeps: none may reach the file stored, as if compressed but copied."""
        checked = 0
        for path in self.files + self.large_print:
            with pikepdf.open(path) as pdf:
                for stream in pdf.objects:
                    if not isinstance(stream, pikepdf.Stream) or stream.get("/Type") == "/Metadata":
                        continue
                    where = f"{os.path.basename(path)} object {stream.objgen}"
                    # A photograph keeps its JPEG data; everything else is deflated.
                    self.assertIn(stream.get("/Filter"), ("/FlateDecode", "/DCTDecode"), where)
                    if stream.get("/Filter") != "/FlateDecode":
                        continue
                    raw, data = stream.read_raw_bytes(), stream.read_bytes()
                    if len(data) >= 256:
                        self.assertLess(len(raw), len(data) * 0.8, f"{where}: {len(raw)} bytes for {len(data)}")
                        checked += 1
        self.assertGreaterEqual(checked, 4 * len(self.files))

    def test_default_handouts_are_small(self):
        """Measured with unhinted fonts: 6.8–8.0 KB per page (targeted-drug-delivery, 3 pages,
        23,914 bytes, is the largest per page); with cairo's hinted fonts they were 10.7–13.1 KB.
        The default booklet is 3.2 KB per page (87,539 bytes, 27 pages)."""
        for slug in default_slugs():
            path = os.path.join(self.work, "out", slug + ".pdf")
            with pikepdf.open(path) as pdf:
                pages = len(pdf.pages)
            per_page = os.path.getsize(path) / pages
            self.assertLessEqual(per_page, 10_000, f"{slug}: {os.path.getsize(path)} bytes in {pages} pages")

    def test_qpdf_finds_nothing_wrong_and_a_rerun_gives_the_same_bytes(self):
        for path in self.files:
            check = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        again = os.path.join(self.work, "again")
        handout("render", "--all", "--content", CONTENT, "--output", again)
        for name in os.listdir(again):
            with open(os.path.join(again, name), "rb") as a, open(os.path.join(self.work, "out", name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
