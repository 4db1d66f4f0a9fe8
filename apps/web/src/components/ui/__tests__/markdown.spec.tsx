import { builtInModules } from '@countersign/curriculum';
import { MantineProvider } from '@mantine/core';
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown, safeLinkUrl } from '../markdown';

/** The HTML a browser would receive for `text` (no theme CSS, so only the component's markup). */
function render(text: string): string {
  return renderToStaticMarkup(
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <Markdown text={text} />
    </MantineProvider>,
  );
}

/** Elements the renderer may emit: the Markdown subset, Mantine's wrappers and the external-link icon. */
const expectedTags = new Set([
  'div',
  'p',
  'br',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'a',
  'span',
  'blockquote',
  'hr',
]);
const iconTags = new Set(['svg', 'path']);

/**
 * Nothing in `html` could run script or load anything. Authored text is escaped (`<` becomes `&lt;`),
 * so every literal `<` starts an element the renderer chose to emit: check each one.
 */
function expectInert(html: string) {
  expect(html).not.toMatch(/<(script|iframe|img|object|embed|style|form|input|link|meta|base)\b/i);
  for (const [tag, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect({ tag, allowed: expectedTags.has(name) || iconTags.has(name) }).toEqual({ tag, allowed: true });
    // Event handlers (onclick=…) and anything that loads a resource.
    expect(attributes).not.toMatch(/\son[a-z]+\s*=/i);
    expect(attributes).not.toMatch(/\s(src|srcset|action|formaction|xlink:href)\s*=/i);
    expect(attributes).not.toMatch(/url\(|expression\(/i);
    const href = /\shref="([^"]*)"/.exec(attributes)?.[1];
    if (href !== undefined) expect(href).toMatch(/^(https?:|mailto:)/i);
  }
  expect(html).not.toMatch(/href="\s*javascript:/i);
}

describe('Markdown', () => {
  it('renders paragraphs, bold, italic and line breaks', () => {
    const html = render('Hello **bold** and *italic*.\nSecond line\n\nNew paragraph');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toMatch(/Second line/);
    expect(html).toMatch(/<br\/>\s*Second line/);
    expect(html.match(/<p\b/g)).toHaveLength(2);
  });

  it('renders bulleted and numbered lists', () => {
    const html = render('- one\n- two\n\n3. three\n4. four');
    expect(html).toMatch(/<ul\b[^>]*>.*<li\b[^>]*>.*one.*<\/li>.*<li\b[^>]*>.*two/s);
    expect(html).toMatch(/<ol\b[^>]*start="3"[^>]*>.*three/s);
  });

  it('keeps plain text that predates Markdown readable: bullets, URLs and single newlines', () => {
    const html = render('Three things:\n• First\n• Second\nProfile: https://www.linkedin.example/in/x');
    expect(html.replace(/\n/g, '')).toContain(
      'Three things:<br/>• First<br/>• Second<br/>Profile: https://www.linkedin.example/in/x',
    );
  });

  it('shows headings as bold text, not as page headings', () => {
    const html = render('# Big title\n\nBody');
    expect(html).not.toMatch(/<h[1-6]/);
    expect(html).toContain('Big title');
  });

  it('opens http(s) and mailto links in a new tab, marked as external', () => {
    const html = render(
      '[CPNI](https://www.npsa.gov.uk/think-before-you-link) or [mail](mailto:security@example.com)',
    );
    const anchors = [...html.matchAll(/<a\b[^>]*>/g)].map(([tag]) => tag);
    expect(anchors).toHaveLength(2);
    for (const tag of anchors) {
      expect(tag).toContain('target="_blank"');
      expect(tag).toContain('rel="noopener noreferrer"');
    }
    expect(anchors[0]).toContain('href="https://www.npsa.gov.uk/think-before-you-link"');
    expect(anchors[1]).toContain('href="mailto:security@example.com"');
    expect(html).toContain('(opens in a new tab)');
  });

  it('shows raw HTML as literal text, never as elements', () => {
    const html = render('Is <b>this</b> bold? <script>alert(1)</script>');
    expect(html).toMatch(
      /<p\b[^>]*>Is &lt;b&gt;this&lt;\/b&gt; bold\? &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/,
    );
    expectInert(html);
  });

  it('shows an HTML block as a paragraph of literal text, styled like the text around it', () => {
    const html = render('Before\n\n<div onclick="x()">\n<script>alert(1)</script>\n</div>\n\nAfter');
    expect(html).toMatch(
      /<p\b[^>]*>&lt;div onclick=&quot;x\(\)&quot;&gt;<br\/>\s*&lt;script&gt;alert\(1\)&lt;\/script&gt;<br\/>\s*&lt;\/div&gt;<\/p>/,
    );
    expect(html.match(/<p\b/g)).toHaveLength(3);
    expectInert(html);
  });

  it.each([
    ['script element', '<script>alert(1)</script>'],
    ['script block', '<script>\nalert(1)\n</script>\n\ntext'],
    ['img with onerror', '<img src=x onerror=alert(1)>'],
    ['anchor with javascript: href', '<a href="javascript:alert(1)">click</a>'],
    ['Markdown link to javascript:', '[x](javascript:alert(1))'],
    ['Markdown link to JaVaScRiPt: with spaces', '[x]( JaVaScRiPt:alert(1) )'],
    ['Markdown link to encoded javascript:', '[x](javascript&#58;alert(1))'],
    ['Markdown link to data:', '[x](data:text/html,<script>alert(1)</script>)'],
    ['Markdown link to vbscript:', '[x](vbscript:msgbox(1))'],
    ['autolink to javascript:', '<javascript:alert(1)>'],
    ['reference link to javascript:', '[x][evil]\n\n[evil]: javascript:alert(1)'],
    ['Markdown image', '![alt](https://example.com/x.png "t")'],
    ['Markdown image with javascript:', '![x](javascript:alert(1))'],
    ['iframe', '<iframe src="https://example.com"></iframe>'],
    ['event handler attribute', '<div onclick="alert(1)" onmouseover=alert(1)>hi</div>'],
    ['svg onload', '<svg onload=alert(1)>'],
    ['style with url()', '<p style="background:url(javascript:alert(1))">x</p>'],
  ])('never lets through a %s', (_name, text) => {
    expectInert(render(text));
  });

  it('refuses relative and unknown-protocol links, keeping their text', () => {
    for (const href of ['/admin', 'www.example.com', 'ftp://example.com', 'file:///etc/passwd']) {
      const html = render(`[label](${href})`);
      expect(html).not.toContain('<a');
      expect(html).toContain('label');
    }
  });

  it('safeLinkUrl keeps only http(s) and mailto', () => {
    expect(safeLinkUrl('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(safeLinkUrl('HTTP://example.com')).toBe('HTTP://example.com');
    expect(safeLinkUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeLinkUrl('javascript:alert(1)')).toBe('');
    expect(safeLinkUrl('data:text/html,x')).toBe('');
    expect(safeLinkUrl('/relative')).toBe('');
  });

  it('keeps its invariants for any mix of HTML and Markdown fragments', () => {
    const fragment = fc.constantFrom(
      '<script>',
      '</script>',
      'alert(1)',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">',
      '</a>',
      '<iframe src=//x>',
      '<svg/onload=alert(1)>',
      ' onclick=alert(1) ',
      '"',
      "'",
      '>',
      '<',
      '[x](',
      '](',
      ')',
      'javascript:',
      'JaVaScRiPt:',
      'data:text/html,',
      'vbscript:',
      '&#106;avascript:',
      '![i](',
      '**',
      '*',
      '_',
      '- ',
      '1. ',
      '> ',
      '# ',
      '`',
      '    ',
      '\n',
      '\n\n',
      'https://example.com',
      'mailto:a@b.example',
      '<https://example.com>',
      '[ref]: javascript:alert(1)\n',
      '[ref]',
    );
    const text = fc
      .array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (source) => {
        expectInert(render(source));
      }),
      { numRuns: 400 },
    );
  });

  it('shows every built-in text, written before Markdown, word for word and without new structure', () => {
    const fields = new Set(['narrative', 'feedback', 'debrief', 'about', 'body']);
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, field] of Object.entries(value)) {
          if (fields.has(key) && typeof field === 'string') texts.push(field);
          else collect(field);
        }
      }
    };
    collect(builtInModules);
    expect(texts.length).toBeGreaterThan(100);
    const entities: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&#x27;': "'",
    };
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const text of texts) {
      const html = render(text);
      expect(html).not.toMatch(/<(ul|ol|blockquote|pre|hr|a|strong|em)\b/);
      const shown = html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&(amp|lt|gt|quot|#x27);/g, (entity) => entities[entity]);
      expect(words(shown)).toBe(words(text));
    }
  });
});
