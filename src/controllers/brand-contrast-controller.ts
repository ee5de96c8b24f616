import type { ReactiveController, ReactiveElement } from 'lit';

type Rgb = [number, number, number];

/** `#rgb`, `#rrggbb` or `rgb(r g b)` / `rgb(r, g, b)`; anything else is left to the host. */
export function parseColor(value: string): Rgb | undefined {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(text);
  return rgb ? (rgb.slice(1, 4).map(Number) as Rgb) : undefined;
}

/** WCAG 2 relative luminance. */
const luminance = (rgb: Rgb): number => {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrast = (a: Rgb, b: Rgb): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * The brand colour as text on `background`: itself when it reads (4.5:1), else the nearest shade of it
 * that does, mixed toward black on a light background and toward white on a dark one.
 */
export function readableText(brand: Rgb, background: Rgb): Rgb {
  const toward: Rgb = luminance(background) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 20; step++) {
    const mixed = brand.map((v, i) => Math.round(v + ((toward[i]! - v) * step) / 20)) as Rgb;
    if (contrast(mixed, background) >= 4.5) return mixed;
  }
  return toward;
}

/** The backgrounds the themes assume: the widget is transparent, on a light page or a dark one. */
const LIGHT: Rgb = [255, 255, 255];
const DARK: Rgb = [17, 24, 39];

/**
 * Watches the host's brand colour (`--authing-color-primary`) and, when it is too light (or dark) to
 * read as text, gives the widget a readable shade of it for text (WeChat green #07c160 is 2.3:1 on
 * white). Buttons filled with it keep the colour itself.
 */
export class BrandContrastController implements ReactiveController {
  /** The shade to use for text, or undefined when the brand colour reads as it is. */
  textColor?: string;
  private readonly host: ReactiveElement;
  private readonly theme: () => string;
  private seen = '';
  private base?: HTMLElement;

  /** `theme`: `light`, `dark`, or `auto` to follow the system. */
  constructor(host: ReactiveElement, theme: () => string) {
    this.host = host;
    this.theme = theme;
    host.addController(this);
  }

  private dark(): boolean {
    const theme = this.theme();
    return theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  }

  hostUpdated(): void {
    const brand = getComputedStyle(this.host).getPropertyValue('--authing-color-primary');
    const base = this.host.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
    const key = `${brand}|${this.dark()}`;
    if (!base || (key === this.seen && base === this.base)) return;
    this.seen = key;
    this.base = base;
    const rgb = parseColor(brand);
    const background = this.dark() ? DARK : LIGHT;
    this.textColor = rgb && contrast(rgb, background) < 4.5 ? `rgb(${readableText(rgb, background).join(' ')})` : undefined;
    // Through the CSSOM, not a style attribute: a strict CSP (style-src without 'unsafe-inline') allows it.
    if (this.textColor) base.style.setProperty('--_primary-text', this.textColor);
    else base.style.removeProperty('--_primary-text');
  }
}
