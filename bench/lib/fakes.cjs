// Tiny stand-ins for the `obsidian` and `vscode` modules: every member is a no-op that returns
// something callable, so a host's onload()/activate() runs its real registration code.
'use strict';
const noop = () => {};
function fakeValue(name) {
  const fn = function () {
    return fakeValue(name);
  };
  return new Proxy(fn, {
    get(_t, k) {
      if (k === 'then') return undefined;
      if (k === Symbol.toPrimitive) return () => '';
      if (k === Symbol.iterator) return function* () {};
      if (k === 'length') return 0;
      return fakeValue(`${name}.${String(k)}`);
    },
    apply: () => fakeValue(name),
    construct: () => fakeValue(name),
  });
}
class Base {
  constructor(app) {
    this.app = app ?? fakeApp();
    // Unknown members (EventEmitter.event, View.containerEl, …) resolve to callable fakes.
    return new Proxy(this, { get: (t, k) => (k in t || typeof k === 'symbol' || k === 'then' ? t[k] : fakeValue(String(k))) });
  }
}
const BaseProxy = new Proxy(Base, { get: (t, k) => (k in t ? t[k] : noop) });
function fakeApp() {
  return {
    workspace: { onLayoutReady: noop, on: () => ({}), getActiveFile: () => null, getLeavesOfType: () => [], detachLeavesOfType: noop, getActiveViewOfType: () => null },
    vault: { on: () => ({}), getMarkdownFiles: () => [], cachedRead: async () => '', getAbstractFileByPath: () => null },
    metadataCache: { on: () => ({}), getFileCache: () => null },
  };
}
function pluginClass() {
  return class Plugin {
    constructor(app, manifest) {
      this.app = app;
      this.manifest = manifest;
    }
    loadData() {
      return Promise.resolve(undefined);
    }
    saveData() {
      return Promise.resolve();
    }
    addStatusBarItem() {
      return fakeValue('statusBar');
    }
    addRibbonIcon() {
      return fakeValue('ribbon');
    }
  };
}
function moduleFake(name, extra) {
  return new Proxy(extra, {
    get(t, k) {
      if (k in t) return t[k];
      if (k === '__esModule') return false;
      if (typeof k === 'string' && /^[A-Z]/.test(k)) return (t[k] = new Proxy(class extends Base {}, { get: (c, m) => (m in c ? c[m] : fakeValue(`${name}.${k}.${String(m)}`)) }));
      return fakeValue(`${name}.${String(k)}`);
    },
  });
}
const PluginBase = pluginClass();
// Members a Plugin subclass calls on `this` that the base above does not define: all no-ops.
for (const m of ['registerView', 'addCommand', 'addSettingTab', 'registerDomEvent', 'registerEvent', 'registerInterval', 'register', 'registerMarkdownPostProcessor', 'registerEditorExtension', 'addChild', 'load', 'unload', 'onunload', 'registerObsidianProtocolHandler', 'registerExtensions', 'registerHoverLinkSource', 'registerEditorSuggest', 'registerMarkdownCodeBlockProcessor']) {
  if (!(m in PluginBase.prototype)) PluginBase.prototype[m] = () => fakeValue(m);
}
module.exports = {
  obsidian: () => moduleFake('obsidian', { Plugin: PluginBase, moment: fakeValue('moment'), Platform: { isMobile: false, isDesktop: true } }),
  vscode: () => moduleFake('vscode', {}),
  fakeApp,
  fakeValue,
  BaseProxy,
};
