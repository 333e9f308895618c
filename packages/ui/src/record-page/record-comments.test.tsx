import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../stores/auth-store';
import { useSessionStore } from '../stores/session-store';
import { commentText } from './comment-format';
import type { RecordComment } from './comments-api';
import { RecordComments } from './record-comments';

const ME = '11111111-1111-4111-8111-111111111111';
const COLLEAGUE = '22222222-2222-4222-8222-222222222222';
const people = [
  { id: ME, name: 'Wang Fang', email: 'wang@test.local', departmentId: null, active: true },
  { id: COLLEAGUE, name: 'Li Na', email: 'li@test.local', departmentId: null, active: true },
];

interface Sent {
  method: string;
  url: string;
  body: Record<string, unknown> | undefined;
}

/** The comment routes as the panel meets them, holding the comments; `changeBehind` rewrites one as another tab would. */
function fakeServer(start: RecordComment[]) {
  const comments = start.map((c) => ({ ...c }));
  const sent: Sent[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
      if (url.startsWith('/api/directory')) return json(people);
      if (method === 'GET') return json(comments);
      sent.push({ method, url, body });
      const comment = comments.find((c) => url.endsWith(`/comments/${c.id}`));
      if (!comment) return json({ code: 'comment.not_found', title: 'gone', status: 404 }, 404);
      if (body?.version !== comment.version) {
        const title = `This comment changed while you were editing it (now version ${comment.version}; you started from version ${String(body?.version)})`;
        return json({ code: 'comment.changed_since', title, status: 409 }, 409);
      }
      Object.assign(comment, { body: body.body, mentions: body.mentions, version: comment.version + 1, editedAt: '2026-12-07T10:05:00Z' });
      return json({ id: comment.id, version: comment.version });
    }),
  );
  const changeBehind = (id: string, html: string) => {
    const comment = comments.find((c) => c.id === id);
    if (comment) Object.assign(comment, { body: html, version: comment.version + 1, editedAt: '2026-12-07T10:03:00Z' });
  };
  return { sent, changeBehind };
}

const comment = (id: string, authorId: string, body: string, extra: Partial<RecordComment> = {}): RecordComment => ({
  id,
  authorId,
  body,
  mentions: [],
  createdAt: '2026-12-07T10:00:00Z',
  editedAt: null,
  version: 1,
  deleted: false,
  ...extra,
});

function signIn(isAdmin = false) {
  useAuthStore.setState({
    status: 'signed-in',
    me: { userId: ME, email: 'wang@test.local', name: 'Wang Fang', departmentId: null, isAdmin, locale: null, roles: {} },
  });
}

async function openPanel() {
  render(
    <App>
      <RecordComments appId="crm" objectId="customer" recordId="33333333-3333-4333-8333-333333333333" />
    </App>,
  );
  await waitFor(() => expect(screen.getAllByTestId('record-comment').length).toBeGreaterThan(0));
  return (text: string) => screen.getAllByTestId('record-comment').find((c) => c.textContent?.includes(text)) as HTMLElement;
}

const editBox = () => screen.getByTestId('record-comment-edit-text') as HTMLTextAreaElement;

beforeEach(() => {
  useSessionStore.getState().setLocale('en');
  signIn();
});
afterEach(() => vi.unstubAllGlobals());

describe('commentText', () => {
  it('reads a stored body back as the text that was typed', () => {
    expect(commentText('<p>a &lt; b &amp;&amp; c<br>second line</p>')).toBe('a < b && c\nsecond line');
    expect(commentText('<p>one</p><p>two</p>')).toBe('one\ntwo');
  });
});

describe('editing a comment in the record page', () => {
  it('offers Edit only on my own comments, Delete on mine, and shows a removed one as a placeholder', async () => {
    fakeServer([comment('c1', ME, '<p>Mine</p>'), comment('c2', COLLEAGUE, '<p>Theirs</p>'), comment('c3', COLLEAGUE, '', { deleted: true })]);
    const item = await openPanel();
    expect(within(item('Mine')).queryByTestId('record-comment-edit')).not.toBeNull();
    expect(within(item('Mine')).queryByTestId('record-comment-delete')).not.toBeNull();
    expect(within(item('Theirs')).queryByTestId('record-comment-edit')).toBeNull();
    expect(within(item('Theirs')).queryByTestId('record-comment-delete')).toBeNull();
    const removed = item('Comment deleted');
    expect(removed.dataset.deleted).toBe('true');
    expect(within(removed).queryByRole('button')).toBeNull();
  });

  it('lets an administrator remove a colleague’s comment but not rewrite it', async () => {
    signIn(true);
    fakeServer([comment('c2', COLLEAGUE, '<p>Theirs</p>')]);
    const item = await openPanel();
    expect(within(item('Theirs')).queryByTestId('record-comment-delete')).not.toBeNull();
    expect(within(item('Theirs')).queryByTestId('record-comment-edit')).toBeNull();
  });

  it('opens the comment’s own text in place; Esc leaves it unchanged and sends nothing', async () => {
    const { sent } = fakeServer([comment('c1', ME, '<p>Call &amp; confirm<br>today</p>')]);
    const item = await openPanel();
    fireEvent.click(within(item('Call')).getByTestId('record-comment-edit'));
    expect(editBox().value).toBe('Call & confirm\ntoday');
    fireEvent.change(editBox(), { target: { value: 'Something else' } });
    fireEvent.keyDown(editBox(), { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
    expect(screen.queryByTestId('record-comment-editor')).toBeNull();
    expect(item('Call').querySelector('.record-page-comment-body')?.innerHTML).toBe('<p>Call &amp; confirm<br>today</p>');
    expect(sent).toEqual([]);
  });

  it('saves from the version it started at and marks the comment edited, with the time in a tooltip', async () => {
    const { sent } = fakeServer([comment('c1', ME, '<p>Draft</p>', { mentions: [COLLEAGUE] })]);
    const item = await openPanel();
    expect(screen.queryByTestId('record-comment-edited')).toBeNull();
    fireEvent.click(within(item('Draft')).getByTestId('record-comment-edit'));
    fireEvent.change(editBox(), { target: { value: 'Final <text>' } });
    await act(async () => fireEvent.click(screen.getByTestId('record-comment-edit-save')));
    expect(sent).toEqual([expect.objectContaining({ method: 'PATCH', body: { body: '<p>Final &lt;text&gt;</p>', mentions: [COLLEAGUE], version: 1 } })]);
    await waitFor(() => expect(screen.queryByTestId('record-comment-editor')).toBeNull());
    const marker = await screen.findByTestId('record-comment-edited');
    expect(marker.textContent).toBe('edited');
    expect(marker.getAttribute('title')).toMatch(/^Edited .*2026/);
    expect(item('Final').textContent).toContain('Final <text>');
  });

  it('says so in Chinese', async () => {
    useSessionStore.getState().setLocale('zh-CN');
    fakeServer([comment('c1', ME, '<p>改过</p>', { editedAt: '2026-12-07T10:05:00Z', version: 2 })]);
    await openPanel();
    const marker = screen.getByTestId('record-comment-edited');
    expect(marker.textContent).toBe('已编辑');
    expect(marker.getAttribute('title')).toMatch(/^编辑于 2026/);
  });

  it('keeps my text when the comment changed meanwhile, shows the latest version, and saves knowingly from it', async () => {
    const server = fakeServer([comment('c1', ME, '<p>First</p>')]);
    const item = await openPanel();
    fireEvent.click(within(item('First')).getByTestId('record-comment-edit'));
    server.changeBehind('c1', '<p>Changed in another tab</p>');
    fireEvent.change(editBox(), { target: { value: 'My rewrite' } });
    await act(async () => fireEvent.click(screen.getByTestId('record-comment-edit-save')));

    const conflict = await screen.findByTestId('record-comment-conflict');
    expect(conflict.textContent).toContain('changed while you were editing');
    expect(conflict.textContent).toContain('Changed in another tab');
    expect(editBox().value).toBe('My rewrite');

    await act(async () => fireEvent.click(screen.getByTestId('record-comment-edit-save')));
    expect(server.sent.map((s) => s.body?.version)).toEqual([1, 2]);
    await waitFor(() => expect(screen.queryByTestId('record-comment-editor')).toBeNull());
    await waitFor(() => expect(item('My rewrite')).toBeTruthy());
  });
});
