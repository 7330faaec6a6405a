import type { Tx } from '../client';

export type Attachment = {
  id: string;
  caseId: string | null;
  draftId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  source: 'submission' | 'tracking';
  createdAt: Date;
};

const columns = ['id', 'case_id', 'draft_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'source', 'created_at'] as const;

function toAttachment(row: {
  id: string;
  case_id: string | null;
  draft_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  source: 'submission' | 'tracking';
  created_at: Date;
}): Attachment {
  return {
    id: row.id,
    caseId: row.case_id,
    draftId: row.draft_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    source: row.source,
    createdAt: row.created_at,
  };
}

/**
 * Uploaded files: their details, and their bytes in a table of their own
 * (never in a web root; read only to serve them as downloads to staff).
 */
export function attachmentRepository(tx: Tx) {
  return {
    async insert(values: {
      councilId: string;
      caseId: string | null;
      draftId: string | null;
      fileName: string;
      contentType: string;
      sha256: string;
      source: 'submission' | 'tracking';
      content: Uint8Array;
    }): Promise<Attachment> {
      const row = await tx
        .insertInto('attachments')
        .values({
          council_id: values.councilId,
          case_id: values.caseId,
          draft_id: values.draftId,
          file_name: values.fileName,
          content_type: values.contentType,
          size_bytes: values.content.byteLength,
          sha256: values.sha256,
          source: values.source,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      await tx.insertInto('attachment_contents').values({ attachment_id: row.id, council_id: values.councilId, content: values.content }).execute();
      return toAttachment(row);
    },

    async listForDraft(draftId: string): Promise<Attachment[]> {
      const rows = await tx.selectFrom('attachments').select(columns).where('draft_id', '=', draftId).where('case_id', 'is', null).orderBy('created_at').orderBy('id').execute();
      return rows.map(toAttachment);
    },

    async listForCase(caseId: string): Promise<Attachment[]> {
      const rows = await tx.selectFrom('attachments').select(columns).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toAttachment);
    },

    /** Moves a draft's uploads to the case it became. */
    async moveDraftFilesToCase(draftId: string, caseId: string): Promise<number> {
      const result = await tx.updateTable('attachments').set({ case_id: caseId }).where('draft_id', '=', draftId).where('case_id', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Removes an upload of a draft not yet submitted. Returns whether there was one. */
    async deleteFromDraft(id: string, draftId: string): Promise<boolean> {
      const result = await tx.deleteFrom('attachments').where('id', '=', id).where('draft_id', '=', draftId).where('case_id', 'is', null).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async getContent(id: string): Promise<Uint8Array | undefined> {
      const row = await tx.selectFrom('attachment_contents').select('content').where('attachment_id', '=', id).executeTakeFirst();
      return row?.content;
    },
  };
}
