/* The lapse planner on a country page: from the date a timeline counts from to the dates that
   matter, and a calendar file (.ics) with reminders. Everything happens in the browser: no request
   is made, so it works offline and from file://.

   The arithmetic repeats scripts/baohao/planner.py, which is the definition (read its docstring);
   a browser test checks that both give the same dates. The start date is between planner.FIRST_DATE
   and LAST_DATE (the page's data), so every date here and in the calendar file is a real one. The data and the planner's constants
   come from the page (#planner-data, written by scripts/baohao/present/planner_data.py); the words from
   planner-words-<lang>.js, which the page loads just before this script (publish/planner_words.py). */
(function () {
  "use strict";

  // --- dates: {y, m, d} with no time of day or zone; arithmetic in UTC days ---

  // a date as typed in the date field, with a year of 4 to 6 digits (the field takes up to 275760),
  // or null; whether the planner counts from it is inRange's question
  function parseDate(text) {
    var m = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var date = { y: +m[1], m: +m[2], d: +m[3] };
    return date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= daysInMonth(date.y, date.m) ? date : null;
  }

  // Days since 1 January 1970 of a calendar date. Never Date.UTC(y, ...) or new Date(y, ...): they
  // read the years 0 to 99 as 1900 to 1999. setUTCFullYear takes the year as it is.
  function dayNumber(y, m, d) {
    var t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    return Math.round(t.getTime() / 86400000);
  }

  // by the calendar's rule, with no Date (which ends in the year 275760)
  function daysInMonth(y, m) {
    var leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return m === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }

  function toDay(date) {
    return dayNumber(date.y, date.m, date.d);
  }

  function fromDay(day) {
    var t = new Date(day * 86400000);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }

  function addDays(date, days) {
    return fromDay(toDay(date) + days);
  }

  function addMonths(date, months) {
    var index = date.m - 1 + months;
    var y = date.y + Math.floor(index / 12);
    var m = ((index % 12) + 12) % 12 + 1;
    return { y: y, m: m, d: Math.min(date.d, daysInMonth(y, m)) };
  }

  // planner.add: hours and minutes from some time on the start date (latest: at 23:59)
  function add(date, amount, unit, latest) {
    if (unit === "days") return addDays(date, amount);
    if (unit === "months") return addMonths(date, amount);
    var minutes = amount * (unit === "hours" ? 60 : 1);
    return addDays(date, Math.floor((minutes + (latest ? 1439 : 0)) / 1440));
  }

  function iso(date) {
    function pad(n, w) { return String(n).padStart(w, "0"); }
    return pad(date.y, 4) + "-" + pad(date.m, 2) + "-" + pad(date.d, 2);
  }

  // a is before b: compared field by field, so also for dates no Date can hold
  function before(a, b) {
    return (a.y - b.y || a.m - b.m || a.d - b.d) < 0;
  }

  // planner.Dates.after
  function after(dates, period) {
    var earliest = add(dates.earliest, period.min || 0, period.unit, false);
    if (period.max === null || dates.latest === null) return { earliest: earliest, latest: null };
    return { earliest: earliest, latest: add(dates.latest, period.max, period.unit, true) };
  }

  // planner._stages
  function stages(timeline, start) {
    var planned = [];
    var byState = {};
    timeline.stages.forEach(function (stage) {
      var base = stage.relative_to ? byState[stage.relative_to] : null;
      var dates = null;
      if (stage.after === null) dates = null;
      else if (!stage.relative_to) dates = after({ earliest: start, latest: start }, stage.after);
      else dates = base && base.dates ? after(base.dates, stage.after) : null;
      var unverified = dates !== null && (!stage.backed || !!(base && base.unverified));
      var item = { stage: stage, state: stage.state, dates: dates, unverified: unverified };
      planned.push(item);
      if (!(stage.state in byState)) byState[stage.state] = item;
    });
    return planned;
  }

  function first(planned, states) {
    var best = null;
    planned.forEach(function (s) {
      if (states.indexOf(s.state) < 0 || s.dates === null) return;
      if (best === null || before(s.dates.earliest, best.dates.earliest)) best = s;
    });
    return best;
  }

  // planner.plan
  function plan(rules, timeline, start) {
    var planned = stages(timeline, start);
    var codes = first(planned, rules.codes_stop);
    var someoneElse = null;
    rules.reaches_someone_else.some(function (state) {
      someoneElse = first(planned, [state]);
      return someoneElse !== null;
    });
    // the earlier of the day before codes may stop and the margin before someone else may get the
    // number; on the same day, codes stopping is the reason
    var moveBy = null, moveReason = null;
    if (codes) { moveBy = addDays(codes.dates.earliest, -1); moveReason = "codes-stop"; }
    if (someoneElse) {
      var margin = addDays(someoneElse.dates.earliest, -rules.move_margin_days);
      if (moveBy === null || before(margin, moveBy)) { moveBy = margin; moveReason = "someone-else"; }
    }
    // certainty.keep_alive_options: the first to come (on the same date, the first option)
    var keep = null;
    timeline.keep_options.forEach(function (option) {
      var date = add(start, option.min, option.unit, false);
      if (keep === null || before(date, keep.date)) keep = { date: date, unverified: !option.backed };
    });
    return {
      start: start,
      stages: planned,
      codesMayStop: codes ? codes.dates : null,
      codesStage: codes,
      reachesSomeoneElse: someoneElse,
      moveBy: moveBy,
      moveReason: moveReason,
      keepBy: keep ? addDays(keep.date, -1) : null,
      keepUnverified: keep ? keep.unverified : false,
      moveUnverified: !!((codes && codes.unverified) || (someoneElse && someoneElse.unverified))
    };
  }

  // planner.standing: where the plan stands on `day`, for "let it go" or "keep it"
  function standing(p, day, keep) {
    var codes = p.codesMayStop;
    if (codes && codes.latest !== null && !before(day, codes.latest)) return "stopped";
    if (codes && !before(day, codes.earliest)) return "may-have-stopped";
    var key = keep ? p.keepBy : p.moveBy;
    if (key === null) return "unknown";
    return before(key, day) ? "late" : "in-time";
  }

  // planner.calendar_dates: a date goes into the calendar file only if it is today or later
  function upcoming(date, day) {
    return date !== null && !before(date, day);
  }

  // --- words ---

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function today() {
    var now = new Date();
    return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
  }

  function Planner(root, data) {
    this.root = root;
    this.data = data;
    // the words come in their own script (planner-words-<lang>.js, loaded before this one)
    this.words = data.words || (window.BaohaoPlannerWords || {})[data.lang];
    var locale = data.lang === "en" ? "en-GB" : "zh-CN";
    this.format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    this.form = root.querySelector("form");
    this.fields = root.querySelector(".lapse-planner__fields");
    this.result = root.querySelector(".lapse-planner__result");
    this.calendarBlock = root.querySelector(".lapse-planner__calendar");
    this.button = root.querySelector("[data-planner-download]");
    this.alarm = root.querySelector("#planner-alarm");
    // the page's own link to the accounts page (its address differs online and offline), before any copy
    this.accounts = document.querySelector("a.planner-accounts");
    this.current = null;
  }

  Planner.prototype.date = function (date) {
    return this.format.format(new Date(toDay(date) * 86400000));
  };

  Planner.prototype.dates = function (dates) {
    var w = this.words;
    if (dates === null) return w.planner_no_date;
    if (dates.latest === null) return fill(w.planner_or_later, { date: this.date(dates.earliest) });
    if (toDay(dates.latest) === toDay(dates.earliest)) return this.date(dates.earliest);
    return fill(w.planner_range, { start: this.date(dates.earliest), end: this.date(dates.latest) });
  };

  Planner.prototype.operator = function () {
    var id = this.form.elements.operator.value;
    return this.data.operators.filter(function (o) { return o.id === id; })[0] || null;
  };

  Planner.prototype.timeline = function (operator) {
    return operator && operator.timeline !== null ? this.data.timelines[operator.timeline] : null;
  };

  Planner.prototype.label = function () {
    var timeline = this.timeline(this.operator());
    var event = timeline ? timeline.counts_from : "unknown";
    this.root.querySelector("label[for=planner-date]").textContent = event === "unknown"
      ? this.words.planner_date_unknown
      : fill(this.words.planner_date, { event: this.words["event_" + event] });
  };

  // a paragraph or list item of text, with the unverified mark and source links
  Planner.prototype.line = function (tag, text, unverified, sources, attrs) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(text));
    if (unverified) {
      var mark = document.createElement("span");
      mark.className = "unverified";
      mark.title = this.words.unverified_title;
      mark.textContent = this.words.unverified;
      el.appendChild(document.createTextNode(" "));
      el.appendChild(mark);
    }
    (sources || []).forEach(function (source) {
      var link = document.createElement("a");
      link.className = "src-ref";
      link.href = "#source-" + source.id;
      link.title = source.title;
      link.textContent = "[" + source.n + "]";
      el.appendChild(document.createTextNode(" "));
      el.appendChild(link);
    });
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    this.result.appendChild(el);
    return el;
  };

  Planner.prototype.passed = function (date) {
    return before(date, today()) ? this.words.planner_past : "";
  };

  // a copy of the page's link to the accounts page, with the given words or its own
  Planner.prototype.accountsLink = function (text, attrs) {
    if (!this.accounts) return null;
    var item = document.createElement("p");
    var link = this.accounts.cloneNode(true);
    if (text) link.textContent = text;
    Object.keys(attrs || {}).forEach(function (name) { link.setAttribute(name, attrs[name]); });
    item.appendChild(link);
    this.result.appendChild(item);
    return link;
  };

  // what the rule's event asks for to keep the number: "use it again", "top it up", "renew" ...
  Planner.prototype.act = function (timeline) {
    return this.words["planner_act_" + this.data.rules.keep_verb[timeline.counts_from]];
  };

  Planner.prototype.update = function () {
    var w = this.words;
    var operator = this.operator();
    var timeline = this.timeline(operator);
    var start = parseDate(this.form.elements.date.value);
    var keep = this.form.elements.intent.value === "keep";
    this.label();
    this.result.textContent = "";
    this.current = null;
    var rules = this.data.rules;
    var first = parseDate(rules.first_date), last = parseDate(rules.last_date);
    var unknown = !timeline || timeline.counts_from === "unknown";
    this.fields.hidden = unknown;  // a form that cannot compute is not offered
    this.result.removeAttribute("data-standing");
    if (!timeline) this.line("p", w.planner_no_timeline);
    else if (unknown) this.showUnknown(operator, timeline);
    else if (!start) this.line("p", w.planner_need_date);
    else if (before(start, first) || before(last, start)) {
      // planner.FIRST_DATE to LAST_DATE: a year typed as 0026 is refused here, never read as 1926
      this.line("p", fill(w.planner_date_range, { first: this.date(first), last: this.date(last) }), false, [],
        { "data-out-of-range": "" }).className = "lapse-planner__warning";
    } else {
      var p = plan(this.data.rules, timeline, start);
      this.current = { plan: p, operator: operator, timeline: timeline, keep: keep };
      if (keep) this.showKeep(p, timeline);
      else this.showLetGo(p);
    }
    // the calendar is offered only when it has a date to hold: never a past one
    this.calendarBlock.hidden = !(this.current !== null && this.events().length > 0);
    this.root.classList.toggle("lapse-planner--results", this.current !== null);
    var heading = document.getElementById("planner");
    if (heading) heading.classList.toggle("planner-has-results", this.current !== null);
  };

  // by the rule, the number may have stopped (or has probably stopped): say so first, then how to
  // check and what to do without codes; a key date that has passed asks to act now
  Planner.prototype.showStanding = function (p, keep, timeline) {
    var w = this.words;
    var where = standing(p, today(), keep);
    this.result.setAttribute("data-standing", where);
    if (where === "stopped" || where === "may-have-stopped") {
      var text = where === "stopped"
        ? fill(w.planner_stopped, { date: this.date(p.codesMayStop.latest) })
        : fill(w.planner_may_have_stopped, { date: this.date(p.codesMayStop.earliest) });
      this.line("p", text, p.codesStage.unverified, p.codesStage.stage.sources, { "data-stopped": where })
        .className = "lapse-planner__warning";
      this.line("p", w.planner_check);
      this.accountsLink(w.planner_no_codes, { "data-no-codes": "" });
      if (keep) this.line("p", w.planner_keep_revive);
    } else if (where === "late") {
      this.line("p", keep ? fill(w.planner_keep_late, { act: this.act(timeline) }) : w.planner_late, false, [],
        { "data-late": "" }).className = "lapse-planner__warning";
    }
    return where;
  };

  // the headline: the move-by date and why it is that day
  Planner.prototype.moveText = function (p, date) {
    var w = this.words;
    if (p.moveReason === "codes-stop") {
      return fill(w.planner_move_by_codes, { date: date, codes: this.date(p.codesMayStop.earliest) });
    }
    return fill(w.planner_move_by_someone_else, {
      date: date, margin: this.data.rules.move_margin_days,
      someone_else: this.date(p.reachesSomeoneElse.dates.earliest)
    });
  };

  Planner.prototype.showLetGo = function (p) {
    var w = this.words;
    var self = this;
    var where = this.showStanding(p, false, null);
    if (p.moveBy) {
      var why = p.moveReason === "codes-stop" ? p.codesStage : p.reachesSomeoneElse;
      this.line("p", this.moveText(p, this.date(p.moveBy) + this.passed(p.moveBy)), why.unverified, why.stage.sources, {
        "data-move-by": iso(p.moveBy),
        "data-move-reason": p.moveReason,
        "data-codes-stop": p.codesMayStop ? iso(p.codesMayStop.earliest) : "",
        "data-someone-else": p.reachesSomeoneElse ? iso(p.reachesSomeoneElse.dates.earliest) : ""
      });
    } else {
      this.line("p", w.planner_move_unknown, false, [], { "data-move-by": "" });
    }
    // the other of the two dates, when it is another day
    var codes = p.codesMayStop ? p.codesMayStop.earliest : null;
    var other = p.reachesSomeoneElse ? p.reachesSomeoneElse.dates.earliest : null;
    if (p.moveReason === "codes-stop" && other && (!codes || toDay(other) !== toDay(codes))) {
      this.line("p", fill(w.planner_someone_else, { date: this.date(other) + this.passed(other) }),
        p.reachesSomeoneElse.unverified, p.reachesSomeoneElse.stage.sources);
    } else if (p.moveReason === "someone-else" && codes && (!other || toDay(other) !== toDay(codes))) {
      this.line("p", fill(w.planner_codes_stop, { date: this.date(codes) + this.passed(codes) }),
        p.codesStage.unverified, p.codesStage.stage.sources);
    }
    // what to move and how: the accounts page (already linked when the number may have stopped)
    if (where === "in-time" || where === "late" || where === "unknown") this.accountsLink(null);
    this.line("p", w.planner_stages).className = "lapse-planner__stages-title";
    var list = document.createElement("ul");
    p.stages.forEach(function (s) {
      var item = self.line("li", w["stage_" + s.state] + w.colon + self.dates(s.dates), s.unverified, s.stage.sources, {
        "data-state": s.state,
        "data-earliest": s.dates ? iso(s.dates.earliest) : "",
        "data-latest": s.dates && s.dates.latest ? iso(s.dates.latest) : ""
      });
      list.appendChild(item);
    });
    this.result.appendChild(list);
    if (p.moveUnverified) this.line("p", w.planner_rests_unverified).className = "lapse-planner__warning";
  };

  Planner.prototype.showKeep = function (p, timeline) {
    var w = this.words;
    this.showStanding(p, true, timeline);
    if (p.keepBy) {
      this.line("p", fill(w.planner_keep_by, { date: this.date(p.keepBy) + this.passed(p.keepBy), act: this.act(timeline) }),
        p.keepUnverified, [], { "data-keep-by": iso(p.keepBy) });
    } else {
      this.line("p", w.planner_keep_unknown, false, [], { "data-keep-by": "" });
    }
    if (timeline.counts) this.line("p", fill(w.planner_counts, { x: timeline.counts }));
    if (timeline.not_counted) this.line("p", fill(w.planner_not_counted, { x: timeline.not_counted }));
    var cost = this.current && this.current.operator ? this.current.operator.keep_cost : null;
    if (cost) this.line("p", fill(w.planner_keep_cost, { x: cost.text }), cost.unverified, [], { "data-keep-cost": "" });
    var self = this;
    timeline.keep.forEach(function (k) { self.line("p", fill(w.planner_cheapest, { x: k.text }), k.unverified); });
    if (p.keepUnverified) this.line("p", w.planner_rests_unverified).className = "lapse-planner__warning";
  };

  // a rule that does not say what it counts from: how to find the card's own expiry date, and
  // whether the planner could count from it (only if a source says what happens after it: none does)
  Planner.prototype.showUnknown = function (operator, timeline) {
    var w = this.words;
    var self = this;
    var own = operator.own_expiry;
    this.line("p", fill(w.planner_counts_from_unknown, { brand: operator.brand }), false, [], { "data-own-expiry": "" });
    var list = document.createElement("ul");
    list.appendChild(this.line("li", own.apps.length
      ? fill(w.planner_expiry_app, { apps: own.apps.join(w.list_sep) }) : w.planner_expiry_account));
    list.appendChild(this.line("li", w.planner_expiry_sms));
    own.ussd.forEach(function (u) {
      list.appendChild(self.line("li", fill(w.planner_expiry_ussd, { code: u.code, note: u.note }), false, [], { "data-ussd": u.code }));
    });
    list.appendChild(this.line("li", w.planner_expiry_ask));
    this.result.appendChild(list);
    var dated = timeline.stages.some(function (s) { return s.after !== null; });
    this.line("p", dated ? w.planner_expiry_dated : fill(w.planner_expiry_none, { brand: operator.brand }));
    this.line("p", w.planner_expiry_advice);
  };

  // --- the calendar file (RFC 5545) ---

  // one event per key date: {date, summary, description}
  Planner.prototype.events = function () {
    if (!this.current) return [];
    var w = this.words;
    var p = this.current.plan;
    var brand = this.current.operator.brand;
    var self = this;
    function sources(list) {
      return list.map(function (s) { return w.planner_ics_source + w.colon + s.title + " " + s.url; });
    }
    var day = today();
    if (this.current.keep) {
      if (!upcoming(p.keepBy, day)) return [];
      var act = this.act(this.current.timeline);
      return [{
        key: "keep", date: p.keepBy, summary: fill(w.planner_ics_keep, { brand: brand, act: act }),
        description: [fill(w.planner_keep_by, { date: this.date(p.keepBy), act: act })]
          .concat(p.keepUnverified ? [w.planner_ics_unverified] : [])
          .concat(this.current.timeline.counts ? [fill(w.planner_counts, { x: this.current.timeline.counts })] : [])
      }];
    }
    var events = [];
    if (upcoming(p.moveBy, day)) {
      var why = p.moveReason === "codes-stop" ? p.codesStage : p.reachesSomeoneElse;
      events.push({
        key: "move", date: p.moveBy, summary: fill(w.planner_ics_move, { brand: brand }),
        description: [this.moveText(p, this.date(p.moveBy))].concat(why.unverified ? [w.planner_ics_unverified] : [])
      });
    }
    // stages on the same earliest date share one event; a stage whose earliest date has passed has none
    var byDate = {};
    p.stages.forEach(function (s) {
      if (!s.dates || !upcoming(s.dates.earliest, day)) return;
      var key = iso(s.dates.earliest);
      if (!byDate[key]) {
        byDate[key] = { key: "stages-" + key, date: s.dates.earliest, names: [], description: [] };
        events.push(byDate[key]);
      }
      var event = byDate[key];
      var text = [];
      if (s.dates.latest === null || toDay(s.dates.latest) !== toDay(s.dates.earliest)) {
        text.push(s.dates.latest === null
          ? fill(w.planner_or_later, { date: self.date(s.dates.earliest) })
          : fill(w.planner_ics_range, { start: self.date(s.dates.earliest), end: self.date(s.dates.latest) }));
      }
      if (s.unverified) text.push(w.planner_ics_unverified);
      if (s.stage.note) text.push(s.stage.note);
      event.names.push(w["stage_" + s.state]);
      event.description = event.description.concat([w["stage_" + s.state] + (text.length ? w.colon + text.join(" ") : "")], sources(s.stage.sources));
      event.summary = fill(w.planner_ics_stage, { brand: brand, stage: event.names.join(w.clause_sep) });
    });
    return events;
  };

  // TEXT values: backslash, semicolon, comma and line ends escaped (RFC 5545 3.3.11)
  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  // content lines are folded at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)
  function fold(line) {
    var out = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = new TextEncoder().encode(ch).length;
      if (octets + size > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        octets = 0;
      }
      current += ch;
      octets += size;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function compact(date) {
    return iso(date).replace(/-/g, "");
  }

  Planner.prototype.calendar = function (alarmDays) {
    var d = this.data;
    var op = this.current.operator;
    var now = new Date();
    var stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//baohao guide//lapse planner//" + d.lang.toUpperCase(),
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    var start = iso(this.current.plan.start);
    this.events().forEach(function (e) {
      lines.push("BEGIN:VEVENT");
      lines.push("UID:" + ["baohao-lapse-planner", d.code, op.id, start, e.key].join("-"));
      lines.push("DTSTAMP:" + stamp);
      lines.push("DTSTART;VALUE=DATE:" + compact(e.date));
      lines.push("DTEND;VALUE=DATE:" + compact(addDays(e.date, 1)));
      lines.push("SUMMARY:" + icsText(e.summary));
      lines.push("DESCRIPTION:" + icsText(e.description.join("\n")));
      lines.push("TRANSP:TRANSPARENT");
      if (alarmDays !== null) {
        lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P" + alarmDays + "D", "DESCRIPTION:" + icsText(e.summary), "END:VALARM");
      }
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  };

  Planner.prototype.alarmDays = function () {
    var value = parseInt(this.alarm.value, 10);
    return isNaN(value) || value < 0 ? null : Math.min(value, 365);
  };

  Planner.prototype.download = function () {
    if (!this.current || this.events().length === 0) return;
    var text = this.calendar(this.alarmDays());
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    link.download = ["baohao", this.data.code, this.current.operator.id, iso(this.current.plan.start)].join("-") + ".ics";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  // the operator is a select, or, on a page for one brand, a hidden input that already holds it
  Planner.prototype.choose = function (operatorId) {
    var field = this.form.elements.operator;
    if (this.data.operators.some(function (o) { return o.id === operatorId; })) {
      field.value = operatorId;
      this.update();
    }
  };

  Planner.prototype.start = function () {
    var self = this;
    this.root.hidden = false;
    var nojs = document.querySelector(".lapse-planner__nojs");
    if (nojs) nojs.hidden = true;
    this.form.addEventListener("input", function () { self.update(); });
    this.form.addEventListener("change", function () { self.update(); });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.button.addEventListener("click", function () { self.download(); });
    // a brand's "work out the dates" link, and a page opened at a brand's section, choose that brand
    Array.prototype.forEach.call(document.querySelectorAll("a[data-planner-operator]"), function (link) {
      link.addEventListener("click", function () { self.choose(link.getAttribute("data-planner-operator")); });
    });
    var brand = /^#brand-([a-z0-9-]+)$/.exec(location.hash);
    if (brand) this.choose(brand[1]);
    this.update();
  };

  var root = document.querySelector(".lapse-planner");
  var source = document.getElementById("planner-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  new Planner(root, data).start();
})();
