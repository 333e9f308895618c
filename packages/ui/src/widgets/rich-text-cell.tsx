import { Typography } from 'antd';
import { useMemo } from 'react';
import { richTextExcerpt } from './rich-text-values';

/** A rich text value in a table: one line of its plain text (the start of it on hover). No HTML is parsed here. */
export function RichTextCell({ html }: { html: string }) {
  const text = useMemo(() => richTextExcerpt(html), [html]);
  if (text === '') return null;
  return (
    <Typography.Text ellipsis title={text} style={{ maxWidth: 240 }}>
      {text}
    </Typography.Text>
  );
}
