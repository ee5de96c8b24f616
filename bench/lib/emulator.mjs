// The Authing emulator, in-process on a port of its own (so the page's calls are cross-origin, as
// against real Authing), with every SMS code fixed to CODE.
//
// The emulator has no option for a fixed code, so the bench wraps issueCode on the live state (the
// README's documented `emulator.state` escape hatch): the code is still issued, stored, checked and
// consumed by the emulator's own rules, and the outbox shows it. This keeps a code lookup (an extra
// request per SMS, or a round trip to Node) out of the timed flows.
import { startEmulator } from '../../emulator/index.js';
import { codeKey } from '../../emulator/state.js';
import { CODE } from '../pages/scenario.js';

export async function startBenchEmulator() {
  const running = await startEmulator({ port: 0, host: '127.0.0.1' });
  const { state } = running.emulator;
  const issue = state.issueCode.bind(state);
  state.issueCode = (to, textOf) => {
    const sms = issue(to, textOf);
    const stored = state.codes.get(codeKey(to.phoneCountryCode, to.phoneNumber, to.channel));
    if (!stored || stored.code !== sms.code) throw new Error('bench: the emulator stores codes differently than expected');
    stored.code = CODE;
    sms.code = CODE;
    sms.text = textOf(CODE);
    return sms;
  };
  return running;
}
