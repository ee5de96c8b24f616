// Installed before any page script (Playwright addInitScript) on the memory pages only: counts live
// timers and requests in flight, as test/element/hardening/lifecycle.test.ts does, by wrapping the page's own
// setTimeout / clearTimeout / setInterval / clearInterval and fetch. The bench's own waits use the
// unwrapped functions (window.__benchReal), so only the page's code (the widget, Lit) is counted.
(function () {
  var real = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
    fetch: window.fetch.bind(window),
  };
  var timeouts = new Set();
  var intervals = new Set();
  var created = { timeouts: 0, intervals: 0, fetches: 0 };
  var inFlight = 0;
  window.setTimeout = function (handler, ms) {
    var args = Array.prototype.slice.call(arguments, 2);
    var id = real.setTimeout(function () {
      timeouts.delete(id);
      if (typeof handler === 'function') handler.apply(window, args);
    }, ms);
    created.timeouts++;
    timeouts.add(id);
    return id;
  };
  window.clearTimeout = function (id) {
    timeouts.delete(id);
    real.clearTimeout(id);
  };
  window.setInterval = function (handler, ms) {
    var args = Array.prototype.slice.call(arguments, 2);
    var id = real.setInterval(function () {
      if (typeof handler === 'function') handler.apply(window, args);
    }, ms);
    created.intervals++;
    intervals.add(id);
    return id;
  };
  window.clearInterval = function (id) {
    intervals.delete(id);
    real.clearInterval(id);
  };
  window.fetch = function () {
    created.fetches++;
    inFlight++;
    var settle = function () {
      inFlight--;
    };
    var request = real.fetch.apply(window, arguments);
    request.then(settle, settle);
    return request;
  };
  window.__benchReal = real;
  window.__benchCounters = function () {
    return {
      liveTimeouts: timeouts.size,
      liveIntervals: intervals.size,
      fetchesInFlight: inFlight,
      created: { timeouts: created.timeouts, intervals: created.intervals, fetches: created.fetches },
    };
  };
})();
