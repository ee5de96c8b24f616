// Loaded first by every CSP page, as a same-origin classic script (no inline script is allowed):
// records every CSP / Trusted Types violation and every uncaught error of the page, for the test
// in the parent frame to read.
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
});
window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
