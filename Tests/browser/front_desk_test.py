"""The front-desk page in a real browser (Debian's Chromium, driven by Selenium through the system
chromedriver), printing to a virtual printer: what a receptionist does, checked end to end.

Run by scripts/test after the Swift tests:  python front_desk_test.py HANDOUT_BINARY
Screenshots of the pages go to .build/screenshots/ (the README's picture comes from there).
"""
import email
import email.policy
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HANDOUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/handout"))
SHOTS = os.path.join(ROOT, ".build/screenshots")
PATIENT = "Rosalind Okonkwo-Baptiste"


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True, text=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def wait_for(condition, seconds=20, what="a condition"):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


class FrontDeskInABrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="handout-browser-", dir="/tmp")
        os.chmod(cls.work, 0o755)  # the virtual printer's scheduler runs as lp and must reach its folder
        # A virtual IPP printer that keeps every job as a file.
        cls.printer_dir = os.path.join(cls.work, "printer")
        subprocess.run([os.path.join(ROOT, "scripts/virtual-printer"), "start", cls.printer_dir], check=True)
        cls.spool = os.path.join(cls.printer_dir, "spool")
        with open(os.path.join(cls.printer_dir, "uri")) as f:
            cls.printer_uri = f.read().strip()
        # The default content in a project of its own; the server's home and temp folders watched.
        cls.project = os.path.join(cls.work, "project")
        shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(cls.project, "Content"))
        cls.scratch = os.path.join(cls.work, "scratch")
        os.makedirs(cls.scratch)
        env = dict(os.environ, HOME=cls.scratch, TMPDIR=cls.scratch)
        env.pop("HANDOUT_TOKEN", None)
        cls.log = open(os.path.join(cls.work, "server.log"), "w+")
        cls.server = subprocess.Popen(
            [HANDOUT, "serve", "--port", "0", "--content", os.path.join(cls.project, "Content"), "--printer", cls.printer_uri],
            stdout=subprocess.PIPE, stderr=cls.log, text=True, env=env)
        line = cls.server.stdout.readline()
        assert line.startswith("Front desk: http://127.0.0.1:"), f"server did not start: {line!r}"
        cls.base = line.split()[2].rstrip("/")
        cls.downloads = os.path.join(cls.work, "downloads")
        os.makedirs(cls.downloads)
        cls.browser = cls.chromium(javascript=True)

    @classmethod
    def chromium(cls, javascript):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,1000"]:
            options.add_argument(argument)
        prefs = {"download.default_directory": cls.downloads, "download.prompt_for_download": False}
        if not javascript:
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": cls.downloads})
        return driver

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.terminate()
        cls.server.wait(10)
        subprocess.run([os.path.join(ROOT, "scripts/virtual-printer"), "stop", cls.printer_dir], check=True)
        cls.log.seek(0)
        log = cls.log.read()
        cls.log.close()
        left = [os.path.join(d, f) for d, _, files in os.walk(cls.scratch) for f in files]
        shutil.rmtree(cls.work, ignore_errors=True)
        # Checked last, over everything the tests did: the patient's name never reached the log or disk.
        assert PATIENT not in log and "Okonkwo" not in log, "the server logged the patient's name"
        assert "POST /print 200" in log, log
        assert not left, f"the server left files: {left}"

    # MARK: helpers

    def open(self, path, driver=None):
        (driver or self.browser).get(self.base + path)

    def fill(self, driver=None, notes="Take nothing by mouth after midnight.\n\nBring your medicine list."):
        driver = driver or self.browser
        driver.find_element(By.ID, "f-patient_name").send_keys(PATIENT)
        # Date and time inputs are set through script: typing into them depends on the locale.
        driver.execute_script("document.getElementById('f-procedure_date').value = '2026-12-03';"
                              "document.getElementById('f-arrival_time').value = '07:30';")
        driver.find_element(By.ID, "f-physician").send_keys("Dr. Ana Ruiz")
        driver.find_element(By.ID, "f-notes").send_keys(notes)

    def button(self, text, driver=None):
        driver = driver or self.browser
        return next(b for b in driver.find_elements(By.CSS_SELECTOR, "form.personalize button") if b.text == text)

    def framed(self, driver=None):
        """The preview frame's address and its image's natural width (0 when it shows no picture)."""
        driver = driver or self.browser
        return driver.execute_script(
            "const f = document.querySelector('iframe[name=preview]');"
            "const d = f.contentDocument; const img = d && d.querySelector('img');"
            "return [f.contentWindow.location.pathname, img ? img.naturalWidth : 0, d ? d.body.innerText : ''];")

    def downloaded(self, name):
        path = os.path.join(self.downloads, name)
        wait_for(lambda: os.path.exists(path) and not os.path.exists(path + ".crdownload") and os.path.getsize(path) > 0,
                 what=f"the download {name}")
        return path

    def draft(self, path):
        """The downloaded email draft, parsed as a mail client would, then removed (the next one has the same name)."""
        with open(path, "rb") as f:
            raw = f.read()
        os.remove(path)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        self.assertEqual(message.defects, [])
        self.assertEqual(message["X-Unsent"], "1")
        return message

    def jobs(self):
        return sorted((f for f in os.listdir(self.spool) if f.endswith(".pdf")), key=lambda f: int(f.split("-")[0]))

    def printed(self, count_before):
        jobs = wait_for(lambda: len(self.jobs()) > count_before and self.jobs(), what="the job at the printer")
        path = os.path.join(self.spool, jobs[-1])
        wait_for(lambda: subprocess.run(["pdfinfo", path], capture_output=True).returncode == 0, what="a whole PDF in the spool")
        return path

    # MARK: tests

    def test_1_find_personalize_preview_download_and_print_one_handout(self):
        b = self.browser
        self.open("/")
        self.assertEqual(b.find_element(By.TAG_NAME, "h1").text, "Patient handouts")
        os.makedirs(SHOTS, exist_ok=True)
        b.save_screenshot(os.path.join(SHOTS, "front-desk-list.png"))
        cards = b.find_elements(By.CSS_SELECTOR, ".card")
        self.assertEqual(len(cards), 7)
        b.find_element(By.ID, "q").send_keys("stimul")
        visible = [c for c in cards if c.is_displayed()]
        self.assertEqual([c.find_element(By.CSS_SELECTOR, ".title").text for c in visible], ["Spinal Cord Stimulation"])
        self.assertEqual(b.find_element(By.ID, "count").text, "1 of 7 handouts")
        b.find_element(By.ID, "q").clear()
        b.find_element(By.ID, "q").send_keys("epidural")
        b.find_element(By.LINK_TEXT, "Epidural Steroid Injection").click()
        WebDriverWait(b, 10).until(lambda d: d.current_url.endswith("/handouts/epidural-steroid-injection"))

        self.fill()
        self.button("Preview").click()
        path, width, _ = wait_for(lambda: self.framed()[0].endswith("/preview") and self.framed()[1] > 0 and self.framed(),
                                  what="the personalized preview")
        self.assertEqual(path, "/handouts/epidural-steroid-injection/preview")
        self.assertEqual(width, 560)
        b.execute_script("window.scrollTo(0, 0)")
        b.save_screenshot(os.path.join(SHOTS, "front-desk-handout.png"))

        self.button("Download PDF").click()
        pdf = self.downloaded("epidural-steroid-injection.pdf")
        text = pdf_text(pdf)
        self.assertIn(PATIENT, text)
        self.assertIn("Thursday, December 3, 2026", text)
        self.assertIn("Bring your medicine list.", text)

        # The email draft carries the same PDF, and neither its subject nor its file names say who it is for.
        b.find_element(By.ID, "email-to").send_keys("rosalind@example.org")
        self.button("Download email draft").click()
        draft = self.draft(self.downloaded("email.eml"))
        self.assertEqual(draft["to"], "rosalind@example.org")
        self.assertNotIn("Okonkwo", draft["subject"])
        [attachment] = list(draft.iter_attachments())
        self.assertEqual(attachment.get_filename(), "epidural-steroid-injection.pdf")
        with open(pdf, "rb") as f:
            self.assertEqual(attachment.get_payload(decode=True), f.read())

        before = len(self.jobs())
        b.find_element(By.ID, "copies").clear()
        b.find_element(By.ID, "copies").send_keys("1")
        b.find_element(By.CSS_SELECTOR, "input[name=sides]").click()
        self.button("Print").click()
        _, _, answer = wait_for(lambda: "Sent to the printer" in self.framed()[2] and self.framed(), what="the print receipt")
        self.assertIn(f"{pdf_pages(pdf)} pages, 1 copy, both sides", answer)
        job = self.printed(before)
        self.assertEqual(pdf_pages(job), pdf_pages(pdf))
        self.assertIn(PATIENT, pdf_text(job))
        self.assertNotIn(PATIENT, os.path.basename(job), "the job's name shows the patient's")

        # The patient reads Spanish: the same copy in their language, picked on the form.
        os.remove(pdf)
        Select(b.find_element(By.ID, "f-language")).select_by_visible_text("Español")
        b.save_screenshot(os.path.join(SHOTS, "front-desk-language.png"))
        self.button("Download PDF").click()
        spanish = pdf_text(self.downloaded("epidural-steroid-injection.pdf"))
        self.assertIn(PATIENT, spanish)
        self.assertIn("PREPARADO PARA", spanish)
        self.assertIn("jueves, 3 de diciembre de 2026", spanish)
        self.assertNotIn("PREPARED FOR", spanish)

    def test_2_a_patients_booklet_from_the_basket(self):
        b = self.browser
        self.open("/")
        for slug in ["facet-joint-injection", "radiofrequency-ablation"]:
            box = b.find_element(By.CSS_SELECTOR, f"input[name=procedures][value={slug}]")
            b.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()
        basket = b.find_element(By.ID, "basket-button")
        self.assertEqual(basket.text, "Make one booklet of the 2 chosen handouts")
        basket.click()
        WebDriverWait(b, 10).until(lambda d: "/basket" in d.current_url)
        self.assertEqual([li.text for li in b.find_elements(By.CSS_SELECTOR, ".chosen li")],
                         ["Facet Joint Injection and Denervation", "Radiofrequency Ablation for Painful Bone Tumors"])
        self.fill()
        self.button("Download PDF").click()
        pdf = self.downloaded("your-procedures.pdf")
        text = pdf_text(pdf)
        for needle in [PATIENT, "Facet Joint Injection and Denervation", "Radiofrequency Ablation for Painful Bone Tumors"]:
            self.assertIn(needle, text)
        # A locked email draft of the same booklet: it opens only with the password, which the email never states.
        b.find_element(By.ID, "email-password").send_keys("tulip-4417")
        self.button("Download email draft").click()
        draft = self.draft(self.downloaded("email.eml"))
        [attachment] = list(draft.iter_attachments())
        self.assertEqual(attachment.get_filename(), "your-procedures.pdf")
        locked = os.path.join(self.work, "locked.pdf")
        with open(locked, "wb") as f:
            f.write(attachment.get_payload(decode=True))
        self.assertEqual(subprocess.run(["qpdf", "--requires-password", locked]).returncode, 0)
        opened = subprocess.run(["pdftotext", "-upw", "tulip-4417", locked, "-"], check=True, capture_output=True, text=True).stdout
        self.assertIn(PATIENT, opened)
        body = draft.get_body(("plain",)).get_content()
        self.assertIn("locked the attachment with a password", body)
        self.assertNotIn("tulip-4417", body)
        b.find_element(By.ID, "email-password").clear()
        before = len(self.jobs())
        self.button("Print").click()
        wait_for(lambda: "Sent to the printer" in self.framed()[2], what="the print receipt")
        job = self.printed(before)
        self.assertEqual(pdf_pages(job), pdf_pages(pdf))
        self.assertIn(PATIENT, pdf_text(job))

    def test_3_the_page_works_with_javascript_off(self):
        driver = self.chromium(javascript=False)
        try:
            self.open("/", driver)
            driver.find_element(By.ID, "q").send_keys("pain pump")
            driver.find_element(By.CSS_SELECTOR, "form.search button").click()
            WebDriverWait(driver, 10).until(lambda d: "q=pain+pump" in d.current_url)
            titles = [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".card .title")]
            self.assertEqual(titles, ["Targeted Drug Delivery (Pain Pump)"])
            driver.find_element(By.LINK_TEXT, "Targeted Drug Delivery (Pain Pump)").click()
            driver.find_element(By.ID, "f-patient_name").send_keys(PATIENT)
            self.button("Preview", driver).click()
            wait_for(lambda: self.framed(driver)[0].endswith("/preview") and self.framed(driver)[1] == 560, what="the preview without script")
            # A bad date comes back as the form, with the message beside the field.
            driver.execute_script("document.getElementById('f-procedure_date').type = 'text';")
            driver.find_element(By.ID, "f-procedure_date").send_keys("12/03/2026")
            self.button("Download PDF", driver).click()
            error = WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "e-procedure_date"))[0]
            self.assertIn("is not a date", error.text)
            self.assertEqual(driver.find_element(By.ID, "f-patient_name").get_attribute("value"), PATIENT)
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
