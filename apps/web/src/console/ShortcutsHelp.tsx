import { Kbd, Modal, Table } from '@mantine/core';

export const SHORTCUTS: [string, string][] = [
  ['/', 'Search'],
  ['j / k', 'Next / previous case in the queue'],
  ['r', 'Reply to the customer'],
  ['n', 'Write an internal note'],
  ['m', 'Apply a macro'],
  ['a', 'Assign the case to me'],
  ['s', 'Mark the case solved'],
  ['Ctrl + Enter', 'Send the reply or note'],
  ['Esc', 'Back to the queue'],
  ['?', 'This help'],
];

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={keys}>
              <Table.Td w={140}>
                {keys
                  .split(' ')
                  .map((k) =>
                    k === '/' && keys !== '/' ? ' / ' : k === '+' ? ' + ' : <Kbd key={k}>{k}</Kbd>,
                  )}
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
