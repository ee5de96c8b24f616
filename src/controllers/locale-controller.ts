import type { ReactiveController, ReactiveElement } from 'lit';
import { CATALOGS, resolveLang, type Lang, type Messages } from '../i18n/index.js';

/** Strings a host replaces: any top-level string or function, and any error message. */
export type MessageOverrides = Partial<Omit<Messages, 'errors'>> & { errors?: Partial<Messages['errors']> };

/**
 * The widget's language: its own `lang`, else the nearest ancestor's (across shadow roots) or the
 * document's, else the browser's, else en-US. Resolved on every update, so a change applies at once.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly explicit: () => string | undefined;
  private readonly overrides: () => MessageOverrides | undefined;
  lang: Lang = 'en-US';

  /** `explicit` reads the host's own `lang` property, which may be set without the attribute. */
  constructor(host: ReactiveElement, explicit: () => string | undefined, overrides: () => MessageOverrides | undefined) {
    this.host = host;
    this.explicit = explicit;
    this.overrides = overrides;
    host.addController(this);
  }

  get messages(): Messages {
    const base = CATALOGS[this.lang];
    const custom = this.overrides();
    return custom
      ? { ...base, ...custom, errors: { ...base.errors, ...custom.errors }, regions: { ...base.regions, ...custom.regions } }
      : base;
  }

  hostConnected(): void {
    this.resolve();
  }

  hostUpdate(): void {
    this.resolve();
  }

  private resolve(): void {
    this.lang =
      resolveLang(this.explicit()) ??
      resolveLang(inheritedLang(this.host)) ??
      (typeof navigator === 'undefined' ? undefined : (navigator.languages ?? [navigator.language]).map(resolveLang).find(Boolean)) ??
      'en-US';
  }
}

const parentOf = (node: Element): Element | null => node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);

function inheritedLang(host: Element): string | undefined {
  for (let node = parentOf(host); node; node = parentOf(node)) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
  }
  return undefined;
}
