'use client';

import type { FormState } from '../ui/form-state';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

export function UserStatusButton({ name, isDisabled, action }: { name: string; isDisabled: boolean; action: () => Promise<FormState> }) {
  return isDisabled ? (
    <ConfirmButton
      label="Enable user"
      title={`Enable ${name}?`}
      description="They can sign in again with their password or single sign-on, and their API tokens work again."
      confirmVariant="primary"
      action={action}
    />
  ) : (
    <ConfirmButton
      label="Disable user"
      title={`Disable ${name}?`}
      description="They are signed out everywhere at once, their live terminal and SQL sessions end and their active grants are revoked. They cannot sign in, and their API tokens stop working, until an admin enables them again."
      variant="danger"
      action={action}
    />
  );
}
