/** English strings of completing a kanban move in the record drawer when the form's rules ask for more. */
export const kanbanMoveEn = {
  'kanbanMove.complete': 'Moving the card to “{column}” needs a few more details. Fill in the marked fields and save; cancel, and the card stays where it was.',
} as const;
