import { describe, expect, it } from 'vitest';
import { formAlert } from './form-state';

describe('formAlert', () => {
  const endBeforeStart = { ok: false, message: 'The end must be after the start.', fields: { endT: ['The end must be after the start'] } };

  it('says nothing above the form when every error sits next to its field', () => {
    expect(formAlert(endBeforeStart, (name) => name === 'endT')).toBeUndefined();
  });

  it('says nothing above the form when the summary only points at the fields', () => {
    expect(formAlert({ ok: false, message: 'Check the highlighted fields.', fields: { name: ['Enter a name'] } }, () => true)).toBeUndefined();
  });

  it('says nothing above the form when the summary is the field message inside a longer sentence', () => {
    const pattern = {
      ok: false,
      message: 'Invalid masking rule pattern: The pattern can match the empty string.',
      fields: { pattern: ['The pattern can match the empty string.'] },
    };
    expect(formAlert(pattern, () => true)).toBeUndefined();
  });

  it('keeps a summary that says more than the field', () => {
    const duplicate = { ok: false, message: 'A user with this e-mail already exists.', fields: { email: ['Already in use'] } };
    expect(formAlert(duplicate, () => true)).toBe('A user with this e-mail already exists.');
  });

  it("shows an error whose field is not on the form, in that field's words", () => {
    expect(
      formAlert(
        { ok: false, message: 'Check the highlighted fields.', fields: { name: ['Required'], resourceId: ['Unknown resource'] } },
        (name) => name === 'name',
      ),
    ).toBe('Unknown resource');
    expect(formAlert(endBeforeStart, () => false)).toBe('The end must be after the start');
  });

  it('shows a message without field errors, and a success', () => {
    expect(formAlert({ ok: false, message: 'You do not have permission to do that.' }, () => true)).toBe('You do not have permission to do that.');
    expect(formAlert({ ok: true, message: 'Saved.' }, () => true)).toBe('Saved.');
    expect(formAlert(undefined, () => true)).toBeUndefined();
  });
});
