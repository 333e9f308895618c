import { describe, expect, it } from 'vitest';
import { isKeptLink, linkHref, richTextExcerpt } from './rich-text-values';

describe('rich text excerpt', () => {
  it('reads as text: markup gone, blocks apart, entities decoded', () => {
    expect(richTextExcerpt('<h2>Visit</h2><p><strong>Bold</strong>&nbsp;and <em>more</em></p><ul><li><p>one</p></li><li><p>two</p></li></ul>')).toBe(
      'Visit Bold and more one two',
    );
    expect(richTextExcerpt('<p>a &lt;script&gt; &amp; &#39;b&#39; &#x4e2d;&#25991;</p>')).toBe("a <script> & 'b' 中文");
    expect(richTextExcerpt('<p>line<br>break</p>')).toBe('line break');
    expect(richTextExcerpt('<p></p>')).toBe('');
  });

  it('keeps unknown entities and cuts long text', () => {
    expect(richTextExcerpt('<p>&bogus; &#0;</p>')).toBe('&bogus; &#0;');
    expect(richTextExcerpt(`<p>${'字'.repeat(300)}</p>`, 10)).toBe(`${'字'.repeat(10)}…`);
  });
});

describe('link href', () => {
  it('accepts web, mail and phone links, adding the scheme people leave out', () => {
    expect(linkHref(' https://example.com/a?b=1 ')).toBe('https://example.com/a?b=1');
    expect(linkHref('example.com/path')).toBe('https://example.com/path');
    expect(linkHref('example.com:8080')).toBe('https://example.com:8080');
    expect(linkHref('wang.wei@example.com')).toBe('mailto:wang.wei@example.com');
    expect(linkHref('mailto:li@example.com')).toBe('mailto:li@example.com');
    expect(linkHref('+86 138 0013 8000')).toBe('tel:+8613800138000');
  });

  it('refuses what the server would strip or what is no link at all', () => {
    expect(linkHref('javascript:alert(1)')).toBeNull();
    expect(linkHref('JavaScript:alert(1)')).toBeNull();
    expect(linkHref('data:text/html,<b>x</b>')).toBeNull();
    expect(linkHref('ftp://example.com')).toBeNull();
    expect(linkHref('http://')).toBeNull();
    expect(linkHref('just words')).toBeNull();
    expect(linkHref('localhost')).toBeNull();
    expect(linkHref('')).toBeNull();
  });

  it('keeps pasted links only with the schemes the server keeps', () => {
    expect(isKeptLink('https://example.com')).toBe(true);
    expect(isKeptLink('TEL:+86123')).toBe(true);
    expect(isKeptLink('javascript:alert(1)')).toBe(false);
    expect(isKeptLink('//evil.example')).toBe(false);
  });
});
