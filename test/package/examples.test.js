// The examples' own tests, run with the Node tests so `npm test` counts them: examples/account-page binds
// and changes a phone through the built widget in Chromium, against the emulator, as a host's CI would.
// (Needs the build, which scripts/test.mjs makes first, and Chromium: CHROMIUM_BIN or /usr/bin/chromium.)
import '../../examples/account-page/account-page.test.mjs';
