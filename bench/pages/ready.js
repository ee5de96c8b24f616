// "Interactive", for the widget and the floor alike (a classic script: the cold-load pages inline it
// before any module runs). Both render the widget's part names, so one check serves both.
//   bind:     the phone input is there, neither disabled nor read-only, and nothing is busy
//   overview: the Change button is there and enabled, and nothing is busy
(function () {
  var part = function (el, name) {
    return el.shadowRoot ? el.shadowRoot.querySelector('[part~="' + name + '"]') : null;
  };
  var busy = function (el) {
    var base = part(el, 'base');
    return !!base && base.getAttribute('aria-busy') === 'true';
  };
  var READY = {
    bind: function (el) {
      var input = part(el, 'phone-input');
      return !!input && !input.disabled && !input.readOnly && !busy(el);
    },
    overview: function (el) {
      var button = part(el, 'change-button');
      return !!button && !button.disabled && button.getAttribute('aria-disabled') !== 'true' && !busy(el);
    },
  };
  /**
   * Resolves once `predicate(el)` holds, checking now and after every change in the element's shadow
   * root (a MutationObserver: its callback runs right after the render that made the change).
   */
  function waitFor(el, predicate, what, timeoutMs, setTimer, clearTimer) {
    if (el.shadowRoot && predicate(el)) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var observer = new MutationObserver(function () {
        if (predicate(el)) {
          done();
          resolve();
        }
      });
      var timer = (setTimer || setTimeout)(function () {
        done();
        var shown = el.shadowRoot ? (el.shadowRoot.textContent || '').replace(/\s+/g, ' ').trim() : '(no shadow root)';
        reject(new Error(what + ': not reached within ' + (timeoutMs || 5000) + ' ms; shows: ' + shown.slice(0, 300)));
      }, timeoutMs || 5000);
      function done() {
        observer.disconnect();
        (clearTimer || clearTimeout)(timer);
      }
      observer.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }
  window.benchReady = { READY: READY, part: part, busy: busy, waitFor: waitFor };
})();
