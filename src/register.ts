import { AuthingPhoneManager } from './authing-phone-manager.js';

export const TAG_NAME = 'authing-phone-manager';

/**
 * Registers the element as `tag` in `registry` unless that name is taken there, and returns what
 * the name stands for. Two versions on one page (micro-frontends) can each use a tag of their own,
 * or a scoped registry. A constructor is registered once per registry, so a second name gets a
 * subclass of its own.
 */
export function define(tag: string = TAG_NAME, registry: CustomElementRegistry = customElements): CustomElementConstructor {
  const existing = registry.get(tag);
  if (existing) return existing;
  try {
    registry.define(tag, AuthingPhoneManager);
    return AuthingPhoneManager;
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'NotSupportedError') throw error;
    const element = class extends AuthingPhoneManager {};
    registry.define(tag, element);
    return element;
  }
}
