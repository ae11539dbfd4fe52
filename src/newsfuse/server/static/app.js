// The newsfuse page: collect reports, POST /v1/briefings, show the briefing and its sources.
//
// Safety rule of this file: text from documents or from the server is only ever put in the page
// with textContent / createTextNode, never with innerHTML, so a report that contains <script> or
// onerror= shows as text and never runs. The server's Content-Security-Policy is a second wall.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const STATUS_LABELS = {
    kept: "used",
    junk: "set aside: junk",
    "off-topic": "set aside: off-topic",
    "unsupported-language": "set aside: language not read",
  };

  let current = null; // the last briefing response
  let pinned = null; // {summary, doc} of the clicked citation, kept after the mouse leaves

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- input -------------------------------------------------------------------------------

  function addReport(fields) {
    const node = $("report-template").content.firstElementChild.cloneNode(true);
    const values = fields || {};
    node.querySelector(".report-text").value = values.text || "";
    node.querySelector(".report-title").value = values.title || "";
    node.querySelector(".report-source").value = values.source || "";
    node.querySelector(".remove").addEventListener("click", () => node.remove());
    $("reports").appendChild(node);
    return node;
  }

  function emptyReport() {
    return Array.from(document.querySelectorAll(".report")).find(
      (node) => !node.querySelector(".report-text").value.trim()
    );
  }

  function upload(event) {
    for (const file of event.target.files) {
      const reader = new FileReader();
      reader.onload = () => {
        const target = emptyReport() || addReport();
        target.querySelector(".report-text").value = String(reader.result);
        target.querySelector(".report-source").value = file.name;
      };
      reader.onerror = () => setStatus(`${file.name}: could not be read`, true);
      reader.readAsText(file);
    }
    event.target.value = "";
  }

  function collect() {
    const documents = [];
    for (const node of document.querySelectorAll(".report")) {
      const text = node.querySelector(".report-text").value;
      if (!text.trim()) continue;
      const item = { text };
      const title = node.querySelector(".report-title").value.trim();
      const source = node.querySelector(".report-source").value.trim();
      const date = node.querySelector(".report-date").value;
      if (title) item.title = title;
      if (source) item.source = source;
      if (date) item.date = date;
      documents.push(item);
    }
    const sections = Array.from(document.querySelectorAll("input[name=section]:checked")).map(
      (box) => box.value
    );
    const words = parseInt($("words").value, 10) || 250;
    return { id: "briefing", documents, options: { words, sections }, evidence: true };
  }

  function setStatus(message, isError) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  async function submit() {
    const body = collect();
    if (!body.documents.length) {
      setStatus("Paste or upload at least one report first.", true);
      return;
    }
    const button = $("summarize");
    button.disabled = true;
    setStatus(`Reading ${body.documents.length} report(s)…`);
    try {
      const response = await fetch("/v1/briefings", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      let data = null;
      try {
        data = await response.json();
      } catch (_) {
        data = null;
      }
      if (!response.ok) {
        const message = data && data.error ? data.error.message : `HTTP ${response.status}`;
        setStatus(`Could not make the briefing: ${message}`, true);
        return;
      }
      render(data);
      setStatus("");
    } catch (error) {
      setStatus(`Could not reach the server: ${error}`, true);
    } finally {
      button.disabled = false;
    }
  }

  // ---- output ------------------------------------------------------------------------------

  function docTitle(doc) {
    return doc.title || doc.source || doc.id;
  }

  // A marker that a click's scrolling slides under a still pointer is not hovered: the browser
  // then sends mouse events at the same coordinates, so only a pointer that really moved (to
  // other coordinates) since the last scroll counts.
  const pointer = { x: -1, y: -1, movedAt: 0 };
  let scrolledAt = 0;
  document.addEventListener("mousemove", (event) => {
    if (event.clientX !== pointer.x || event.clientY !== pointer.y) {
      pointer.x = event.clientX;
      pointer.y = event.clientY;
      pointer.movedAt = performance.now();
    }
  });
  const moved = (event) =>
    event.clientX !== pointer.x || event.clientY !== pointer.y || pointer.movedAt > scrolledAt;

  function scrollTo(target, block) {
    scrolledAt = performance.now();
    target.scrollIntoView({ block, behavior: "auto" });
  }

  function citeButton(docId, onActivate, onHover) {
    const button = el("button", "cite", docId);
    button.type = "button";
    button.dataset.doc = docId;
    const doc = current.documents.find((d) => d.id === docId);
    if (doc) button.title = docTitle(doc);
    button.addEventListener("click", onActivate);
    if (onHover) {
      // A marker that slides under a still pointer because a click scrolled the page is not
      // hovered: only a pointer that moved there is.
      button.addEventListener("mouseenter", (event) => {
        if (moved(event)) onHover(true);
      });
      button.addEventListener("mouseleave", (event) => {
        if (moved(event)) onHover(false);
      });
      button.addEventListener("focus", () => onHover(true));
      button.addEventListener("blur", () => onHover(false));
    }
    return button;
  }

  function renderSummary() {
    const list = $("summary");
    list.replaceChildren();
    const evidence = current.evidence ? current.evidence.summary : [];
    current.summary.forEach((sentence, index) => {
      const item = el("li", "summary-sentence");
      item.dataset.index = String(index);
      item.appendChild(el("span", "sentence-text", sentence.text));
      const spans = evidence[index] || [];
      for (const docId of sentence.sources) {
        item.appendChild(document.createTextNode(" "));
        const show = (focus) => highlightSummary(index, docId, focus);
        item.appendChild(
          citeButton(
            docId,
            () => {
              pinned = { index, docId };
              show(true);
            },
            (entering) => (entering ? show(false) : restorePinned())
          )
        );
      }
      if (!spans.length) item.classList.add("no-evidence");
      list.appendChild(item);
    });
  }

  function textOf(docId) {
    if (!current.evidence) return null;
    const found = current.evidence.documents.find((d) => d.id === docId);
    return found ? found.text : null;
  }

  function renderSources() {
    const box = $("sources");
    box.replaceChildren();
    for (const doc of current.documents) {
      const card = el("article", `source status-${doc.status}`);
      card.id = `source-${doc.id}`;
      card.dataset.doc = doc.id;
      const head = el("header");
      head.appendChild(el("span", "doc-id", doc.id));
      head.appendChild(el("span", "doc-title", docTitle(doc)));
      const badges = el("div", "badges");
      badges.appendChild(el("span", `badge kind kind-${doc.kind}`, doc.kind));
      badges.appendChild(el("span", `badge status status-${doc.status}`, STATUS_LABELS[doc.status] || doc.status));
      head.appendChild(badges);
      card.appendChild(head);
      const facts = [doc.source, doc.outlet, doc.date, `${doc.words} words`].filter(Boolean).join(" · ");
      card.appendChild(el("p", "doc-meta", facts));
      if (doc.reason) card.appendChild(el("p", "doc-reason", `Why: ${doc.reason}`));
      const text = textOf(doc.id);
      if (text !== null) {
        const body = el("div", "doc-text", text);
        if (doc.status === "kept") {
          card.appendChild(body);
        } else {
          const details = el("details");
          details.appendChild(el("summary", null, "Show the text"));
          details.appendChild(body);
          card.appendChild(details);
        }
      }
      box.appendChild(card);
    }
  }

  // Replace a source's text by: before, <mark>passage</mark>, after (all text nodes).
  function markSpan(docId, start, end, focus) {
    const card = document.getElementById(`source-${docId}`);
    const text = textOf(docId);
    if (!card || text === null) return null;
    const body = card.querySelector(".doc-text");
    const mark = el("mark", focus ? "evidence focus" : "evidence", text.slice(start, end));
    body.replaceChildren(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
    card.classList.toggle("focused", Boolean(focus));
    return mark;
  }

  function clearMarks() {
    for (const card of document.querySelectorAll(".source")) {
      const body = card.querySelector(".doc-text");
      const text = textOf(card.dataset.doc);
      if (body && text !== null) body.replaceChildren(document.createTextNode(text));
      card.classList.remove("focused");
    }
    for (const item of document.querySelectorAll(".summary-sentence.active")) item.classList.remove("active");
    for (const button of document.querySelectorAll(".cite.active")) button.classList.remove("active");
  }

  // Mark the supporting passage of summary sentence `index` in every cited source; `docId`'s
  // passage is the focused one, scrolled into view when `scroll` is set (a click).
  function highlightSummary(index, docId, scroll) {
    clearMarks();
    const item = document.querySelector(`.summary-sentence[data-index="${index}"]`);
    if (item) {
      item.classList.add("active");
      const button = item.querySelector(`.cite[data-doc="${CSS.escape(docId)}"]`);
      if (button) button.classList.add("active");
    }
    const spans = current.evidence ? current.evidence.summary[index] || [] : [];
    let focused = null;
    for (const span of spans) {
      const mark = markSpan(span.doc, span.start, span.end, span.doc === docId);
      if (span.doc === docId) focused = mark;
    }
    const target = focused || document.getElementById(`source-${docId}`);
    if (scroll && target) scrollTo(target, "center");
  }

  function restorePinned() {
    if (pinned && pinned.index !== undefined) highlightSummary(pinned.index, pinned.docId, false);
    else if (pinned && pinned.quote) highlightQuote(pinned.quote, false);
    else clearMarks();
  }

  function highlightQuote(quote, scroll) {
    clearMarks();
    const mark = markSpan(quote.doc_id, quote.start, quote.end, true);
    const target = mark || document.getElementById(`source-${quote.doc_id}`);
    if (scroll && target) scrollTo(target, "center");
  }

  function showSource(docId) {
    clearMarks();
    pinned = null;
    const card = document.getElementById(`source-${docId}`);
    if (card) {
      card.classList.add("focused");
      scrollTo(card, "start");
    }
  }

  function sourceButtons(parent, ids) {
    for (const docId of ids || []) {
      parent.appendChild(document.createTextNode(" "));
      parent.appendChild(citeButton(docId, () => showSource(docId)));
    }
  }

  function renderExtra(name, items, build) {
    const section = $(`${name}-section`);
    const list = $(name);
    list.replaceChildren();
    section.hidden = !Array.isArray(items) || items.length === 0;
    if (section.hidden) return;
    for (const item of items) list.appendChild(build(item));
  }

  function renderExtras() {
    renderExtra("quotes", current.quotes, (quote) => {
      const item = el("li", "quote");
      item.appendChild(el("q", null, quote.text));
      if (quote.speaker) item.appendChild(el("span", "speaker", ` — ${quote.speaker}`));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(
        citeButton(quote.doc_id, () => {
          pinned = { quote };
          highlightQuote(quote, true);
        })
      );
      return item;
    });
    renderExtra("disagreements", current.disagreements, (dispute) => {
      const item = el("li", "disagreement");
      item.appendChild(el("strong", null, dispute.topic));
      item.appendChild(el("span", "dispute-kind", ` (${dispute.kind})`));
      const sides = el("ul", "sides");
      for (const side of dispute.sides) {
        const row = el("li", null, side.text);
        sourceButtons(row, side.sources);
        sides.appendChild(row);
      }
      item.appendChild(sides);
      return item;
    });
    renderExtra("timeline", current.timeline, (event) => {
      const item = el("li", "event");
      item.appendChild(el("time", null, event.date));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", null, event.text));
      sourceButtons(item, event.sources);
      return item;
    });
    renderExtra("facts", current.facts, (fact) => {
      const item = el("li", "fact", fact.text);
      sourceButtons(item, fact.sources);
      return item;
    });
  }

  function render(data) {
    current = data;
    pinned = null;
    renderSources();
    renderSummary();
    renderExtras();
    $("result").hidden = false;
    document.body.dataset.state = "done";
  }

  document.addEventListener("DOMContentLoaded", () => {
    addReport();
    addReport();
    $("add-report").addEventListener("click", () => addReport().querySelector("textarea").focus());
    $("upload").addEventListener("change", upload);
    $("summarize").addEventListener("click", submit);
    document.body.dataset.state = "ready";
  });
})();
