import { useCallback, useMemo, useState } from 'react';
import { commentText } from './comment-format';
import type { RecordComment } from './comments-api';
import { useCommentComposer } from './use-comment-composer';
import type { EditOutcome } from './use-record-comments';

type SaveEdit = (commentId: string, body: string, mentions: readonly string[], version: number) => Promise<EditOutcome>;

/** Why the last Save was refused: the comment changed meanwhile; its latest version, to compare. */
export interface EditConflict {
  message: string;
  latest: RecordComment | null;
}

/**
 * Rewriting one comment in place: the composer's box started from the comment's text and
 * mentions, saved from the version the author began with. When the server says the comment
 * changed meanwhile, the author's text stays in the box, the latest version is shown above it,
 * and the next Save is made knowingly from that latest version. Esc and Cancel leave unsaved.
 */
export function useCommentEditor(comment: RecordComment, save: SaveEdit, onDone: () => void) {
  const [baseVersion, setBaseVersion] = useState(comment.version);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const post = useCallback(
    async (body: string, mentions: readonly string[]) => {
      const outcome = await save(comment.id, body, mentions, baseVersion);
      if (outcome.kind === 'saved') onDone();
      if (outcome.kind === 'conflict') {
        setConflict({ message: outcome.message, latest: outcome.latest });
        if (outcome.latest) setBaseVersion(outcome.latest.version);
      }
      return outcome.kind === 'saved';
    },
    [save, comment.id, baseVersion, onDone],
  );
  // The box starts from the comment as it was when Edit was pressed, never re-filled under the author's hands.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, on opening
  const start = useMemo(() => ({ text: commentText(comment.body), mentions: comment.mentions }), []);
  const composer = useCommentComposer(post, start, onDone);
  return { composer, conflict };
}
