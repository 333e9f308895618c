import { describe, expect, it } from 'vitest';
import { commentHtml, relativeTime } from './comment-format';

describe('commentHtml', () => {
  it('escapes markup so it reads back as typed', () => {
    expect(commentHtml('a < b && c > d <script>x</script>')).toBe('<p>a &lt; b &amp;&amp; c &gt; d &lt;script&gt;x&lt;/script&gt;</p>');
  });

  it('keeps line breaks and trims the ends', () => {
    expect(commentHtml('  first\nsecond\r\nthird \n')).toBe('<p>first<br>second<br>third</p>');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');

  it('counts back in the largest whole unit', () => {
    expect(relativeTime('2025-03-10T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2025-03-10T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2025-03-09T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2025-03-10T11:55:00Z', now, 'zh-CN')).toBe('5分钟前');
  });

  it('says now for the last minute and for a clock running slightly ahead', () => {
    expect(relativeTime('2025-03-10T11:59:40Z', now, 'en')).toBe('now');
    expect(relativeTime('2025-03-10T12:00:05Z', now, 'en')).toBe('now');
  });
});
