import { Task } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Lang, Messages } from '../i18n/messages.js';
import { DEFAULT_LANG, loadTranslation, resolveLang, translationOf } from '../i18n/registry.js';

/** Strings a host replaces: any top-level string or function, and any error message. */
export type MessageOverrides = Partial<Omit<Messages, 'errors'>> & { errors?: Partial<Messages['errors']> };

/**
 * The widget's language: its own `lang`, else the nearest ancestor's (across shadow roots) or the
 * document's, else the browser's, else en-US. Resolved on every update, so a change applies at once.
 *
 * A language that is not registered yet is loaded (in parallel with the profile request). Until it is
 * there the widget keeps what it showed, or shows nothing on its first render: never another
 * language's words for a moment. When it cannot load, the widget shows {@link DEFAULT_LANG}.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly explicit: () => string | undefined;
  private readonly overrides: () => MessageOverrides | undefined;
  /** The language shown (and sent to Authing); while a first catalog loads, the one on its way. */
  lang: Lang = DEFAULT_LANG;
  private catalog?: Messages;
  /** Languages that failed to load for this widget: it shows the default rather than asking again. */
  private readonly failed = new Set<Lang>();
  /**
   * Loads a language that is not registered yet; pending while it loads. It runs only when asked (a
   * registered language needs no round through a promise), and its completion re-renders the host.
   */
  readonly loading: Task<[Lang], Lang>;
  /** The language the last load was asked for. */
  private asked?: Lang;

  /** `explicit` reads the host's own `lang` property, which may be set without the attribute. */
  constructor(host: ReactiveElement, explicit: () => string | undefined, overrides: () => MessageOverrides | undefined) {
    this.host = host;
    this.explicit = explicit;
    this.overrides = overrides;
    host.addController(this);
    this.loading = new Task(host, {
      autoRun: false,
      task: async ([lang]: [Lang]) => {
        if (!(await loadTranslation(lang))) this.failed.add(lang);
        return lang;
      },
    });
  }

  /** The words to show, or undefined while the first catalog loads. */
  get messages(): Messages | undefined {
    const base = this.catalog;
    const custom = this.overrides();
    return base && custom
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
    const wanted =
      resolveLang(this.explicit()) ??
      resolveLang(inheritedLang(this.host)) ??
      (typeof navigator === 'undefined' ? undefined : (navigator.languages ?? [navigator.language]).map(resolveLang).find(Boolean)) ??
      'en-US';
    const lang = this.failed.has(wanted) ? DEFAULT_LANG : wanted;
    const catalog = translationOf(lang);
    if (catalog) {
      this.lang = lang;
      this.catalog = catalog;
      return;
    }
    if (!this.catalog) this.lang = lang;
    if (this.asked === lang) return;
    this.asked = lang;
    void this.loading.run([lang]);
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
