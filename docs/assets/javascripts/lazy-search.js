/* Lazy search: search costs nothing until the reader starts one.

   Material for MkDocs creates its search worker and requests the search index as soon as a page
   loads. This script holds both back until the reader starts a search: focuses the search field,
   opens the search (the "__search" toggle), presses a search shortcut (s, f or /), or opens a page
   with a query in its address (?q=...).

   - The index request (an XMLHttpRequest for search/search_index.json) is opened as usual but
     only sent once a search starts.
   - The search worker (workers/search...) is created only when Material first sends it a message;
     until then a stand-in keeps the listeners Material adds and passes them the worker's events.

   It also starts a search when an input method commits text without a key-up (see the end).

   It must run before Material's bundle (theme/main.html loads it in the `libs` block, before the
   polyfills). On file:// the offline bundle's iframe-worker shim replaces `Worker` after this
   script, so the offline bundle keeps Material's own behaviour for the worker; the index request
   is still held back. */
(function () {
  "use strict";

  // Resolved once, when the reader first starts a search.
  var startSearch;
  var searchStarted = new Promise(function (resolve) {
    startSearch = resolve;
  });

  // Hold back the search index request until a search starts.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this._searchIndex = /search\/search_index\.json/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request._searchIndex) {
      searchStarted.then(function () {
        send.apply(request, args);
      });
      return;
    }
    return send.apply(request, args);
  };

  // Start the search worker on Material's first message to it, not at page load.
  var NativeWorker = window.Worker;
  if (NativeWorker) {
    var LazyWorker = function (url, options) {
      // Any other worker is created at once, as usual (returning an object from a constructor
      // makes `new` give that object).
      if (!/workers\/search/.test(String(url))) return new NativeWorker(url, options);
      this._url = url;
      this._options = options;
      this._events = new EventTarget();
      this._worker = null;
    };
    LazyWorker.prototype.addEventListener = function () {
      this._events.addEventListener.apply(this._events, arguments);
    };
    LazyWorker.prototype.removeEventListener = function () {
      this._events.removeEventListener.apply(this._events, arguments);
    };
    LazyWorker.prototype.postMessage = function (message) {
      var self = this;
      if (!self._worker) {
        self._worker = new NativeWorker(self._url, self._options);
        // pass the real worker's events on to the listeners added to the stand-in
        self._worker.addEventListener("message", function (event) {
          var copy = new MessageEvent("message", { data: event.data });
          self._events.dispatchEvent(copy);
          if (self.onmessage) self.onmessage(copy);
        });
        self._worker.addEventListener("error", function (event) {
          self._events.dispatchEvent(new ErrorEvent("error", { message: event.message }));
          if (self.onerror) self.onerror(event);
        });
      }
      self._worker.postMessage(message);
    };
    LazyWorker.prototype.terminate = function () {
      if (this._worker) this._worker.terminate();
    };
    window.Worker = LazyWorker;
  }

  // What counts as starting a search. Listeners capture, so they run before Material's own.
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) startSearch();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") startSearch();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (/^[sSfF\/]$/.test(event.key)) startSearch();
  }, true);
  if (/[?&]q=/.test(location.search)) startSearch();

  // Text committed without a key-up. Material's search reads the field only on a key-up (and on
  // focus). An input method commits Chinese with `input` and `compositionend` events, and a tap on a
  // candidate (phone keyboards, 拼音 on iOS, 搜狗, Gboard) often sends no key-up after them, so the
  // panel would stay at "键入以开始搜索" until the next key. So when text is committed, the field
  // gets a key-up of its own: at the end of a composition, and on an input outside one (a paste,
  // dictation, a suggestion). A key-up that changes nothing is ignored by Material.
  var composing = false;
  function isSearchField(target) {
    return !!(target && target.classList && target.classList.contains("md-search__input"));
  }
  function committed(field) {
    startSearch();
    field.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified" }));
  }
  document.addEventListener("compositionstart", function (event) {
    if (isSearchField(event.target)) composing = true;
  }, true);
  document.addEventListener("compositionend", function (event) {
    if (!isSearchField(event.target)) return;
    composing = false;
    var field = event.target;
    // after the input event some browsers send right after compositionend
    setTimeout(function () { committed(field); }, 0);
  }, true);
  document.addEventListener("input", function (event) {
    if (isSearchField(event.target) && !composing && !event.isComposing) committed(event.target);
  }, true);
})();
