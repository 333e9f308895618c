import { describe, expect, it } from 'vitest';
import { ariaAttributes, pickAria } from './form-aria';

describe('form aria attributes', () => {
  const props = { 'aria-invalid': true, 'aria-describedby': 'record-form_x_help', placeholder: 'p', onBlur: () => undefined };

  it('keeps only the aria attributes a widget may spread onto its own element', () => {
    expect(pickAria(props)).toEqual({ 'aria-invalid': true, 'aria-describedby': 'record-form_x_help' });
    expect(pickAria({})).toEqual({});
  });

  it('gives them as DOM attribute strings for the editor', () => {
    expect(ariaAttributes({ ...props, 'aria-required': false })).toEqual({
      'aria-required': 'false',
      'aria-invalid': 'true',
      'aria-describedby': 'record-form_x_help',
    });
  });
});
