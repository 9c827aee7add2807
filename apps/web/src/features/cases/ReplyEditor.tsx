import { Button, Group, Modal, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from '@tiptap/extension-link';
import { type Editor, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type RefObject, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { ApiError, api } from '../../lib/api.ts';
import { notifyDone, notifyError } from '../../lib/notify.ts';
import type { CaseDetail } from '../../lib/types.ts';
import { AppliedMacroBar } from '../macros/AppliedMacroBar.tsx';
import { toChanges } from '../macros/changes.ts';
import { MacroFormModal } from '../macros/MacroFormModal.tsx';
import { MacroPicker, type MacroPickerHandle } from '../macros/MacroPicker.tsx';
import { useAppliedMacro } from '../macros/useAppliedMacro.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { useAttachments } from './useAttachments.ts';

export type Mode = 'public' | 'internal';
export type ReplyHandle = { focus: (mode: Mode) => void; openMacros: () => void };

type Props = { c: CaseDetail; handle: RefObject<ReplyHandle | null>; onTyping?: (typing: boolean) => void };

/** Reply to the customer or write an internal note; warns when the case changed while writing. */
export function ReplyEditor({ c, handle, onTyping }: Props) {
  const qc = useQueryClient();
  const canReply = c.can.reply;
  const [mode, setMode] = useState<Mode>(canReply ? 'public' : 'internal');
  const [conflict, setConflict] = useState(false);
  const [empty, setEmpty] = useState(true);
  const att = useAttachments();
  const macro = useAppliedMacro(c.id);
  const picker = useRef<MacroPickerHandle>(null);
  const [savingMacro, setSavingMacro] = useState(false);
  const editor = useEditor({
    extensions: [StarterKit, Link.configure({ openOnClick: false })],
    content: '',
    immediatelyRender: true,
  });
  // The editable element itself carries the name, so screen readers announce what is being written.
  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': mode === 'internal' ? 'Internal note' : 'Reply',
        },
      },
    });
  }, [editor, mode]);
  useImperativeHandle(handle, () => ({
    focus: (m) => {
      setMode(m === 'public' && !canReply ? 'internal' : m);
      editor?.commands.focus('end');
    },
    openMacros: () => picker.current?.open(),
  }));
  useEffect(() => {
    if (!editor) return;
    // tiptap does not re-render us on every keystroke: keep "is there text?" in state ourselves.
    const update = () => {
      setEmpty(editor.isEmpty);
      onTyping?.(!editor.isEmpty);
    };
    editor.on('update', update);
    return () => void editor.off('update', update);
  }, [editor, onTyping]);
  const send = useMutation({
    mutationFn: async (version: number) => {
      const message = {
        body: textOf(editor),
        visibility: mode,
        attachment_ids: att.files.map((a) => a.id),
        version,
      };
      // With a macro applied, its pending field changes go in the same request as the reply.
      return macro.send(message) ?? api(`/cases/${c.id}/messages`, { method: 'POST', body: message });
    },
    onSuccess: async () => {
      const withMacro = macro.applied !== null;
      editor?.commands.clearContent(true);
      att.clear();
      macro.clear();
      setConflict(false);
      notifyDone(empty ? 'Changes applied' : mode === 'public' ? 'Reply sent' : 'Note added');
      await qc.invalidateQueries({ queryKey: ['case', c.id] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      if (withMacro) void qc.invalidateQueries({ queryKey: ['macros'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.reason === 'case_changed') setConflict(true);
      else notifyError(err, mode === 'public' ? 'The reply was not sent' : 'The note was not saved');
    },
  });
  const submit = () => (!empty || macro.changesOnly) && send.mutate(c.version);
  const applyMacro = async (id: string) => {
    try {
      const r = await macro.render(id);
      setMode(r.kind === 'public' && !canReply ? 'internal' : r.kind);
      if (!r.body || !editor) return;
      if (editor.isEmpty) editor.chain().setContent(r.body).focus('end').run();
      else editor.chain().focus().insertContent(r.body).run();
    } catch (err) {
      notifyError(err, 'The macro could not be applied');
    }
  };
  const sendAnyway = async () => {
    const fresh = await qc.fetchQuery({
      queryKey: ['case', c.id],
      queryFn: () => api<CaseDetail>(`/cases/${c.id}`),
    });
    send.mutate(fresh.version);
  };
  if (!canReply && !c.can.add_internal_note) return null;
  return (
    <Paper withBorder radius="md" p="sm" bg={mode === 'internal' ? 'yellow.0' : 'white'}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={mode}
              onChange={(v) => setMode(v as Mode)}
              data={[
                { value: 'public', label: 'Reply to customer', disabled: !canReply },
                { value: 'internal', label: 'Internal note' },
              ]}
            />
            <MacroPicker
              handle={picker}
              onPick={applyMacro}
              onSaveOwn={() => setSavingMacro(true)}
              loading={macro.rendering}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {mode === 'internal'
              ? 'Only staff see internal notes.'
              : `To ${c.customer.name} <${c.customer.email}>`}
          </Text>
        </Group>
        <RichTextEditor
          editor={editor}
          onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && submit()}
        >
          <RichTextEditor.Toolbar>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Link />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
          <RichTextEditor.Content mih={110} />
        </RichTextEditor>
        {macro.applied && (
          <AppliedMacroBar applied={macro.applied} onRemove={macro.remove} onDiscard={macro.clear} />
        )}
        <Group justify="space-between">
          <AttachmentPicker att={att} />
          <Button
            onClick={submit}
            loading={send.isPending}
            disabled={(empty && !macro.changesOnly) || att.uploading}
            color={mode === 'internal' ? 'yellow' : 'teal'}
          >
            {empty && macro.changesOnly ? 'Apply changes' : mode === 'internal' ? 'Add note' : 'Send reply'}
          </Button>
        </Group>
      </Stack>
      {savingMacro && (
        <MacroFormModal
          macro={null}
          initial={{
            scope: 'personal',
            body: textOf(editor),
            kind: mode,
            changes: macro.applied ? toChanges(macro.applied.changes) : {},
          }}
          onClose={() => setSavingMacro(false)}
        />
      )}
      <Modal
        opened={conflict}
        onClose={() => setConflict(false)}
        title="This case changed while you were writing"
        centered
      >
        <Stack>
          <Text size="sm">
            Someone else replied or changed the case since you opened it. Check what changed before sending,
            or send your message anyway.
          </Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setConflict(false);
                void qc.invalidateQueries({ queryKey: ['case', c.id] });
              }}
            >
              Review the changes
            </Button>
            <Button onClick={sendAnyway} loading={send.isPending}>
              Send anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Plain text with paragraphs kept: what the customer's mail and the search index see. */
const textOf = (editor: Editor | null) => (editor ? editor.getText({ blockSeparator: '\n\n' }).trim() : '');
