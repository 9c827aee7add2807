import { notifications } from '@mantine/notifications';
import { errorMessage } from './api.ts';

// The close button has no text of its own: without a name, screen readers announce "button" (axe: button-name).
const closeButtonProps = { 'aria-label': 'Dismiss notification' };

export const notifyDone = (message: string) =>
  notifications.show({ color: 'teal', message, autoClose: 3000, closeButtonProps });

export const notifyError = (err: unknown, title = 'That did not work') =>
  notifications.show({ color: 'red', title, message: errorMessage(err), autoClose: 7000, closeButtonProps });
