"""Email drafts as a mail client reads them: `handout email` and `batch --email` output parsed with
Python's email package, the attachments compared with the PDFs Handout renders for the same
patient, locked attachments opened with qpdf and poppler.

Run by scripts/test after the Swift tests:  python email_draft_test.py HANDOUT_BINARY
"""
import email
import email.policy
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HANDOUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/handout"))
FIELDS = {
    "patient_name": "Zoë Okonkwo-Brontë",
    "procedure_date": "2026-12-03",
    "arrival_time": "7:30",
    "physician": "Dr. Amara Singh",
    "date_of_birth": "1961-03-07",
}


def run(*arguments, stdin=None, env=None):
    return subprocess.run([HANDOUT, *arguments], capture_output=True, text=True, input=stdin, env=env)


def field_options(fields=FIELDS):
    return [option for name, value in fields.items() for option in ("--field", f"{name}={value}")]


class EmailDrafts(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="handout-email-")
        self.project = os.path.join(self.work, "project")
        shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(self.project, "Content"))
        self.content = os.path.join(self.project, "Content")

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def parse(self, path):
        """The draft, checked as RFC 5322 and MIME: CRLF only, the headers a draft needs, no defects."""
        with open(path, "rb") as f:
            raw = f.read()
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), "a bare LF")
        self.assertNotIn(b"\r", raw.replace(b"\r\n", b""), "a bare CR")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        for part in message.walk():
            self.assertEqual(part.defects, [], part.get_content_type())
        for header in ("From", "Date", "Message-ID", "MIME-Version", "Subject"):
            self.assertIsNotNone(message[header], header)
        self.assertEqual(message["X-Unsent"], "1")
        self.assertEqual(message.get_content_type(), "multipart/mixed")
        self.assertEqual(message.get_body(("plain",)).get_content_charset(), "utf-8")
        for line in raw.split(b"\r\n"):
            self.assertLessEqual(len(line), 998)
        for part in message.iter_attachments():
            self.assertEqual(part.get_content_type(), "application/pdf")
            self.assertEqual(part["Content-Transfer-Encoding"], "base64")
            encoded = part.as_bytes().split(b"\n\n", 1)[-1] if b"\r\n" not in part.as_bytes() else part.as_bytes().split(b"\r\n\r\n", 1)[-1]
            self.assertTrue(all(len(line.rstrip(b"\r")) <= 76 for line in encoded.splitlines()))
        return message

    def assert_private(self, message):
        """Nothing an inbox list or a file listing shows holds a patient field's value."""
        shown = [message["Subject"]] + [part.get_filename() for part in message.iter_attachments()]
        for value in FIELDS.values():
            for text in shown:
                self.assertNotIn(value.lower(), text.lower())
        self.assertNotIn("Okonkwo", message["Subject"])

    def attachments(self, message):
        return {part.get_filename(): part.get_payload(decode=True) for part in message.iter_attachments()}

    def rendered(self, *arguments):
        out = os.path.join(self.work, "rendered.pdf")
        result = run(*arguments, "--content", self.content, "--output", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, "rb") as f:
            data = f.read()
        os.remove(out)
        return data

    def test_a_spanish_draft_is_spanish_from_subject_to_attachment(self):
        draft = os.path.join(self.work, "es.eml")
        result = run("email", "epidural-steroid-injection", "--language", "es", "--content", self.content,
                     "--to", "zoe@example.org", "--output", draft, "--password-field", "date_of_birth", *field_options())
        self.assertEqual(result.returncode, 0, result.stderr)
        message = self.parse(draft)
        self.assert_private(message)
        self.assertEqual(message["Subject"], "Información sobre su procedimiento de Riverside Interventional Radiology")
        body = message.get_body(("plain",)).get_content()
        self.assertIn("Estimado/a Zoë Okonkwo-Brontë:", body)
        self.assertIn("Protegimos el archivo con una contraseña", body)
        self.assertIn("Por ejemplo, 4 de julio de 1980 es 07041980.", body)
        for english in ("Dear", "Thank you", "password", "locked", "July"):
            self.assertNotIn(english, body)
        files = self.attachments(message)
        self.assertEqual(sorted(files), ["epidural-steroid-injection.pdf"])
        path = os.path.join(self.work, "es.pdf")
        with open(path, "wb") as f:
            f.write(files["epidural-steroid-injection.pdf"])
        text = subprocess.run(["pdftotext", "-upw", "03071961", path, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("PREPARADO PARA", text)
        self.assertIn("Inyección epidural de esteroides", text)

    def test_a_draft_for_two_handouts_carries_the_same_pdfs_as_render(self):
        draft = os.path.join(self.work, "two.eml")
        result = run("email", "epidural-steroid-injection", "facet-joint-injection", "--content", self.content,
                     "--to", "zoe@example.org", "--output", draft, *field_options())
        self.assertEqual(result.returncode, 0, result.stderr)
        message = self.parse(draft)
        self.assert_private(message)
        self.assertEqual(message["To"], "zoe@example.org")
        self.assertEqual(message["Subject"], "Your procedure information from Riverside Interventional Radiology")
        self.assertEqual(str(message["From"]), "Riverside Interventional Radiology <care@riverside-ir.example>")
        body = message.get_body(("plain",)).get_content()
        self.assertIn("Dear Zoë Okonkwo-Brontë,", body)
        self.assertIn("(555) 010-4400", body)
        self.assertIn("(555) 010-4499", body)
        self.assertNotIn("locked", body)
        files = self.attachments(message)
        self.assertEqual(sorted(files), ["epidural-steroid-injection.pdf", "facet-joint-injection.pdf"])
        # date_of_birth only chose nothing here; render is given the same fields, so the bytes agree.
        for slug in ("epidural-steroid-injection", "facet-joint-injection"):
            self.assertEqual(files[f"{slug}.pdf"], self.rendered("render", slug, *field_options()), slug)
            path = os.path.join(self.work, f"{slug}.pdf")
            with open(path, "wb") as f:
                f.write(files[f"{slug}.pdf"])
            check = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stdout)

    def test_a_patients_booklet_is_one_attachment(self):
        draft = os.path.join(self.work, "booklet.eml")
        result = run("email", "epidural-steroid-injection", "radiofrequency-ablation", "--booklet", "--content", self.content,
                     "--output", draft, *field_options())
        self.assertEqual(result.returncode, 0, result.stderr)
        message = self.parse(draft)
        self.assert_private(message)
        self.assertIsNone(message["To"])
        files = self.attachments(message)
        self.assertEqual(list(files), ["your-procedures.pdf"])
        booklet = self.rendered("booklet", "--procedures", "epidural-steroid-injection,radiofrequency-ablation", *field_options())
        self.assertEqual(files["your-procedures.pdf"], booklet)

    def open_locked(self, data, password):
        path = os.path.join(self.work, "locked.pdf")
        with open(path, "wb") as f:
            f.write(data)
        self.assertEqual(subprocess.run(["qpdf", "--requires-password", path]).returncode, 0, "not locked")
        self.assertNotEqual(subprocess.run(["pdftotext", path, "-"], capture_output=True).returncode, 0, "opens without the password")
        text = subprocess.run(["pdftotext", "-upw", password, "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout
        info = subprocess.run(["pdfinfo", "-upw", password, path], capture_output=True, text=True, check=True).stdout
        check = subprocess.run(["qpdf", "--check", f"--password={password}", path], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout)
        self.assertIn("AES-256", info)
        return text, info

    def test_a_password_locks_every_attachment_and_the_email_never_states_it(self):
        draft = os.path.join(self.work, "locked.eml")
        result = run("email", "epidural-steroid-injection", "facet-joint-injection", "--password", "-", "--content", self.content,
                     "--output", draft, *field_options(), stdin="heron-2291\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        message = self.parse(draft)
        body = message.get_body(("plain",)).get_content()
        self.assertIn("We locked the attachments with a password", body)
        self.assertNotIn("heron-2291", body)
        for name, data in self.attachments(message).items():
            text, info = self.open_locked(data, "heron-2291")
            self.assertIn("Zoë Okonkwo-Brontë", text, name)
            self.assertIn("Tagged:          yes", info)

    def test_a_date_of_birth_becomes_an_eight_digit_password(self):
        draft = os.path.join(self.work, "dob.eml")
        result = run("email", "epidural-steroid-injection", "--password-field", "date_of_birth", "--content", self.content,
                     "--output", draft, *field_options())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("date_of_birth", result.stderr, "the field that chose the password was warned about as unused")
        message = self.parse(draft)
        body = message.get_body(("plain",)).get_content()
        self.assertIn("The password is your date of birth as 8 numbers: month, day and year.", body)
        self.assertNotIn("03071961", body)
        [(name, data)] = self.attachments(message).items()
        text, _ = self.open_locked(data, "03071961")
        self.assertIn("Zoë Okonkwo-Brontë", text)

    def test_drafts_go_to_new_private_files_and_are_reproducible(self):
        env = dict(os.environ, SOURCE_DATE_EPOCH="1796083200")
        for _ in range(2):
            result = run("email", "epidural-steroid-injection", "--content", self.content, *field_options(), env=env)
            self.assertEqual(result.returncode, 0, result.stderr)
        personal = os.path.join(self.project, "Output", "personal")
        self.assertEqual(sorted(os.listdir(personal)), ["email-1.eml", "email-2.eml"])
        self.assertEqual(stat.S_IMODE(os.stat(personal).st_mode), 0o700)
        for name in os.listdir(personal):
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(personal, name)).st_mode), 0o600)
        with open(os.path.join(personal, "email-1.eml"), "rb") as a, open(os.path.join(personal, "email-2.eml"), "rb") as b:
            self.assertEqual(a.read(), b.read())
        self.assertEqual(self.parse(os.path.join(personal, "email-1.eml"))["Date"], "Tue, 01 Dec 2026 00:00:00 +0000")

    def test_a_batch_writes_one_draft_per_row(self):
        rows = os.path.join(self.work, "rows.csv")
        with open(rows, "w", encoding="utf-8") as f:
            f.write("procedure,patient_name,procedure_date,email,date_of_birth\n")
            f.write("epidural-steroid-injection,Zoë Okonkwo-Brontë,2026-12-03,zoe@example.org,1961-03-07\n")
            f.write("facet-joint-injection;radiofrequency-ablation,Ana Ruiz,2026-12-04,ana@example.org,1970-01-02\n")
            f.write("epidural-steroid-injection,Lee Park,2026-12-04,not-an-address,1980-05-06\n")
        out = os.path.join(self.work, "drafts")
        result = run("batch", rows, "--email", "--password-field", "date_of_birth", "--content", self.content, "--output", out)
        self.assertEqual(result.returncode, 1, "a bad row fails the batch")
        # Rows as a spreadsheet numbers them: the header is row 1.
        self.assertIn("row 4: email is not an email address", result.stderr)
        self.assertNotIn("not-an-address", result.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["email-2.eml", "email-3.eml"])
        first, second = self.parse(os.path.join(out, "email-2.eml")), self.parse(os.path.join(out, "email-3.eml"))
        self.assertEqual(first["To"], "zoe@example.org")
        self.assertEqual(second["To"], "ana@example.org")
        self.assertEqual(sorted(self.attachments(second)), ["facet-joint-injection.pdf", "radiofrequency-ablation.pdf"])
        text, _ = self.open_locked(self.attachments(first)["epidural-steroid-injection.pdf"], "03071961")
        self.assertIn("Zoë Okonkwo-Brontë", text)
        for message in (first, second):
            self.assertNotIn("Ruiz", message["Subject"])
            self.assertNotIn("Okonkwo", message["Subject"])

    def test_words_outside_ascii_in_the_headers_come_back_as_written(self):
        clinic = os.path.join(self.content, "clinic.yaml")
        with open(clinic, encoding="utf-8") as f:
            text = f.read()
        name = "Clínica del Río de Radiología Intervencionista y Tratamiento del Dolor Crónico"
        with open(clinic, "w", encoding="utf-8") as f:
            f.write(text.replace("name: Riverside Interventional Radiology", f"name: {name}"))
        draft = os.path.join(self.work, "accents.eml")
        result = run("email", "epidural-steroid-injection", "--content", self.content, "--output", draft, *field_options())
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(draft, "rb") as f:
            raw = f.read()
        self.assertTrue(all(byte < 128 for byte in raw), "a byte outside ASCII in the message")
        message = self.parse(draft)
        self.assertEqual(message["Subject"], f"Your procedure information from {name}")
        self.assertEqual(message["From"].addresses[0].display_name, name)
        self.assertIn(f"Thank you for choosing {name}.", message.get_body(("plain",)).get_content())

    def test_the_clinics_own_words_come_from_email_md(self):
        with open(os.path.join(self.content, "email.md"), "w", encoding="utf-8") as f:
            f.write("Hi {{patient_name}},\n\nHere is your handout from {{clinic.name}}.\n{{#physician}}Your doctor is {{physician}}.{{/physician}}\n\nCall {{clinic.phone}} with questions.\n")
        draft = os.path.join(self.work, "own.eml")
        result = run("email", "epidural-steroid-injection", "--password", "heron-2291", "--content", self.content,
                     "--output", draft, *field_options())
        self.assertEqual(result.returncode, 0, result.stderr)
        body = self.parse(draft).get_body(("plain",)).get_content().replace("\r\n", "\n")
        self.assertTrue(body.startswith("Hi Zoë Okonkwo-Brontë,\n\nHere is your handout from Riverside Interventional Radiology."), body)
        self.assertIn("Your doctor is Dr. Amara Singh.", body)
        self.assertIn("Call (555) 010-4400 with questions.", body)
        # The clinic's words never mention the lock, so the note on opening it is added at the end.
        self.assertTrue(body.rstrip().endswith("We never send it by email."), body)
        with open(os.path.join(self.content, "email.md"), "a", encoding="utf-8") as f:
            f.write("Your room is {{room}}.\n")
        self.assert_refused(run("email", "epidural-steroid-injection", "--content", self.content, *field_options()),
                            "email.md:7: 'room': is used in the email but was not given", "--field room=")

    def assert_refused(self, result, *needles):
        self.assertNotEqual(result.returncode, 0)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len([line for line in lines if not line.startswith("warning:")]), 1, result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        for needle in needles:
            self.assertIn(needle, result.stderr)
        personal = os.path.join(self.project, "Output", "personal")
        self.assertFalse(os.path.exists(personal) and os.listdir(personal), "a file was left behind")

    def test_bad_input_is_one_line_and_no_file(self):
        self.assert_refused(run("email", "--content", self.content, *field_options()), "name at least one handout")
        self.assert_refused(run("email", "no-such-handout", "--content", self.content, *field_options()), "no handout 'no-such-handout'")
        self.assert_refused(run("email", "epidural-steroid-injection", "--password-field", "passport", "--content", self.content,
                                *field_options()), "'passport'", "add --field passport=")
        self.assert_refused(run("email", "epidural-steroid-injection", "--to", "zoe@@example", "--content", self.content,
                                *field_options()), "the To address")
        self.assert_refused(run("email", "epidural-steroid-injection", "--subject", "For Zoë Okonkwo-Brontë", "--content",
                                self.content, *field_options()), "holds the patient's patient_name")
        with open(os.path.join(self.content, "clinic.yaml"), "a") as f:
            f.write("email_size_limit_mb: 0.01\n")
        self.assert_refused(run("email", "epidural-steroid-injection", "--content", self.content, *field_options()),
                            "over the 10 KB limit", "attach fewer handouts")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
