import { expect, it } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin } from '@/test/factories';
import { createWebhook } from './create-webhook';
import { getWebhook } from './list-webhooks';
import { updateWebhook } from './update-webhook';

describeEachDriver('updateWebhook', () => {
  it('changes only the fields given: renaming a disabled webhook keeps it disabled', async () => {
    const { actor } = await makeAdmin();
    const { id } = await createWebhook({ actor, input: { name: 'ops', url: 'https://hooks.example.com/a', events: ['request.created'], isEnabled: false } });
    await updateWebhook({ actor, webhookId: id, input: { name: 'ops channel' } });
    expect(await getWebhook({ actor, webhookId: id })).toMatchObject({
      name: 'ops channel',
      isEnabled: false,
      url: 'https://hooks.example.com/a',
      events: ['request.created'],
    });
  });
});
