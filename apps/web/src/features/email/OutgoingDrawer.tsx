import { Drawer } from '@mantine/core';
import { useRef } from 'react';
import { OutgoingDetail } from './OutgoingDetail.tsx';

/** One outgoing mail in a side drawer; its content stays while the drawer slides shut. */
export function OutgoingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const last = useRef<string | null>(null);
  if (id) last.current = id;
  const shown = id ?? last.current;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title="Outgoing mail"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {shown && <OutgoingDetail id={shown} />}
    </Drawer>
  );
}
