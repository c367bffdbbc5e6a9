import { expect, it } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { rejectsWith } from '@/test/app-error';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { maskText } from '../mask-text';
import { loadSessionMasking } from './load-masking';
import {
  createCustomRule,
  deleteCustomRule,
  listMaskingRules,
  listResourceMaskingModes,
  setResourceMaskingMode,
  testMasking,
  updateBuiltInRule,
  updateCustomRule,
} from './masking-rules';

describeEachDriver('masking rules store', () => {
  it('validates, scopes and applies custom rules; built-in overrides; per-resource mode; the tester', async () => {
    const { actor } = await makeAdmin();
    const a = await makeResource(sshResource({ name: 'alpha' }));
    const b = await makeResource(sshResource({ name: 'beta' }));

    expect((await rejectsWith(createCustomRule({ actor, input: { name: 'bad', pattern: 'x*' } }), 'VALIDATION')).fields?.pattern).toEqual([
      expect.stringMatching(/empty string/),
    ]);
    expect((await rejectsWith(createCustomRule({ actor, input: { name: 'bad', pattern: '(unclosed' } }), 'VALIDATION')).fields?.pattern).toEqual([
      expect.any(String),
    ]);
    expect((await rejectsWith(createCustomRule({ actor, input: { name: 'bad', pattern: '(?=x)y' } }), 'VALIDATION')).fields?.pattern).toEqual([
      expect.any(String),
    ]);

    const rule = await createCustomRule({ actor, input: { name: 'Employee ID', pattern: 'EMP-[0-9]{6}', resourceIds: [a.id] } });
    expect(rule).toMatchObject({ label: '[MASKED:employee-id]', resourceIds: [a.id], isEnabled: true });

    const masked = (resourceId: string, text: string) => loadSessionMasking(resourceId).then(({ masker }) => maskText(masker, text).output.toString());
    expect(await masked(a.id, 'id EMP-123456 key AKIARHUNWS7DR4ERD7TI')).toBe('id [MASKED:employee-id] key [MASKED:aws-key]');
    expect(await masked(b.id, 'id EMP-123456')).toBe('id EMP-123456');

    await updateCustomRule({ actor, ruleId: rule.id, input: { name: 'Employee ID', pattern: 'EMP-[0-9]{6}', replacement: '<emp>', resourceIds: null } });
    expect(await masked(b.id, 'id EMP-123456')).toBe('id <emp>');

    await updateBuiltInRule({ actor, ruleId: 'aws-access-key-id', input: { enabled: false } });
    expect(await masked(a.id, 'AKIARHUNWS7DR4ERD7TI')).toBe('AKIARHUNWS7DR4ERD7TI');
    expect((await listMaskingRules({ actor })).builtIns.find((r) => r.id === 'aws-access-key-id')).toMatchObject({ enabled: false });

    expect((await loadSessionMasking(a.id)).mode).toBe('view_and_recording');
    await setResourceMaskingMode({ actor, resourceId: a.id, input: { mode: 'recording_only' } });
    expect((await loadSessionMasking(a.id)).mode).toBe('recording_only');
    expect(await listResourceMaskingModes({ actor })).toMatchObject({ [a.id]: 'recording_only' });
    expect((await listResourceMaskingModes({ actor }))[b.id]).toBeUndefined();

    const tested = await testMasking({ actor, input: { text: 'EMP-123456 and T-99', draft: { name: 'ticket', pattern: 'T-[0-9]+' } } });
    expect(tested.output).toBe('<emp> and [MASKED:ticket]');
    expect(tested.masks.map((m) => m.rule)).toEqual(['Employee ID', 'ticket']);
    // The tester runs the session's engine: the most specific rule names an overlapping mask.
    const token = await testMasking({ actor, input: { text: 'token=ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW' } });
    expect(token.output).toBe('token=[MASKED:github-token]');
    expect(token.masks.map((m) => m.rule)).toEqual(['GitHub token (classic)']);

    await deleteCustomRule({ actor, ruleId: rule.id });
    expect(await masked(b.id, 'id EMP-123456')).toBe('id EMP-123456');

    const { actor: engineer } = await makeUser();
    await rejectsWith(listMaskingRules({ actor: engineer }), 'FORBIDDEN');
    await rejectsWith(listResourceMaskingModes({ actor: engineer }), 'FORBIDDEN');
    await rejectsWith(setResourceMaskingMode({ actor: engineer, resourceId: a.id, input: { mode: 'view_and_recording' } }), 'FORBIDDEN');
  });
});
