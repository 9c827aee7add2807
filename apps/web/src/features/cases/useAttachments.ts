import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { notifyError } from '../../lib/notify.ts';
import type { Attachment } from '../../lib/types.ts';

/** Uploads chosen files at once (they stream to storage) and keeps their ids for the message. */
export function useAttachments() {
  const [files, setFiles] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(0);
  const add = async (chosen: File[]) => {
    setUploading((n) => n + chosen.length);
    for (const file of chosen) {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const a = await api<Attachment>('/attachments', { method: 'POST', body: form });
        setFiles((f) => [...f, a]);
      } catch (err) {
        notifyError(err, `${file.name} was not attached`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };
  const remove = (id: string) => setFiles((f) => f.filter((a) => a.id !== id));
  const clear = () => setFiles([]);
  return { files, uploading: uploading > 0, add, remove, clear };
}
