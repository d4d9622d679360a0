/**
 * HtmlService: HtmlOutput pages for sidebars and dialogs, project HTML files, and templates with
 * <?= ?> (HTML-escaped), <?!= ?> (raw) and <? ?> (code) scriptlets.
 */
import { type EmulatorContext, gasError } from '../core';
import { createEnum, EmulatedBlob } from './utilities';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

const SandboxMode = createEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
const XFrameOptionsMode = createEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

export function escapeHtml(value: unknown): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  // The pattern matches only the keys above, so the fallback never applies.
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

class EmulatedHtmlOutput implements HtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;
  private faviconUrl = '';
  private readonly metaTags: { name: string; content: string }[] = [];
  /** Kept for inspection only: Apps Script now always serves IFRAME, whatever is set. */
  sandboxMode: GoogleAppsScript.HTML.SandboxMode = SandboxMode.IFRAME;
  xFrameOptionsMode: GoogleAppsScript.HTML.XFrameOptionsMode = XFrameOptionsMode.DEFAULT;

  constructor(
    private readonly service: EmulatedHtmlServiceState,
    private content: string,
  ) {}

  private record(method: string) {
    this.service.ctx.calls.record(`HtmlOutput.${method}`);
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.record('addMetaTag');
    this.metaTags.push({ name, content });
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this.record('append');
    this.content += addedContent;
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this.record('appendUntrusted');
    this.content += escapeHtml(addedContent);
    return this;
  }
  asTemplate(): HtmlTemplate {
    this.record('asTemplate');
    return new EmulatedHtmlTemplate(this.service, this.content);
  }
  clear(): HtmlOutput {
    this.record('clear');
    this.content = '';
    return this;
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.record('getAs');
    return this.toBlob().getAs(contentType);
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    this.record('getBlob');
    return this.toBlob();
  }
  getContent(): string {
    this.record('getContent');
    return this.content;
  }
  getFaviconUrl(): string {
    this.record('getFaviconUrl');
    return this.faviconUrl;
  }
  getHeight(): number {
    this.record('getHeight');
    return this.height;
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    this.record('getMetaTags');
    return this.metaTags.map((tag) => ({ getName: () => tag.name, getContent: () => tag.content }));
  }
  getTitle(): string {
    this.record('getTitle');
    return this.title;
  }
  getWidth(): number {
    this.record('getWidth');
    return this.width;
  }
  setContent(content: string): HtmlOutput {
    this.record('setContent');
    this.content = content;
    return this;
  }
  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.record('setFaviconUrl');
    this.faviconUrl = iconUrl;
    return this;
  }
  setHeight(height: number): HtmlOutput {
    this.record('setHeight');
    this.height = height;
    return this;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this.record('setSandboxMode');
    this.sandboxMode = mode;
    return this;
  }
  setTitle(title: string): HtmlOutput {
    this.record('setTitle');
    this.title = title;
    return this;
  }
  setWidth(width: number): HtmlOutput {
    this.record('setWidth');
    this.width = width;
    return this;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this.record('setXFrameOptionsMode');
    this.xFrameOptionsMode = mode;
    return this;
  }

  private toBlob(): GoogleAppsScript.Base.Blob {
    return new EmulatedBlob(this.service.ctx, Buffer.from(this.content, 'utf8'), 'text/html', this.title || null);
  }
}

/** Turns template text into JavaScript that pushes output pieces, as Apps Script compiles scriptlets. */
function compileTemplate(source: string): string {
  let code = '';
  let last = 0;
  for (const match of source.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    code += `__out.push(${JSON.stringify(source.slice(last, match.index))});\n`;
    const [whole, kind, inner = ''] = match;
    const body = inner.trim().replace(/;+$/, '');
    if (kind === '=') code += `__out.push(__escape(${body}));\n`;
    else if (kind === '!=') code += `__out.push(String((${body}) ?? ''));\n`;
    else code += `${inner}\n`;
    last = match.index + whole.length;
  }
  return code + `__out.push(${JSON.stringify(source.slice(last))});\n`;
}

class EmulatedHtmlTemplate implements HtmlTemplate {
  [propName: string]: any;

  // ES private fields, so that scriptlet variables named like them do not see them.
  readonly #service: EmulatedHtmlServiceState;
  readonly #source: string;

  constructor(service: EmulatedHtmlServiceState, source: string) {
    this.#service = service;
    this.#source = source;
  }

  evaluate(): HtmlOutput {
    this.#service.ctx.calls.record('HtmlTemplate.evaluate');
    const out: string[] = [];
    // Scriptlets see the template's properties first, then the script's globals.
    const run = new Function(
      '__globals',
      '__scope',
      '__out',
      '__escape',
      `with (__globals) { with (__scope) {\n${compileTemplate(this.#source)}} }`,
    );
    run(this.#service.scriptGlobals, this, out, escapeHtml);
    return new EmulatedHtmlOutput(this.#service, out.join(''));
  }
  getCode(): string {
    this.#service.ctx.calls.record('HtmlTemplate.getCode');
    return compileTemplate(this.#source);
  }
  getCodeWithComments(): string {
    this.#service.ctx.calls.record('HtmlTemplate.getCodeWithComments');
    return compileTemplate(this.#source);
  }
  getRawContent(): string {
    this.#service.ctx.calls.record('HtmlTemplate.getRawContent');
    return this.#source;
  }
}

interface EmulatedHtmlServiceState {
  readonly ctx: EmulatorContext;
  readonly scriptGlobals: object;
}

export type EmulatedHtmlService = Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
>;

/**
 * `files` maps HTML file names (without .html) to their text. `scriptGlobals` is what template
 * scriptlets can reach besides the template's own properties, e.g. an `include` function.
 */
export function createHtmlService(
  ctx: EmulatorContext,
  files: Readonly<Record<string, string>>,
  scriptGlobals: object = {},
): { HtmlService: EmulatedHtmlService } {
  const state: EmulatedHtmlServiceState = { ctx, scriptGlobals };
  const readFile = (filename: string) => {
    const name = filename.replace(/\.html$/, '');
    const file = Object.hasOwn(files, name) ? files[name] : undefined;
    if (file === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return file;
  };
  const text = (source: string | GoogleAppsScript.Base.BlobSource = '') =>
    typeof source === 'string' ? source : source.getBlob().getDataAsString();

  const HtmlService: EmulatedHtmlService = {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource) {
      ctx.calls.record('HtmlService.createHtmlOutput');
      return new EmulatedHtmlOutput(state, text(html));
    },
    createHtmlOutputFromFile(filename: string) {
      ctx.calls.record('HtmlService.createHtmlOutputFromFile');
      return new EmulatedHtmlOutput(state, readFile(filename));
    },
    createTemplate(html: string | GoogleAppsScript.Base.BlobSource) {
      ctx.calls.record('HtmlService.createTemplate');
      return new EmulatedHtmlTemplate(state, text(html));
    },
    createTemplateFromFile(filename: string) {
      ctx.calls.record('HtmlService.createTemplateFromFile');
      return new EmulatedHtmlTemplate(state, readFile(filename));
    },
  };
  return { HtmlService };
}
