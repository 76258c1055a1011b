/// The front-desk pages as Mustache templates, compiled into the program so the page works
/// wherever the tool runs from. Every `{{value}}` is HTML-escaped; nothing loads from outside.
enum PageTemplates {
    static let all: [String: String] = [
        "layout": layout, "index": index, "handout": handout, "basket": basket,
        "form": form, "message": message, "login": login,
    ]

    /// Every page: header, then the page's own `body` block.
    static let layout = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}Handouts{{/title}} · {{clinic}}</title>
        <link rel="stylesheet" href="/static/front-desk.css">
        <script src="/static/front-desk.js" defer></script>
        </head>
        <body class="{{$class}}page{{/class}}{{#framed}} framed{{/framed}}">
        {{^framed}}<a class="skip" href="#main">Skip to the content</a>
        <header class="top"><a class="brand" href="/">{{clinic}} <span>Patient handouts</span></a></header>{{/framed}}
        <main id="main">
        {{$body}}{{/body}}
        </main>
        </body>
        </html>
        """

    /// `GET /`: search, every handout as a card, the basket, and what needs attention.
    static let index = """
        {{<layout}}
        {{$body}}
        <h1>Patient handouts</h1>
        <form class="search" role="search" method="get" action="/">
          <label for="q">Find a handout</label>
          <input id="q" name="q" type="search" value="{{query}}" placeholder="Procedure, category or name" autocomplete="off">
          <button type="submit">Search</button>
          {{#hasQuery}}<a href="/">Show all</a>{{/hasQuery}}
        </form>
        <form method="get" action="/basket" class="basket-form">
        <p class="count" aria-live="polite" id="count">{{shown}} of {{total}} handouts</p>
        <ul class="cards">
        {{#handouts}}
          <li class="card" data-search="{{search}}">
            <a href="/handouts/{{slug}}" class="open">
              <img src="/handouts/{{slug}}/page-1.png?width=280" srcset="/handouts/{{slug}}/page-1.png?width=560 2x" alt="" width="280" height="{{thumbHeight}}" loading="lazy">
              <span class="title">{{title}}</span>
            </a>
            <span class="meta">{{category}}{{#pages}} · {{pages}} page{{#plural}}s{{/plural}}{{/pages}}</span>
            <label class="pick"><input type="checkbox" name="procedures" value="{{slug}}"> Add to a booklet</label>
          </li>
        {{/handouts}}
        </ul>
        {{^handouts}}<p class="empty">No handout matches “{{query}}”.</p>{{/handouts}}
        <div class="basket"><button type="submit" id="basket-button">Make one booklet of the chosen handouts</button>
        <span class="hint">Tick “Add to a booklet” on each handout the patient needs.</span></div>
        </form>
        {{#hasBroken}}
        <section class="attention" aria-labelledby="attention">
          <h2 id="attention">Needs attention</h2>
          <p>These handouts could not be read. The others work. Ask whoever edits the handouts to fix:</p>
          <ul>{{#broken}}<li><strong>{{slug}}</strong>: <code>{{error}}</code></li>{{/broken}}</ul>
        </section>
        {{/hasBroken}}
        {{/body}}
        {{/layout}}
        """

    /// The personalize form shared by a handout and a basket: fields, then the three actions.
    static let form = """
        <form class="personalize" method="post" action="{{downloadAction}}" novalidate>
          <h2>For this patient</h2>
          {{#hasMessages}}<div class="problems" role="alert">{{#messages}}<p>{{.}}</p>{{/messages}}</div>{{/hasMessages}}
          {{#procedures}}<input type="hidden" name="procedures" value="{{procedures}}">{{/procedures}}
          {{#fields}}
          <div class="field{{#error}} invalid{{/error}}">
            <label for="f-{{name}}">{{label}}{{#required}} <span class="required">(needed)</span>{{/required}}</label>
            {{#isTextarea}}<textarea id="f-{{name}}" name="{{name}}" rows="4" maxlength="{{maxLength}}" autocomplete="off"{{#error}} aria-invalid="true" aria-describedby="e-{{name}}"{{/error}}>{{value}}</textarea>{{/isTextarea}}
            {{^isTextarea}}<input id="f-{{name}}" name="{{name}}" type="{{type}}" value="{{value}}" maxlength="{{maxLength}}" autocomplete="off"{{#required}} required{{/required}}{{#error}} aria-invalid="true" aria-describedby="e-{{name}}"{{/error}}>{{/isTextarea}}
            {{#hint}}<p class="hint">{{hint}}</p>{{/hint}}
            {{#error}}<p class="error" id="e-{{name}}">{{error}}</p>{{/error}}
          </div>
          {{/fields}}
          {{#hasLanguages}}
          <div class="field">
            <label for="f-language">Language of the handout</label>
            <select id="f-language" name="language">{{#languages}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/languages}}</select>
          </div>
          {{/hasLanguages}}
          <div class="actions">
            <label class="page-pick">Page <select name="page">{{#pageChoices}}<option value="{{.}}">{{.}}</option>{{/pageChoices}}</select></label>
            <button type="submit" formaction="{{previewAction}}" formtarget="preview" class="secondary">Preview</button>
            <button type="submit" formaction="{{downloadAction}}">Download PDF</button>
          </div>
          <fieldset class="print">
            <legend>Print</legend>
            {{#hasPrinters}}
            <label for="printer">Printer</label>
            <select id="printer" name="printer">{{#printers}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/printers}}</select>
            <label for="copies">Copies</label>
            <input id="copies" name="copies" type="number" min="1" max="20" value="1">
            <label class="inline"><input type="checkbox" name="sides" value="two-sided-long-edge"> Print on both sides</label>
            <button type="submit" formaction="/print" formtarget="preview">Print</button>
            {{/hasPrinters}}
            {{^hasPrinters}}<p class="hint">No printer is set up. Start the page with <code>--printer NAME</code>, or add a printer to this computer.</p>{{/hasPrinters}}
          </fieldset>
          <fieldset class="email">
            <legend>Email draft</legend>
            <label for="email-to">Patient's email (you can add it later)</label>
            <input id="email-to" name="email_to" type="email" maxlength="254" autocomplete="off">
            <label for="email-password">Lock with a password (optional)</label>
            <input id="email-password" name="email_password" type="password" maxlength="127" autocomplete="new-password">
            <p class="hint">Tell the patient the password in person or by phone. The email says how to open the file, never the password.</p>
            <button type="submit" formaction="/email" class="secondary">Download email draft</button>
          </fieldset>
          <p class="privacy">What you type is used for this copy only. It is not saved.</p>
        </form>
        """

    /// `GET /handouts/SLUG`: the form beside the preview and the pages of the generic copy.
    static let handout = """
        {{<layout}}
        {{$title}}{{title}}{{/title}}
        {{$body}}
        <nav class="crumbs"><a href="/">← All handouts</a></nav>
        <h1>{{title}}</h1>
        <p class="meta">{{category}}{{#pages}} · {{pages}} page{{#plural}}s{{/plural}}{{/pages}} · <a href="/handouts/{{slug}}.pdf">Generic copy (PDF)</a></p>
        {{#summary}}<p class="summary">{{summary}}</p>{{/summary}}
        <div class="columns">
        {{>form}}
        <section class="preview-pane" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <iframe name="preview" title="Preview" src="/handouts/{{slug}}/page-1.png?width=560"></iframe>
          <h3>Pages of the generic copy</h3>
          <ul class="pages">{{#pageList}}<li><a href="/handouts/{{slug}}/page-{{.}}.png?width=1100" target="preview"><img src="/handouts/{{slug}}/page-{{.}}.png?width=120" alt="Page {{.}}" width="120" height="{{smallThumbHeight}}" loading="lazy"></a></li>{{/pageList}}</ul>
        </section>
        </div>
        {{/body}}
        {{/layout}}
        """

    /// `GET /basket`: one patient's booklet of the chosen handouts.
    static let basket = """
        {{<layout}}
        {{$title}}A booklet for one patient{{/title}}
        {{$body}}
        <nav class="crumbs"><a href="/">← All handouts</a></nav>
        <h1>A booklet for one patient</h1>
        <p class="meta">{{count}} handouts, in this order:</p>
        <ol class="chosen">{{#chosen}}<li><a href="/handouts/{{slug}}">{{title}}</a></li>{{/chosen}}</ol>
        <div class="columns">
        {{>form}}
        <section class="preview-pane" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <iframe name="preview" title="Preview"></iframe>
        </section>
        </div>
        {{/body}}
        {{/layout}}
        """

    /// A short page: a print receipt, a problem, a missing page.
    static let message = """
        {{<layout}}
        {{$title}}{{heading}}{{/title}}
        {{$class}}page {{kind}}{{/class}}
        {{$body}}
        <h1>{{heading}}</h1>
        {{#lines}}<p>{{.}}</p>{{/lines}}
        {{#hasLink}}<p><a href="{{link}}">{{linkText}}</a></p>{{/hasLink}}
        {{/body}}
        {{/layout}}
        """

    /// `GET /login`, when the server was started with a token.
    static let login = """
        {{<layout}}
        {{$title}}Sign in{{/title}}
        {{$body}}
        <h1>Sign in</h1>
        <form class="login" method="post" action="/login">
          {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
          <label for="token">Front-desk access code</label>
          <input id="token" name="token" type="password" autocomplete="current-password" required>
          <button type="submit">Sign in</button>
        </form>
        {{/body}}
        {{/layout}}
        """
}
