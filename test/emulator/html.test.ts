import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createHtmlService } from '../../emulator/services/html';

function setup(files: Record<string, string> = {}, globals: object = {}) {
  const ctx = createContext();
  return { ctx, HtmlService: createHtmlService(ctx, files, globals).HtmlService };
}

// https://developers.google.com/apps-script/reference/html/html-output
test('HtmlOutput keeps content, title, size, favicon and meta tags, and chains', () => {
  const { HtmlService } = setup();
  const page = HtmlService.createHtmlOutput('<p>a</p>')
    .append('<p>b</p>')
    .setTitle('协作台')
    .setWidth(300)
    .setHeight(500)
    .setFaviconUrl('https://example.com/icon.png')
    .addMetaTag('viewport', 'width=device-width')
    .setSandboxMode(HtmlService.SandboxMode.IFRAME)
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
  assert.equal(page.getContent(), '<p>a</p><p>b</p>');
  assert.equal(page.getTitle(), '协作台');
  assert.equal(page.getWidth(), 300);
  assert.equal(page.getHeight(), 500);
  assert.equal(page.getFaviconUrl(), 'https://example.com/icon.png');
  assert.deepEqual(
    page.getMetaTags().map((t) => [t.getName(), t.getContent()]),
    [['viewport', 'width=device-width']],
  );
});

// https://developers.google.com/apps-script/reference/html/html-output#appenduntrustedaddedcontent
test('appendUntrusted escapes what it adds', () => {
  const page = setup().HtmlService.createHtmlOutput('<b>ok</b>').appendUntrusted('<script>x</script>');
  assert.equal(page.getContent(), '<b>ok</b>&lt;script&gt;x&lt;/script&gt;');
});

// https://developers.google.com/apps-script/reference/html/html-service#createhtmloutputfromfilefilename
// message: https://github.com/RayBB/easy-gmail-scheduler/issues/4
test('createHtmlOutputFromFile reads a project file, with or without .html, and names a missing one', () => {
  const { HtmlService } = setup({ Sidebar: '<h1>Hi</h1>' });
  assert.equal(HtmlService.createHtmlOutputFromFile('Sidebar').getContent(), '<h1>Hi</h1>');
  assert.equal(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent(), '<h1>Hi</h1>');
  assert.throws(() => HtmlService.createHtmlOutputFromFile('Index'), {
    message: 'No HTML file named Index was found.',
  });
});

// https://developers.google.com/apps-script/guides/html/templates (printing scriptlets escape, force-printing do not)
test('templates print escaped with <?= ?> and raw with <?!= ?>, reading template properties', () => {
  const template = setup().HtmlService.createTemplate('<p><?= name ?></p><?!= badge ?>');
  template.name = '<李雷 & 韩梅梅>';
  template.badge = '<b>new</b>';
  assert.equal(template.evaluate().getContent(), '<p>&lt;李雷 &amp; 韩梅梅&gt;</p><b>new</b>');
});

// https://developers.google.com/apps-script/guides/html/templates#standard_scriptlets
test('standard scriptlets run code, such as loops, between printed parts', () => {
  const template = setup().HtmlService.createTemplate(
    '<ul><? for (const t of tasks) { ?><li><?= t ?></li><? } ?></ul>',
  );
  template.tasks = ['方案', '培训'];
  assert.equal(template.evaluate().getContent(), '<ul><li>方案</li><li>培训</li></ul>');
});

// https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript (include pattern)
test('templates from files can call script globals such as include()', () => {
  const files = { Page: '<?!= include("Style") ?><div>x</div>', Style: '<style>p{}</style>' };
  const { HtmlService } = setup(files, {
    include: (name: string) => HtmlService.createHtmlOutputFromFile(name).getContent(),
  });
  assert.equal(HtmlService.createTemplateFromFile('Page').evaluate().getContent(), '<style>p{}</style><div>x</div>');
});

// https://developers.google.com/apps-script/reference/html/sandbox-mode
test('enums print their names', () => {
  const { HtmlService } = setup();
  assert.equal(String(HtmlService.SandboxMode.IFRAME), 'IFRAME');
  assert.equal(String(HtmlService.XFrameOptionsMode.ALLOWALL), 'ALLOWALL');
});

test('every call is counted', () => {
  const { ctx, HtmlService } = setup();
  HtmlService.createHtmlOutput('x').setTitle('t');
  assert.equal(ctx.calls.count('HtmlService.createHtmlOutput'), 1);
  assert.equal(ctx.calls.count('HtmlOutput.setTitle'), 1);
});
