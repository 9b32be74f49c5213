/**
 * Obsidian adds `createEl`, `createDiv`, `empty`, `setText`… to every HTMLElement. The fake and
 * the browser screenshot page install the same small subset so view code runs unchanged.
 */
export interface DomInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

type Callback = (el: HTMLElement) => void;

function applyInfo(doc: Document, el: HTMLElement, info: DomInfo | string | undefined): void {
  if (info === undefined) return;
  if (typeof info === 'string') {
    el.className = info;
    return;
  }
  if (info.cls !== undefined) {
    for (const c of Array.isArray(info.cls) ? info.cls : info.cls.split(' ')) if (c) el.classList.add(c);
  }
  if (info.text !== undefined) {
    if (typeof info.text === 'string') el.textContent = info.text;
    else el.appendChild(info.text);
  }
  if (info.attr) {
    for (const [k, v] of Object.entries(info.attr)) {
      if (v === null || v === false) continue;
      el.setAttribute(k, String(v));
    }
  }
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined) el.setAttribute('type', info.type);
  if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder);
  if (info.href !== undefined) el.setAttribute('href', info.href);
  void doc;
}

/** Installs the helpers on `proto` (an HTMLElement prototype of some window). */
export function installDomHelpers(win: { HTMLElement: { prototype: HTMLElement }; document: Document }): void {
  const proto = win.HTMLElement.prototype as unknown as Record<string, unknown>;
  if (typeof proto['createEl'] === 'function') return;
  function createEl(this: HTMLElement, tag: string, info?: DomInfo | string, cb?: Callback): HTMLElement {
    const doc = this.ownerDocument ?? win.document;
    const el = doc.createElement(tag);
    applyInfo(doc, el, info);
    if (typeof info === 'object' && info.prepend) this.prepend(el);
    else this.appendChild(el);
    cb?.(el);
    return el;
  }
  proto['createEl'] = createEl;
  proto['createDiv'] = function (this: HTMLElement, info?: DomInfo | string, cb?: Callback) {
    return createEl.call(this, 'div', info, cb);
  };
  proto['createSpan'] = function (this: HTMLElement, info?: DomInfo | string, cb?: Callback) {
    return createEl.call(this, 'span', info, cb);
  };
  proto['empty'] = function (this: HTMLElement) {
    while (this.firstChild) this.removeChild(this.firstChild);
  };
  proto['setText'] = function (this: HTMLElement, text: string) {
    this.textContent = text;
  };
  proto['addClass'] = function (this: HTMLElement, ...cls: string[]) {
    this.classList.add(...cls);
  };
  proto['removeClass'] = function (this: HTMLElement, ...cls: string[]) {
    this.classList.remove(...cls);
  };
  proto['toggleClass'] = function (this: HTMLElement, cls: string, on: boolean) {
    this.classList.toggle(cls, on);
  };
  proto['hasClass'] = function (this: HTMLElement, cls: string) {
    return this.classList.contains(cls);
  };
  proto['setAttr'] = function (this: HTMLElement, k: string, v: string | number | boolean | null) {
    if (v === null) this.removeAttribute(k);
    else this.setAttribute(k, String(v));
  };
}
