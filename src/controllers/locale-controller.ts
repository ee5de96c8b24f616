import type { ReactiveController, ReactiveElement } from 'lit';
import { CATALOGS, resolveLang, type Lang, type Messages } from '../i18n/index.js';

/**
 * The widget's language: its own `lang` attribute, else the nearest ancestor's or the document's,
 * else the browser's, else en-US. Resolved on every update so a changed attribute applies at once.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly explicit: () => string | undefined;
  lang: Lang = 'en-US';

  /** `explicit` reads the host's own `lang` property, which may be set without the attribute. */
  constructor(host: ReactiveElement, explicit: () => string | undefined) {
    this.host = host;
    this.explicit = explicit;
    host.addController(this);
  }

  get messages(): Messages {
    return CATALOGS[this.lang];
  }

  hostConnected(): void {
    this.resolve();
  }

  hostUpdate(): void {
    this.resolve();
  }

  private resolve(): void {
    const fromTree = this.host.parentElement?.closest('[lang]')?.getAttribute('lang');
    this.lang =
      resolveLang(this.explicit()) ??
      resolveLang(fromTree) ??
      (typeof navigator === 'undefined' ? undefined : navigator.languages?.map(resolveLang).find(Boolean)) ??
      'en-US';
  }
}
