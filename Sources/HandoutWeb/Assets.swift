/// The page's stylesheet and its small script, served from the program itself (no CDN, nothing
/// from outside; the Content-Security-Policy allows only this server's own files).
enum Assets {
    static let files: [String: (type: String, text: String)] = [
        "front-desk.css": ("text/css; charset=utf-8", css),
        "front-desk.js": ("text/javascript; charset=utf-8", script),
    ]

    static let css = """
        :root { --accent: #1f5f8b; --ink: #1b1f23; --muted: #555f69; --line: #d5dbe1; --wash: #f3f6f9; --bad: #a11d21; }
        * { box-sizing: border-box; }
        html { scroll-padding-bottom: 90px; }  /* what the keyboard reaches is never under the basket bar */
        body { margin: 0; font: 17px/1.5 "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px; }
        .top { background: var(--accent); padding: 10px 24px; }
        .brand { color: #fff; text-decoration: none; font-weight: bold; font-size: 19px; }
        .brand span { font-weight: normal; opacity: .85; margin-left: 8px; }
        main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 28px; margin: 8px 0 12px; color: var(--accent); }
        h2 { font-size: 20px; margin: 0 0 10px; }
        h3 { font-size: 16px; margin: 18px 0 8px; color: var(--muted); }
        .meta, .count, .hint { color: var(--muted); }
        .hint { font-size: 15px; margin: 4px 0; }
        .search { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 8px; }
        .search label { font-weight: bold; width: 100%; }
        input, select, textarea, button { font: inherit; }
        input[type=search], input[type=text], input[type=date], input[type=time], input[type=number], input[type=password], input[type=email], select, textarea {
          border: 1px solid #8a96a3; border-radius: 4px; padding: 7px 9px; background: #fff; }
        .search input { flex: 1 1 320px; max-width: 520px; }
        button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 9px 16px; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); border: 2px solid var(--accent); padding: 7px 14px; }
        button:disabled { opacity: .5; cursor: default; }
        .cards { list-style: none; padding: 0; margin: 8px 0 16px; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px; display: flex; flex-direction: column; gap: 4px; }
        .card[hidden] { display: none; }
        .card .open { text-decoration: none; color: var(--ink); display: flex; flex-direction: column; gap: 6px; }
        .card img { width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        .card .title { font-weight: bold; color: var(--accent); }
        .card .meta { font-size: 15px; }
        .pick { font-size: 15px; }
        .basket { position: sticky; bottom: 0; background: #fff; border-top: 1px solid var(--line); padding: 10px 0; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
        .attention { border: 2px solid var(--bad); border-radius: 6px; padding: 12px 16px; margin-top: 24px; }
        .attention h2 { color: var(--bad); }
        .attention code { white-space: pre-wrap; font-size: 14px; }
        .crumbs { margin: 4px 0; }
        .summary { max-width: 60em; }
        .columns { display: grid; grid-template-columns: minmax(300px, 420px) 1fr; gap: 28px; align-items: start; }
        @media (max-width: 860px) { .columns { grid-template-columns: 1fr; } }
        .personalize { background: var(--wash); border: 1px solid var(--line); border-radius: 6px; padding: 16px; }
        .field { margin: 0 0 12px; display: flex; flex-direction: column; gap: 4px; }
        .field label { font-weight: bold; }
        .required { font-weight: normal; color: var(--muted); }
        .field.invalid input, .field.invalid textarea { border: 2px solid var(--bad); }
        .error { color: var(--bad); font-weight: bold; margin: 2px 0; }
        .problems { border-left: 4px solid var(--bad); padding: 4px 10px; margin-bottom: 12px; color: var(--bad); }
        .actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 16px 0; }
        .print, .email { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; display: grid; grid-template-columns: auto 1fr; gap: 8px 10px; align-items: center; }
        .print legend, .email legend { font-weight: bold; }
        .print .inline, .print button, .print .hint, .email label, .email input, .email button, .email .hint { grid-column: 1 / -1; }
        .print button, .email button { justify-self: start; }
        .email { margin-top: 12px; }
        .privacy { font-size: 14px; color: var(--muted); margin: 12px 0 0; }
        .preview-pane iframe { width: 100%; max-width: 600px; height: 760px; border: 1px solid var(--line); background: #fff; }
        .pages { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 10px; }
        .pages img { border: 1px solid var(--line); }
        .chosen { margin: 0 0 16px; }
        .login { max-width: 360px; display: flex; flex-direction: column; gap: 8px; }
        .framed main { padding: 12px; }
        .framed h1 { font-size: 22px; }
        .sent h1 { color: #1d6b33; }
        .problem h1 { color: var(--bad); }
        """

    /// Progressive: the page works without it. Filters the cards as you type and keeps the
    /// basket button in step with the ticked handouts.
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", () => {
          const search = document.getElementById("q");
          const cards = Array.from(document.querySelectorAll(".card"));
          const count = document.getElementById("count");
          if (search && cards.length) {
            const filter = () => {
              const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
              let shown = 0;
              for (const card of cards) {
                const hit = words.every((w) => card.dataset.search.includes(w));
                card.hidden = !hit;
                if (hit) shown += 1;
              }
              if (count) count.textContent = shown + " of " + cards.length + " handouts";
            };
            search.addEventListener("input", filter);
            filter();
          }
          const basket = document.getElementById("basket-button");
          if (basket) {
            const boxes = Array.from(document.querySelectorAll(".pick input"));
            const update = () => {
              const n = boxes.filter((b) => b.checked).length;
              basket.disabled = n < 1;
              basket.textContent = n < 2 ? "Make one booklet of the chosen handouts" : "Make one booklet of the " + n + " chosen handouts";
            };
            boxes.forEach((b) => b.addEventListener("change", update));
            update();
          }
        });
        """
}
